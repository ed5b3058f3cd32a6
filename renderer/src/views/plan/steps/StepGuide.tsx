/**
 * The Askermodellen order of work as a visible step guide: create the plan → ferieønsker and
 * known absence → meetings and training → weekend rhythm → fill weekdays → review.
 */
import { useDeferredValue, useEffect, useMemo, useState, type FormEvent } from 'react';
import { currentIndex, usePlan, keyOf } from '../../../stores/plan';
import { useWishes } from '../../../stores/wishes';
import { useRules } from '../../../stores/rules';
import { useCoverage, type CoverageView } from '../../../lib/coverage';
import { reveal } from '../../../stores/viewport';
import { messageOf } from '../../../api';
import { hrefOf } from '../../../lib/router';
import { balancedGroups, datesInRange, weekendPlacement } from '../../../lib/steps';
import { collator, fmtHours, fmtInt, fmtPct } from '../../../lib/format';
import { FormError } from '../../../components/Field';
import { COMPETENCE_LABEL, absenceCodesOf, type Competence, type Employee } from '../../../../../shared/plan/model';
import { formatDateNo, fromDay, isIsoDate, isoWeekday, toDay, weekendsIn } from '../../../../../shared/calendar';
import type { VacationWish, WishStatus } from '../../../../../shared/api/wishes';

type StepId = 'plan' | 'ferie' | 'fravaer' | 'helg' | 'ukedager' | 'gjennomgang';
const STEPS: { id: StepId; title: string }[] = [
  { id: 'plan', title: 'Plan opprettet' },
  { id: 'ferie', title: 'Ferieønsker' },
  { id: 'fravaer', title: 'Fravær, møter og kurs' },
  { id: 'helg', title: 'Helgerytme' },
  { id: 'ukedager', title: 'Fyll ukedagene' },
  { id: 'gjennomgang', title: 'Gjennomgang' },
];

const WISH_LABEL: Record<WishStatus, string> = { onsket: 'Ønsket', godkjent: 'Godkjent', avslatt: 'Avslått' };

function useSortedEmployees(): Employee[] {
  const employees = usePlan((s) => s.employees);
  return useMemo(() => [...employees].sort((a, b) => collator.compare(a.name, b.name)), [employees]);
}

