/** «Fyll ut», step 1: what to do, for how long, with which wishes; what is never changed. */
import { useEffect, useId, useMemo, useState } from 'react';
import { api } from '../../../api';
import { usePlan } from '../../../stores/plan';
import { useRules } from '../../../stores/rules';
import { useGenerate } from '../../../stores/generate';
import { fmtInt } from '../../../lib/format';
import { addDays, formatDateNo } from '../../../../../shared/calendar';
import type { GenerateMode, GenerateOptions } from '../../../../../shared/api/solver';
import type { VacationWish } from '../../../../../shared/api/wishes';
import { currentPlanFile, describeOverTolerance, overToleranceText, parseOverTolerance, protectedCellsOf } from './summary';
import { BUDGETS, MODES, coreCount, pendingOffWishes, plural, savedThreads, saveThreads } from './options';
import { DateField } from '../../../components/DateField';

function ProtectedNote({ pinned, absence }: { pinned: number; absence: number }) {
  return (
    <div className="gen-note" role="note">
      <strong>Dette endres aldri:</strong> låste ruter ({fmtInt(pinned)} i denne planen) og registrert fravær som ferie, kurs og permisjon (
      {fmtInt(absence)} ruter). Turnus lager bare et forslag; ingenting i planen endres før du har sett forslaget og trykket «Bruk
      endringene». Du kan angre hele utfyllingen i ett trykk etterpå.
      <br />
      <span className="muted">
        Slik låser du vakter: lukk dette vinduet, marker vaktene i turnusen og trykk «Lås vakter» i verktøylinjen. Låste ruter har mørk
        ramme. Med «Fyll tomme ruter» blir dessuten alt som allerede står i planen, stående.
      </span>
    </div>
  );
}

