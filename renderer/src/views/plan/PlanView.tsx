import { useEffect, useMemo, useState } from 'react';
import { usePlan, selectionBounds } from '../../stores/plan';
import { keyOf } from '../../lib/cellKey';
import { useRules } from '../../stores/rules';
import { hrefOf } from '../../lib/router';
import { fmtHours } from '../../lib/format';
import { STATUS_LABEL } from '../../../../shared/review/pack';
import { formatDateNo, toDay } from '../../../../shared/calendar';
import { paidHours } from '../../../../shared/plan/plan-index';
import { FormError } from '../../components/Field';
import { count } from '../../../../shared/text';
import { Grid } from './grid/Grid';
import { applyDensity } from './grid/density';
import { useGridDensity } from '../../stores/gridDensity';
import { PastePreview } from './grid/PastePreview';
import { UserNameAsk } from './UserNameAsk';
import { Palette, keyHint } from './Palette';
import { codesOf, typingKeys, type CodeInfo } from '../../lib/codes';
import { Toolbar } from './Toolbar';
import { RulesPanel } from './RulesPanel';
import { StepGuide } from './steps/StepGuide';
import { ReviewLink } from '../review/ReviewView';
import { GenerateButton } from './generate/GenerateDialog';
import { ScenarioBanner, useScenarioOfPlan } from './ScenarioBanner';

function SaveStatus() {
  const state = usePlan((s) => s.saveState);
  const error = usePlan((s) => s.saveError);
  const flush = usePlan((s) => s.flush);
  const discard = usePlan((s) => s.discardUnsaved);
  const text = { lagret: 'Lagret', endret: 'Endringer ikke lagret ennå', lagrer: 'Lagrer …', feil: 'Ikke lagret' }[state];
  return (
    <span className={'save save-' + state} role="status" aria-live="polite" data-save-state={state}>
      {text}
      {state === 'feil' && (
        <>
          : {error}{' '}
          <button type="button" className="link" onClick={() => void flush()}>
            Prøv igjen
          </button>
          <button
            type="button"
            className="link"
            onClick={() => {
              if (window.confirm('Forkaste endringene som ikke ble lagret, og vise planen slik den er lagret?')) void discard();
            }}
          >
            Forkast endringene
          </button>
        </>
      )}
    </span>
  );
}

/** The keyboard help, with the letters each code is typed with in this plan. */
function KeyHelp({ codes }: { codes: CodeInfo[] }) {
  const keys = typingKeys(codes.map((c) => c.code));
  // Shift codes typed by their own letter are listed together; every other code with its keys.
  const plain = codes.filter((c) => c.kind === 'shift' && keys.get(c.code)!.keys === c.code && !keys.get(c.code)!.pause).map((c) => c.code);
  const list = [
    ...(plain.length ? [`${plain.join(', ')} for vaktene`] : []),
    ...codes
      .filter((c) => !plain.includes(c.code))
      .map((c) => `${keyHint(keys.get(c.code)!)} for ${c.kind === 'shift' ? c.code : (c.absence?.name ?? c.code).toLowerCase()}`),
  ];
  return (
    <div className="help" role="note">
      <p>
        <b>Piltaster</b> flytter. <b>Shift + piltast</b> markerer flere celler. <b>Bokstavene</b> ({list.join(', ')}) legger inn koden i
        markerte celler.
        <b> Delete</b> tømmer. <b>Ctrl+C / Ctrl+V</b> kopierer og limer inn (også celler kopiert fra Excel). <b>Ctrl+Z / Ctrl+Y</b> angrer
        og gjør om. <b>Ctrl + venstre/høyre</b> hopper en uke. En kode i paletten legger inn koden med ett klikk eller drag; deretter er
        paletten tilbake på «Marker».
      </p>
    </div>
  );
}