// ------------------------------------------------------------------------------- step 2
function WishesStep() {
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const wishes = useWishes((s) => s.wishes);
  const loadError = useWishes((s) => s.loadError);
  const { add, setStatus, remove } = useWishes.getState();
  usePlan((s) => s.rev); // re-check the FE cells of approved wishes after every edit
  const cells = usePlan.getState().cells;
  const missingFe = (w: VacationWish) =>
    datesInRange(w.start, w.end, { start: plan.start, end: plan.end }).filter((d) => cells.get(keyOf(w.employeeId, d)) !== 'FE');
  const [employeeId, setEmployeeId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const names = new Map(employees.map((e) => [e.id, e.name]));
  const period = { start: plan.start, end: plan.end };
  // The wish list per employee: grouped by name, each person's wishes in date order.
  const byEmployee = [...wishes].sort((a, b) =>
    collator.compare(names.get(a.employeeId) ?? '', names.get(b.employeeId) ?? '') || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!employeeId) errs.employee = 'Velg hvem ønsket gjelder.';
    if (!isIsoDate(start)) errs.start = 'Velg første feriedag.';
    if (!isIsoDate(end)) errs.end = 'Velg siste feriedag.';
    else if (isIsoDate(start) && end < start) errs.end = 'Siste feriedag kan ikke være før første.';
    if (isIsoDate(start) && isIsoDate(end) && (end < plan.start || start > plan.end)) errs.start = `Ønsket må ligge i planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).`;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await add({ employeeId, start, end, note: note.trim() || undefined });
      setStart(''); setEnd(''); setNote('');
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  async function decide(w: VacationWish, status: WishStatus) {
    try {
      await setStatus(w.id, status);
      const dates = datesInRange(w.start, w.end, period);
      const s = usePlan.getState();
      if (status === 'godkjent') s.apply(dates.map((d) => ({ key: keyOf(w.employeeId, d), code: 'FE' })));
      else if (w.status === 'godkjent') {
        s.apply(dates.filter((d) => s.cells.get(keyOf(w.employeeId, d)) === 'FE').map((d) => ({ key: keyOf(w.employeeId, d), code: null })));
      }
      setErrors({});
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  async function del(w: VacationWish) {
    if (w.status === 'godkjent' && !window.confirm('Ønsket er godkjent. Slette det og ta bort ferien (FE) fra planen?')) return;
    try {
      if (w.status === 'godkjent') await decide(w, 'avslatt');
      await remove(w.id);
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  return (
    <div>
      <p className="muted">
        Legg inn hver ansatts ferieønsker. Når du godkjenner et ønske, blir dagene merket <b>FE</b> i turnusen.
        Avslår du et godkjent ønske, fjernes ferien igjen.
      </p>
      <FormError message={loadError} />
      {wishes.length > 0 && (
        <table className="table" aria-label="Ferieønsker">
          <thead><tr><th>Ansatt</th><th>Fra</th><th>Til</th><th>Merknad</th><th>Status</th><th></th></tr></thead>
          <tbody>
            {byEmployee.map((w, i) => (
              <tr key={w.id} data-wish={w.id} className={i > 0 && byEmployee[i - 1].employeeId === w.employeeId ? 'same-emp' : 'group-start'}>
                <td>{i > 0 && byEmployee[i - 1].employeeId === w.employeeId ? '' : names.get(w.employeeId) ?? w.employeeId}</td>
                <td>{formatDateNo(w.start)}</td>
                <td>{formatDateNo(w.end)}</td>
                <td>{w.note}</td>
                <td>
                  <span className={'status wish-' + w.status}>{WISH_LABEL[w.status]}</span>
                  {w.status === 'godkjent' && missingFe(w).length > 0 && (
                    <>
                      {' '}<span className="warn">{missingFe(w).length} dager mangler FE i turnusen</span>{' '}
                      <button type="button" className="link" onClick={() => usePlan.getState().apply(missingFe(w).map((d) => ({ key: keyOf(w.employeeId, d), code: 'FE' })))}>
                        Legg inn igjen
                      </button>
                    </>
                  )}
                </td>
                <td className="actions">
                  {w.status !== 'godkjent' && <button type="button" onClick={() => void decide(w, 'godkjent')}>Godkjenn</button>}
                  {w.status !== 'avslatt' && <button type="button" onClick={() => void decide(w, 'avslatt')}>Avslå</button>}
                  <button type="button" className="link danger" onClick={() => void del(w)}>Slett</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="form-row" onSubmit={submit} aria-label="Nytt ferieønske">
        <label className="stack">Ansatt
          <select value={employeeId} onChange={(e) => setEmployeeId(e.target.value)} aria-invalid={!!errors.employee}>
            <option value="">Velg …</option>
            {employees.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
          {errors.employee && <span className="field-error" role="alert">{errors.employee}</span>}
        </label>
        <label className="stack">Første feriedag
          <input type="date" value={start} min={plan.start} max={plan.end} onChange={(e) => setStart(e.target.value)} aria-invalid={!!errors.start} />
          {errors.start && <span className="field-error" role="alert">{errors.start}</span>}
        </label>
        <label className="stack">Siste feriedag
          <input type="date" value={end} min={plan.start} max={plan.end} onChange={(e) => setEnd(e.target.value)} aria-invalid={!!errors.end} />
          {errors.end && <span className="field-error" role="alert">{errors.end}</span>}
        </label>
        <label className="stack">Merknad
          <input value={note} onChange={(e) => setNote(e.target.value)} placeholder="valgfritt" />
        </label>
        <button type="submit" className="primary align-end">Legg til ønske</button>
      </form>
      <FormError message={errors.form} />
    </div>
  );
}

// ------------------------------------------------------------------------------- step 3
function AbsenceStep() {
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const codes = useMemo(() => absenceCodesOf(plan.file).filter((a) => a.kind !== 'vacation'), [plan]);
  const [who, setWho] = useState('');
  const [code, setCode] = useState(codes[0]?.code ?? 'PERM');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!who) errs.who = 'Velg en ansatt, eller «Alle ansatte».';
    if (!isIsoDate(start)) errs.start = 'Velg dato.';
    const last = end || start;
    if (end && !isIsoDate(end)) errs.end = 'Velg en gyldig dato, eller la feltet stå tomt for én dag.';
    else if (isIsoDate(start) && last < start) errs.end = 'Til-dato kan ikke være før fra-dato.';
    if (isIsoDate(start) && (start > plan.end || last < plan.start)) errs.start = `Datoen må ligge i planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).`;
    setErrors(errs);
    setDone(null);
    if (Object.keys(errs).length) return;
    const targets = who === '*' ? employees : employees.filter((x) => x.id === who);
    const s = usePlan.getState();
    const dates = datesInRange(start, last, { start: plan.start, end: plan.end });
    const changes: { key: string; code: string }[] = [];
    let skipped = 0;
    for (const t of targets) {
      for (const d of dates) {
        const cur = s.cells.get(keyOf(t.id, d));
        if (cur === 'FE') skipped++;
        else changes.push({ key: keyOf(t.id, d), code });
      }
    }
    s.apply(changes);
    setDone(`${changes.length} ${changes.length === 1 ? 'dag' : 'dager'} merket ${code}.` + (skipped ? ` ${skipped} feriedager ble ikke endret.` : ''));
  }

  return (
    <div>
      <p className="muted">
        Legg inn kjent fravær (permisjon) og fellesmøter, fagdager og kurs før vaktene. Møter og kurs gir timer
        ({codes.filter((c) => c.creditedHours).map((c) => `${c.code} ${fmtHours(c.creditedHours!)} t`).join(', ')}). Ferie blir ikke overskrevet.
      </p>
      <form className="form-row" onSubmit={submit} aria-label="Legg inn fravær, møte eller kurs">
        <label className="stack">Hvem
          <select value={who} onChange={(e) => setWho(e.target.value)} aria-invalid={!!errors.who}>
            <option value="">Velg …</option>
            <option value="*">Alle ansatte</option>
            {employees.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
          </select>
          {errors.who && <span className="field-error" role="alert">{errors.who}</span>}
        </label>
        <label className="stack">Type
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            {codes.map((c) => <option key={c.code} value={c.code}>{c.code} – {c.name ?? c.kind}</option>)}
          </select>
        </label>
        <label className="stack">Fra
          <input type="date" value={start} min={plan.start} max={plan.end} onChange={(e) => setStart(e.target.value)} aria-invalid={!!errors.start} />
          {errors.start && <span className="field-error" role="alert">{errors.start}</span>}
        </label>
        <label className="stack">Til (valgfritt)
          <input type="date" value={end} min={plan.start} max={plan.end} onChange={(e) => setEnd(e.target.value)} aria-invalid={!!errors.end} />
          {errors.end && <span className="field-error" role="alert">{errors.end}</span>}
        </label>
        <button type="submit" className="primary align-end">Legg inn</button>
      </form>
      {done && <p className="ok" role="status">{done}</p>}
    </div>
  );
}

// ------------------------------------------------------------------------------- step 4
function WeekendStep() {
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const saveWeekendSetup = usePlan((s) => s.saveWeekendSetup);
  const [k, setK] = useState<number>(plan.file.unit.weekendFrequency ?? 4);
  const [groups, setGroups] = useState<Map<string, number>>(() =>
    new Map(employees.filter((e) => e.weekendGroup !== undefined).map((e) => [e.id, e.weekendGroup!])));
  const [msg, setMsg] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const longShift = plan.file.shiftTypes.find((s) => s.long);
  const nWeekends = weekendsIn(toDay(plan.start), toDay(plan.end)).length;

  const missing = employees.filter((e) => groups.get(e.id) === undefined || groups.get(e.id)! >= k);

  async function save() {
    setError(null);
    try {
      await saveWeekendSetup(k, groups);
      setMsg('Helgerytme og grupper er lagret.');
    } catch (err) {
      setError(messageOf(err));
    }
  }

  async function layLongShifts() {
    setError(null);
    if (!longShift) {
      setError('Avdelingen har ingen vakttype merket som langvakt. Merk L som langvakt under «Vakttyper».');
      return;
    }
    if (missing.length) {
      setError(`Gi alle en helgegruppe først (mangler: ${missing.map((e) => e.name).join(', ')}).`);
      return;
    }
    try {
      await saveWeekendSetup(k, groups);
      const s = usePlan.getState();
      const p = weekendPlacement(s.employees, groups, k, { start: plan.start, end: plan.end }, (id, d) => !!s.cells.get(keyOf(id, d)));
      s.apply(p.changes.map((c) => ({ key: keyOf(c.employeeId, c.date), code: longShift.code })));
      setMsg(
        `${p.changes.length} langvakter (${longShift.code}) lagt inn.` +
        (p.skipped ? ` ${p.skipped} helgedager hadde allerede noe og ble ikke endret.` : '') +
        (p.withoutConsent.length ? ` Uten samtykke til langvakt (legg inn helgevakter selv): ${p.withoutConsent.map((e) => e.name).join(', ')}.` : ''),
      );
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <div>
      <p className="muted">
        Askermodellen: langvakter lørdag og søndag, hver {k}. helg. Perioden har {nWeekends} helger. Del de ansatte i {k} grupper;
        gruppe 1 tar første helg, gruppe 2 den neste, osv. Langvakter legges bare på dem som har samtykket.
      </p>
      <div className="form-row">
        <label className="stack">Hver ansatt jobber
          <select value={k} onChange={(e) => { setK(Number(e.target.value)); setMsg(null); }}>
            <option value={2}>annenhver helg</option>
            <option value={3}>hver 3. helg</option>
            <option value={4}>hver 4. helg</option>
          </select>
        </label>
        <button type="button" className="align-end" onClick={() => { setGroups(balancedGroups(employees, k)); setMsg(null); }}>Fordel grupper jevnt</button>
      </div>
      <ul className="group-dates" aria-label="Helgene til hver gruppe">
        {Array.from({ length: k }, (_, g) => {
          const sats = weekendsIn(toDay(plan.start), toDay(plan.end)).filter((_, i) => i % k === g);
          const fmt = (d: number) => { const x = formatDateNo(fromDay(d), false); return x.slice(0, 5); };
          return (
            <li key={g}>
              <b>Gruppe {g + 1}</b>: {sats.slice(0, 4).map((d) => `${fmt(d)}–${fmt(d + 1)}`).join(', ')}
              {sats.length > 4 ? ` og ${sats.length - 4} helger til` : ''}
            </li>
          );
        })}
      </ul>
      <table className="table compact" aria-label="Helgegrupper">
        <thead><tr><th>Ansatt</th><th>Kompetanse</th><th>Langvakt</th><th>Helgegruppe</th></tr></thead>
        <tbody>
          {employees.map((e) => (
            <tr key={e.id}>
              <td>{e.name}</td>
              <td>{COMPETENCE_LABEL[e.competence as Competence] ?? e.competence}</td>
              <td>{e.consentsLongShifts ? 'Samtykket' : <span className="warn">Ikke samtykket</span>}</td>
              <td>
                <select aria-label={`Helgegruppe for ${e.name}`} value={groups.get(e.id) ?? ''}
                  onChange={(ev) => { const m = new Map(groups); if (ev.target.value === '') m.delete(e.id); else m.set(e.id, Number(ev.target.value)); setGroups(m); setMsg(null); }}>
                  <option value="">Ingen</option>
                  {Array.from({ length: k }, (_, g) => <option key={g} value={g}>Gruppe {g + 1}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" onClick={() => void save()}>Lagre grupper</button>
        <button type="button" className="primary" onClick={() => void layLongShifts()}>Legg langvakter på gruppenes helger</button>
      </div>
      {msg && <p className="ok" role="status">{msg}</p>}
      <FormError message={error} />
    </div>
  );
}

// ------------------------------------------------------------------------------- step 5
/** Puts the cursor on the first day where a shift lacks people and scrolls the grid there. */
function jumpToFirstMissing(cov: CoverageView) {
  let first = -1;
  for (const row of cov.rows) {
    const c = row.byDay.findIndex((d) => d?.status === 'under');
    if (c >= 0 && (first < 0 || c < first)) first = c;
  }
  if (first < 0) return;
  const s = usePlan.getState();
  const employee = s.employees[s.cursor.r];
  if (employee) reveal({ employeeId: employee.id, date: s.days[first] });
}

function WeekdaysStep() {
  const cov = useCoverage();
  const employees = usePlan((s) => s.employees);
  const stats = usePlan((s) => s.stats);
  const short = employees
    .map((e) => ({ e, st: stats[e.id] }))
    .filter((x) => x.st && x.st.targetHours - x.st.plannedHours >= 0.5)
    .sort((a, b) => (b.st.targetHours - b.st.plannedHours) - (a.st.targetHours - a.st.plannedHours));
  return (
    <div>
      <p className="muted">
        Fyll hverdagene med D, A og N. Radene øverst i turnusen viser planlagt/trengs per vakt: <span className="bad">rødt</span> mangler folk,
        grønt er dekket. Tallene til høyre viser om hver ansatt får timene stillingen sin skal ha.
      </p>
      <p>
        {cov.uncoveredShifts === 0
          ? <span className="ok">Bemanningsplanen er dekket hele perioden.</span>
          : <>Det mangler <b>{cov.uncoveredShifts}</b> vakter ({fmtInt(cov.uncoveredHours)} timer) mot bemanningsplanen. Det er vikarbehovet slik planen står nå.</>}
      </p>
      {cov.uncoveredShifts > 0 && (
        <p><button type="button" onClick={() => jumpToFirstMissing(cov)}>Vis første dag som mangler folk</button></p>
      )}
      {short.length > 0 && (
        <p>
          Har for få timer: {short.slice(0, 8).map((x) => `${x.e.name} (${fmtHours(x.st.targetHours - x.st.plannedHours)} t)`).join(', ')}
          {short.length > 8 && ` og ${short.length - 8} til`}.
        </p>
      )}
    </div>
  );
}

// ------------------------------------------------------------------------------- step 6
function ReviewStep() {
  const plan = usePlan((s) => s.plan)!;
  const errors = useRules((s) => s.counts.error);
  const cov = useCoverage();
  const employees = usePlan((s) => s.employees);
  const stats = usePlan((s) => s.stats);
  const off = employees.filter((e) => stats[e.id] && Math.abs(stats[e.id].plannedHours - stats[e.id].targetHours) >= 0.5);
  const avgResult = employees.length ? employees.reduce((s, e) => s + (stats[e.id]?.resultingPosition ?? 0), 0) / employees.length : 0;
  const avgContract = employees.length ? employees.reduce((s, e) => s + e.position, 0) / employees.length : 0;
  return (
    <div>
      <ul className="checklist">
        <li className={errors ? 'bad' : 'ok'}>{errors ? `${errors} brudd på arbeidsmiljøloven eller avtalene (se listen til høyre)` : 'Ingen lovbrudd'}</li>
        <li className={cov.uncoveredShifts ? 'bad' : 'ok'}>{cov.uncoveredShifts ? `${cov.uncoveredShifts} vakter mangler mot bemanningsplanen` : 'Bemanningsplanen er dekket'}</li>
        <li className={off.length ? 'warn' : 'ok'}>{off.length ? `${off.length} ansatte har ikke timene stillingen deres skal ha` : 'Alle har riktig antall timer'}</li>
        <li>Gjennomsnittlig stillingsprosent: avtalt {fmtPct(avgContract)}, i planen {fmtPct(avgResult)}</li>
      </ul>
      <p className="muted">
        Planen skal drøftes med tillitsvalgte minst 14 dager før den starter ({formatDateNo(plan.start)}). Status nå: <b>{plan.status === 'utkast' ? 'Utkast' : plan.status === 'til_drofting' ? 'Til drøfting' : 'Godkjent'}</b>.
        {' '}Send den til drøfting og lag drøftingspakken under <a href={hrefOf({ name: 'review', planId: plan.id, tab: 'status' })}>Drøfting, versjoner og eksport</a>.
      </p>
    </div>
  );
}

// ------------------------------------------------------------------------------- guide
export function StepGuide({ planId }: { planId: number }) {
  const plan = usePlan((s) => s.plan)!;
  const wishes = useWishes((s) => s.wishes);
  const loadWishes = useWishes((s) => s.load);
  const rev = useDeferredValue(usePlan((s) => s.rev));
  const ruleErrors = useRules((s) => s.counts.error);
  const cov = useCoverage();
  const [step, setStep] = useState<StepId | null>(null);

  useEffect(() => {
    void loadWishes(planId);
  }, [planId, loadWishes]);

  const done = useMemo(() => {
    const index = currentIndex();
    let absence = false, longShift = false, weekdayWork = false;
    for (const e of index?.employees ?? []) {
      if (!absence) absence = e.absences.some((a) => a.absence.kind !== 'vacation');
      for (const w of e.shifts) {
        if (w.long) longShift = true;
        else if (isoWeekday(w.day) < 5) weekdayWork = true;
        if (longShift && weekdayWork) break;
      }
    }
    const employees = usePlan.getState().employees;
    return {
      plan: true,
      ferie: wishes.length > 0 && wishes.every((w) => w.status !== 'onsket'),
      fravaer: absence,
      helg: employees.length > 0 && employees.every((e) => e.weekendGroup !== undefined) && longShift,
      ukedager: weekdayWork && cov.uncoveredShifts === 0,
      gjennomgang: plan.status !== 'utkast' && ruleErrors === 0,
    } as Record<StepId, boolean>;
    // `rev` stands for the plan index, which is read through currentIndex().
  }, [rev, wishes, plan, ruleErrors, cov.uncoveredShifts]);

  return (
    <section className="steps" aria-label="Arbeidsrekkefølge (Askermodellen)">
      <ol className="step-list">
        {STEPS.map((st, i) => (
          <li key={st.id}>
            <button type="button" className={'step' + (step === st.id ? ' active' : '') + (done[st.id] ? ' done' : '')}
              aria-pressed={step === st.id} onClick={() => setStep(step === st.id ? null : st.id)}>
              <span className="step-no">{done[st.id] ? '✓' : i + 1}</span> {st.title}
            </button>
          </li>
        ))}
      </ol>
      {step && (
        <div className="step-panel" role="region" aria-label={STEPS.find((s) => s.id === step)!.title}>
          {step === 'plan' && (
            <p className="muted">
              Planen gjelder {formatDateNo(plan.start)} – {formatDateNo(plan.end)} for {plan.file.employees.length} ansatte.
              Sjekk at <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'ansatte' })}>ansatte</a> og{' '}
              <a href={hrefOf({ name: 'unit', unitId: plan.unitId, tab: 'bemanningsplan' })}>bemanningsplanen</a> er riktige før du går videre.
            </p>
          )}
          {step === 'ferie' && <WishesStep />}
          {step === 'fravaer' && <AbsenceStep />}
          {step === 'helg' && <WeekendStep />}
          {step === 'ukedager' && <WeekdaysStep />}
          {step === 'gjennomgang' && <ReviewStep />}
        </div>
      )}
    </section>
  );
}
