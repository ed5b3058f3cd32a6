/** 2–4 scenarios side by side, and the one-page «Sammendrag for PSU» (print view). */
import { useEffect, useState } from 'react';
import { api, messageOf } from '../../api';
import type { ScenarioSummary } from '../../../../shared/api/scenario';
import { savingWords, type ScenarioComparison as Cmp } from '../../../../shared/scenario';
import type { ComparisonExportFormat } from '../../../../shared/api/scenario';
import { downloadFile } from '../../lib/download';
import { formatDateNo } from '../../../../shared/calendar';
import { hrefOf, navigate } from '../../lib/router';
import { FormError } from '../../components/Field';
import { CompareCharts, CompareTable } from './CompareTable';
import { describeScenario } from './ScenariosTab';
import { TargetProfileField, hrs, pct } from '../../components/figures';
import { fmtPct } from '../../lib/format';
import '../metrics/metrics.css';
import { count } from '../../../../shared/text';

export function CompareView({ unitId, ids, psu }: { unitId: number; ids: number[]; psu: boolean }) {
  const [cmp, setCmp] = useState<Cmp | null>(null);
  const [list, setList] = useState<ScenarioSummary[]>([]);
  const [unitName, setUnitName] = useState('');
  const [profile, setProfile] = useState('asker-2030');
  const [error, setError] = useState<string | null>(null);
  const key = ids.join(',');

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `ids` (a new array on every render), so the comparison reloads only when the selection changes
  useEffect(() => {
    let live = true;
    setCmp(null);
    (async () => {
      try {
        const [c, l, u] = await Promise.all([api.compareScenarios(ids, profile), api.listScenarios(unitId), api.getUnit(unitId)]);
        if (!live) return;
        setCmp(c);
        setList(l);
        setUnitName(u.name);
        setError(null);
      } catch (e) {
        if (live) setError(messageOf(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [key, unitId, profile]);

  if (!cmp)
    return (
      <div className="page">
        <FormError message={error} />
        {!error && <p className="muted">Regner ut sammenligningen …</p>}
      </div>
    );
  const byId = new Map(list.map((s) => [s.id, s]));
  if (psu)
    return (
      <PsuSummary
        cmp={cmp}
        unitName={unitName}
        scenarios={ids.map((id) => byId.get(id)).filter((x): x is ScenarioSummary => !!x)}
        unitId={unitId}
        ids={ids}
      />
    );
  return (
    <div className="page metrics-page">
      <nav className="crumbs" aria-label="Brødsmuler">
        <a href="#/">Avdelinger</a> › <a href={hrefOf({ name: 'unit', unitId, tab: 'scenarioer' })}>{unitName}: scenarioer</a> ›{' '}
        <span>Sammenligning</span>
      </nav>
      <h1>Sammenligning av {cmp.rows.length} scenarioer</h1>
      <div className="form-row no-print">
        <TargetProfileField id="cmp-profile" value={profile} onChange={setProfile} />
        <div className="buttons align-end">
          <button type="button" className="primary" onClick={() => navigate({ name: 'compare', unitId, ids, psu: true })}>
            Sammendrag for PSU
          </button>
          <ExportButtons ids={ids} />
        </div>
      </div>
      <ul>
        {ids.map((id) => {
          const s = byId.get(id);
          return s ? (
            <li key={id}>
              <a href={hrefOf({ name: 'scenario', scenarioId: id })}>{s.name}</a>: {describeScenario(s)}
            </li>
          ) : null;
        })}
      </ul>
      <CompareTable cmp={cmp} />
      <p className="assume">
        Grønt = bedre enn referansen (første kolonne), rødt = dårligere. Kostnadene bruker avdelingens kostnadsmodell (se Nøkkeltall ›
        Økonomi); «Sparer»/«Koster … mer» er regnet mot referansen. Et scenario flytter ikke vakter av seg selv: større avtalte stillinger
        gir færre udekkede timer først når vaktene er lagt inn, f.eks. med stillingsøkning i scenarioet.
      </p>
      <CompareCharts cmp={cmp} />
    </div>
  );
}

function PsuSummary({
  cmp,
  unitName,
  scenarios,
  unitId,
  ids,
}: {
  cmp: Cmp;
  unitName: string;
  scenarios: ScenarioSummary[];
  unitId: number;
  ids: number[];
}) {
  const ref = cmp.rows[0];
  const best = cmp.rows.slice(1).reduce((b, r) => (r.netSaving > b.netSaving ? r : b), cmp.rows[Math.min(1, cmp.rows.length - 1)]);
  const period = scenarios[0] ? `${formatDateNo(scenarios[0].period.start, false)} – ${formatDateNo(scenarios[0].period.end, false)}` : '';
  return (
    <div className="page">
      <div className="buttons no-print">
        <a href={hrefOf({ name: 'compare', unitId, ids, psu: false })}>← Tilbake til sammenligningen</a>
        <button type="button" className="primary" onClick={() => window.print()}>
          Skriv ut
        </button>
        <ExportButtons ids={ids} />
      </div>
      <article className="psu" aria-label="Sammendrag for PSU">
        <h1>Sammendrag for PSU: {unitName}</h1>
        <p className="muted">
          Heltidsarbeid etter Askermodellen · periode {period} · laget {formatDateNo(new Date().toISOString().slice(0, 10), false)}
        </p>
        <p>
          Vi har sammenlignet {cmp.rows.length} måter å legge turnusen på. Referansen er «{ref.name}».{' '}
          {best !== ref && (
            <>
              «{best.name}» gir heltidsandel {pct(best.heltidsandel.resulting)} (referanse {pct(ref.heltidsandel.resulting)}),
              gjennomsnittlig stilling {pct(best.averagePosition.resulting)} (referanse {pct(ref.averagePosition.resulting)}),{' '}
              {hrs(best.vikarHours)} vikartimer (referanse {hrs(ref.vikarHours)}) og{' '}
              {count(best.involuntaryPartTime.count, 'person', 'personer')} i ufrivillig deltid (referanse {ref.involuntaryPartTime.count}).
              Mot referansen: {savingWords(best.netSaving)} i perioden, {savingWords(best.ledger.net.year).toLowerCase()} per år.{' '}
              <span data-psu-split>{best.ledger.split.headline}</span>
              {best.ledger.split.warning && <i> {best.ledger.split.warning}</i>}
            </>
          )}
        </p>
        <ul>
          {scenarios.map((s) => (
            <li key={s.id}>
              <b>{s.name}</b>: {describeScenario(s)}
            </li>
          ))}
        </ul>
        <CompareTable cmp={cmp} compact />
        <CompareCharts cmp={cmp} />
        <p className="assume">
          Heltid = stilling ≥ {fmtPct(cmp.profile.heltidThreshold)} ({cmp.profile.name}). «Det planen gir» = planlagte timer ÷ timer for 100
          % i perioden. Vikartimer = udekkede vakter i bemanningsplanen + forventet sykefravær; kroner etter avdelingens kostnadsmodell
          (lønn, feriepenger, AGA, pensjon; kilder i appen under Nøkkeltall › Økonomi). Regelbrudd er sjekket mot arbeidsmiljøloven kap. 10
          og lokale avtaler. Tallene er beregninger, ikke regnskap.
        </p>
      </article>
    </div>
  );
}

/** «Last ned PDF» (PSU-ready, same HTML→PDF path as the review pack) and «Last ned Excel». */
function ExportButtons({ ids }: { ids: number[] }) {
  const [busy, setBusy] = useState<ComparisonExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function go(format: ComparisonExportFormat) {
    setBusy(format);
    setError(null);
    try {
      downloadFile(await api.exportScenarioComparison(ids, format));
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  }
  return (
    <>
      <button type="button" onClick={() => void go('pdf')} disabled={busy !== null}>
        {busy === 'pdf' ? 'Lager PDF …' : 'Last ned PDF for PSU'}
      </button>
      <button type="button" onClick={() => void go('xlsx')} disabled={busy !== null}>
        {busy === 'xlsx' ? 'Lager Excel …' : 'Last ned Excel'}
      </button>
      <FormError message={error} />
    </>
  );
}