function CursorInfo() {
  const cur = usePlan((s) => s.cursor);
  const anchor = usePlan((s) => s.anchor);
  const emp = usePlan((s) => s.employees[s.cursor.r]);
  const date = usePlan((s) => s.days[s.cursor.c]);
  const code = usePlan((s) => (emp && date ? s.cells.get(keyOf(emp.id, date)) : undefined));
  const plan = usePlan((s) => s.plan);
  const hits = useRules((s) => (emp && date ? s.byCell.get(keyOf(emp.id, date)) : undefined));
  if (!emp || !date || !plan) return <div className="cursor-info" />;
  const b = selectionBounds(anchor, cur);
  const n = (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1);
  const st = plan.file.shiftTypes.find((s) => s.code === code);
  return (
    <div className="cursor-info" aria-live="polite">
      <strong>{emp.name}</strong> · {formatDateNo(date)} ·{' '}
      {code ? (st ? `${code} ${st.start}–${st.end} (${fmtHours(paidHours(st, toDay(date)))} t)` : code) : 'fri'}
      {n > 1 && <> · {count(n, 'celle', 'celler')} markert</>}
      {hits && <span className="bad"> · {hits.split('\n').join(' · ')}</span>}
    </div>
  );
}

export function PlanView({ planId }: { planId: number }) {
  const plan = usePlan((s) => (s.planId === planId ? s.plan : null));
  const loadError = usePlan((s) => s.loadError);
  const load = usePlan((s) => s.load);
  const [showHelp, setShowHelp] = useState(false);
  const compact = useGridDensity((s) => s.compact);
  const setCompact = useGridDensity((s) => s.setCompact);
  // The grid's sizes follow the density before it renders (it is mounted anew on a change).
  applyDensity(compact);
  const scenario = useScenarioOfPlan(planId);

  useEffect(() => {
    void load(planId);
  }, [planId, load]);
  useEffect(() => () => void usePlan.getState().flush(), []);
  // Ctrl+Z / Ctrl+Y also work when focus is on a button of the page (not in a form field).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey)) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.closest('input, select, textarea') || t.isContentEditable)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        usePlan.getState().undo();
      } else if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        usePlan.getState().redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const codes = useMemo(() => (plan ? codesOf(plan.file) : []), [plan]);

  if (!plan) {
    return (
      <div className="page">
        <FormError message={loadError} />
        {!loadError && <p className="muted">Henter turnusplanen …</p>}
      </div>
    );
  }
  const f = plan.file;
  return (
    <div className="plan-page">
      <div className="plan-head">
        <nav className="crumbs" aria-label="Brødsmuler">
          <a href="#/">Avdelinger</a> › <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'planer' })}>{f.unit.name}</a> ›{' '}
          <span>{plan.name}</span>
        </nav>
        <h1>
          {plan.name} <span className={'status status-' + plan.status}>{STATUS_LABEL[plan.status] ?? plan.status}</span>
        </h1>
        <p className="muted">
          {formatDateNo(plan.start)} – {formatDateNo(plan.end)} · {count(f.employees.length, 'ansatt', 'ansatte')}
          {/* A scenario is not sent to drøfting; «Gjør til gjeldende plan» makes it the real plan first. */}
          {!scenario && (
            <>
              {' · '}
              <ReviewLink planId={planId} />
            </>
          )}
          {' · '}
          <a href={hrefOf({ name: 'metrics', planId, tab: 'stillinger' })}>Nøkkeltall</a>
        </p>
        <SaveStatus />
      </div>
      {scenario && <ScenarioBanner scenario={scenario} />}
      <StepGuide planId={planId} />
      {f.employees.length === 0 ? (
        <p className="lead">
          Avdelingen har ingen ansatte ennå. <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'ansatte' })}>Legg inn de ansatte</a>{' '}
          først.
        </p>
      ) : (
        <div className="plan-body">
          <div className="plan-main">
            <div className="plan-tools">
              <Palette codes={codes} />
              <Toolbar />
              <GenerateButton planId={planId} />
              <label className="check density">
                <input type="checkbox" checked={compact} onChange={(e) => setCompact(e.target.checked)} />
                Kompakt (en måned)
              </label>
              <button type="button" className="link" onClick={() => setShowHelp((x) => !x)} aria-expanded={showHelp}>
                Hurtigtaster
              </button>
            </div>
            {showHelp && <KeyHelp codes={codes} />}
            <UserNameAsk />
            <PastePreview />
            <Grid key={compact ? 'compact' : 'normal'} codes={codes} compact={compact} />
            <CursorInfo />
          </div>
          <RulesPanel />
        </div>
      )}
    </div>
  );
}
