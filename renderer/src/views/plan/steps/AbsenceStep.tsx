/** Step 3: known absence (whole days), then meetings and courses (timed, ActivityStep). */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { usePlan, keyOf } from '../../../stores/plan';
import { datesInRange } from '../../../lib/steps';
import { absenceCodesOf } from '../../../../../shared/plan/model';
import { formatDateNo, isIsoDate } from '../../../../../shared/calendar';
import { useSortedEmployees } from './common';
import { DateField } from '../../../components/DateField';
import { CodeOptions, EmployeeOptions, StackField } from './form-rows';
import { count } from '../../../../../shared/text';
import { ActivityForm } from './ActivityStep';

// ------------------------------------------------------------------------------- step 3
export function AbsenceStep() {
  const startId = useId();
  const endId = useId();
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const codes = useMemo(
    () => absenceCodesOf(plan.file).filter((a) => a.kind !== 'vacation' && a.kind !== 'meeting' && a.kind !== 'training'),
    [plan],
  );
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
    if (isIsoDate(start) && (start > plan.end || last < plan.start))
      errs.start = `Datoen må ligge i planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).`;
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
    setDone(
      `${count(changes.length, 'dag', 'dager')} merket ${code}.` +
        (skipped ? ` ${count(skipped, 'feriedag', 'feriedager')} ble ikke endret.` : ''),
    );
  }

  return (
    <div>
      <h3>Fravær hele dager</h3>
      <p className="muted">
        Legg inn kjent fravær (permisjon, fødselspermisjon, sykemelding) før vaktene. Fraværet tar hele dagen. Ferie blir ikke overskrevet.
      </p>
      <form className="form-row" onSubmit={submit} aria-label="Legg inn fravær">
        <StackField label="Hvem" error={errors.who}>
          <select value={who} onChange={(e) => setWho(e.target.value)} aria-invalid={!!errors.who}>
            <EmployeeOptions employees={employees} choose all />
          </select>
        </StackField>
        <StackField label="Type">
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            <CodeOptions codes={codes} />
          </select>
        </StackField>
        <StackField label="Fra" htmlFor={startId} error={errors.start}>
          <DateField id={startId} label="Fra" value={start} onChange={setStart} aria-invalid={!!errors.start} />
        </StackField>
        <StackField label="Til (valgfritt)" htmlFor={endId} error={errors.end}>
          <DateField id={endId} label="Til" value={end} onChange={setEnd} aria-invalid={!!errors.end} />
        </StackField>
        <button type="submit" className="primary align-end">
          Legg inn
        </button>
      </form>
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <ActivityForm />
    </div>
  );
}