export function SetupStep({ planId }: { planId: number }) {
  const fromId = useId();
  const toId = useId();
  const plan = usePlan((s) => s.plan);
  const errorsNow = useRules((s) => s.counts.error);
  const start = useGenerate((s) => s.start);
  const close = useGenerate((s) => s.close);
  const last = useGenerate((s) => s.options);
  const [mode, setMode] = useState<GenerateMode>(last?.mode ?? 'fill');
  const [seconds, setSeconds] = useState<number>(last?.seconds ?? 30);
  const [threads, setThreads] = useState<number>(savedThreads);
  const threadsId = useId();
  const [from, setFrom] = useState(last?.from ?? plan?.start ?? '');
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text; Math.min would coerce them to NaN
  const [to, setTo] = useState(last?.to ?? (plan ? (addDays(plan.start, 27) < plan.end ? addDays(plan.start, 27) : plan.end) : ''));
  const [wishes, setWishes] = useState<VacationWish[]>([]);
  const [useWishes, setUseWishes] = useState(true);
  const [tolPct, setTolPct] = useState(() => overToleranceText(last?.overTolerance).pct);
  const [tolHours, setTolHours] = useState(() => overToleranceText(last?.overTolerance).hours);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  useEffect(() => {
    let live = true;
    api.listWishes(planId).then(
      (w) => {
        if (live) setWishes(w);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [planId]);

  const rev = usePlan((s) => s.rev);
  // Counted on the grid's current cells (absence typed since the plan was opened included).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rev` is the trigger: the cells are read through usePlan.getState(), so a change of `rev` must recompute
  const prot = useMemo(
    () => (plan ? protectedCellsOf(currentPlanFile(plan.file, usePlan.getState().cells)) : { pinned: 0, absence: 0 }),
    [plan, rev],
  );
  if (!plan) return null;
  const pending = wishes.filter((w) => w.status === 'onsket');

  const submit = () => {
    const o: GenerateOptions = { mode, seconds, threads };
    if (mode === 'replan') {
      if (!from) return setError({ field: 'from', message: 'Fra-dato mangler. Velg første dag som skal planlegges på nytt.' });
      if (!to) return setError({ field: 'to', message: 'Til-dato mangler. Velg siste dag som skal planlegges på nytt.' });
      if (to < from) return setError({ field: 'to', message: 'Til-dato kan ikke være før fra-dato.' });
      if (from > plan.end || to < plan.start) {
        return setError({
          field: 'from',
          message: `Datoene må ligge i planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).`,
        });
      }
      o.from = from;
      o.to = to;
    }
    const tol = parseOverTolerance(tolPct, tolHours);
    if (!tol.ok) return setError({ field: tol.field, message: tol.message });
    o.overTolerance = tol.value;
    if (useWishes && pending.length) o.wishes = pendingOffWishes(pending, plan.start, plan.end);
    setError(null);
    void start(o);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      aria-label="Innstillinger for utfylling"
    >
      <fieldset className="gen-modes">
        <legend>Hva skal Turnus gjøre?</legend>
        {MODES.map((m) => (
          <label key={m.mode} className={'gen-choice' + (mode === m.mode ? ' on' : '')}>
            <input type="radio" name="gen-mode" value={m.mode} checked={mode === m.mode} onChange={() => setMode(m.mode)} />
            <span>
              <b>{m.label}</b>
              <span className="muted">
                {m.hint}
                {m.mode === 'repair' && <> Planen har nå {plural(errorsNow, 'regelbrudd', 'regelbrudd')}.</>}
              </span>
            </span>
          </label>
        ))}
        {mode === 'replan' && (
          <div className="form-row gen-dates">
            <label htmlFor={fromId} className="field">
              <span>Fra og med</span>
              <DateField id={fromId} label="Fra og med" value={from} aria-invalid={error?.field === 'from'} onChange={setFrom} />
            </label>
            <label htmlFor={toId} className="field">
              <span>Til og med</span>
              <DateField id={toId} label="Til og med" value={to} aria-invalid={error?.field === 'to'} onChange={setTo} />
            </label>
          </div>
        )}
      </fieldset>

      <fieldset className="gen-budget">
        <legend>Hvor lenge skal Turnus lete?</legend>
        <div className="gen-budget-row">
          {BUDGETS.map((b) => (
            <label key={b.seconds} className={'gen-pill' + (seconds === b.seconds ? ' on' : '')}>
              <input
                type="radio"
                name="gen-seconds"
                value={b.seconds}
                checked={seconds === b.seconds}
                onChange={() => setSeconds(b.seconds)}
              />
              {b.label}
              {b.hint && <span className="muted"> ({b.hint})</span>}
            </label>
          ))}
        </div>
        <p className="muted small">
          Lengre tid gir som regel færre udekkede vakter. Du kan avbryte underveis og likevel se det beste forslaget så langt.
        </p>
        <div className="form-row gen-threads">
          <label htmlFor={threadsId} className="field">
            <span>Tråder</span>
            <select
              id={threadsId}
              value={threads}
              onChange={(e) => {
                const n = Number(e.target.value);
                setThreads(n);
                saveThreads(n);
              }}
            >
              {Array.from({ length: coreCount() }, (_, k) => k + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">
            Så mange prosessorkjerner leter samtidig og deler det beste forslaget (denne PC-en har{' '}
            {plural(coreCount(), 'kjerne', 'kjerner')}). Én kjerne mindre enn alle lar PC-en svare raskt mens Turnus leter.
          </p>
        </div>
      </fieldset>

      <fieldset className="gen-tolerance">
        <legend>Tillatt over måltimer</legend>
        <div className="gen-tolerance-row">
          <label className="field">
            <span>Prosent av måltimene</span>
            <span className="gen-unit">
              <input
                type="text"
                inputMode="decimal"
                size={5}
                value={tolPct}
                aria-invalid={error?.field === 'tolPct'}
                onChange={(e) => setTolPct(e.target.value)}
              />
              %
            </span>
          </label>
          <label className="field">
            <span>Minst antall timer</span>
            <span className="gen-unit">
              <input
                type="text"
                inputMode="decimal"
                size={5}
                value={tolHours}
                aria-invalid={error?.field === 'tolHours'}
                onChange={(e) => setTolHours(e.target.value)}
              />
              t
            </span>
          </label>
        </div>
        <p className="muted small">
          Så mange timer over stillingen sin kan en ansatt få i perioden. Trengs det mer, lar Turnus vakten stå åpen for vikar og sier
          hvorfor. Standard er {describeOverTolerance(undefined)}.
        </p>
      </fieldset>

      {pending.length > 0 && (
        <label className="check">
          <input type="checkbox" checked={useWishes} onChange={(e) => setUseWishes(e.target.checked)} />
          Prøv å gi fri der ansatte har ferieønsker som ikke er behandlet ennå ({plural(pending.length, 'ønske', 'ønsker')})
        </label>
      )}

      <ProtectedNote {...prot} />
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary">
          Start utfylling
        </button>
        <button type="button" onClick={close}>
          Lukk
        </button>
      </div>
    </form>
  );
}
