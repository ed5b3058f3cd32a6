/**
 * Step 3, meetings and courses: a timed activity (date, from–to, MØTE/KURS, everyone or one
 * person) stored with the plan and carried in the plan file as `activities`. The day's shifts
 * stay; the grid shows a small teal square on the cells of those who attend. Each listed activity
 * says how many attend and who is «fritatt» from one for all and why (absent that day, or a
 * shift too close to it: shared/plan/activities.ts).
 */
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { usePlan, keyOf, currentIndex } from '../../../stores/plan';
import { useGridMarks } from '../../../stores/gridMarks';
import { api, messageOf } from '../../../api';
import { FormError } from '../../../components/Field';
import { absenceCodesOf, type PlanActivity } from '../../../../../shared/plan/model';
import { type ActivityAttendance, attendanceOf } from '../../../../../shared/plan/attendance';
import { formatDateNo, isIsoDate, isTime } from '../../../../../shared/calendar';
import { useSortedEmployees } from './common';
import { DateField } from '../../../components/DateField';
import { CodeOptions, EmployeeOptions, StackField } from './form-rows';

/**
 * Attendance of each timed activity of the open plan on its current cells (shared/plan/attendance:
 * who attends, who is «fritatt» and why), recomputed when a cell changes; null while the plan is
 * being checked.
 */
export function useAttendance(): Map<PlanActivity, ActivityAttendance> | null {
  const plan = usePlan((s) => s.plan);
  const rev = usePlan((s) => s.rev);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rev` is the trigger: the index is read through currentIndex(), kept in step with the cells, so a change of `rev` must recompute
  return useMemo(() => {
    const ix = currentIndex();
    if (!plan || !ix) return null;
    // The index is rebuilt from the file on load and kept in step with the cells (`rev`).
    return new Map((ix.plan.activities ?? []).map((a) => [a, attendanceOf(ix, a)]));
  }, [plan, rev]);
}

/** Marks the cells of every timed activity of the open plan in the grid, for those who attend. */
export function useActivityMarks() {
  const plan = usePlan((s) => s.plan);
  const attendance = useAttendance();
  useEffect(() => {
    const keys: string[] = [];
    if (attendance) {
      for (const att of attendance.values()) for (const id of att.attending) keys.push(keyOf(id, att.activity.date));
    } else {
      for (const a of plan?.file.activities ?? []) {
        const ids = a.employees === 'all' ? plan!.file.employees.map((e) => e.id) : a.employees;
        for (const id of ids) keys.push(keyOf(id, a.date));
      }
    }
    useGridMarks.getState().setMarks('activity', keys);
  }, [plan, attendance]);
  useEffect(() => () => useGridMarks.getState().setMarks('activity', []), []);
}

/** «Kari N.»: first name and the initial of the last, as the grid's compact names. */
function shortName(name: string): string {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 ? `${parts[0]} ${parts[parts.length - 1][0]}.` : name;
}

/** «12 deltar · fritatt: Kari N. (natt før møtet), Ola H. (ferie)». */
function AttendanceText({ att }: { att: ActivityAttendance | undefined }) {
  if (!att) return null;
  return (
    <span className="muted" data-testid="activity-attendance">
      {att.attending.length} deltar
      {att.excused.length > 0 && ` · fritatt: ${att.excused.map((x) => `${shortName(x.name)} (${x.reason})`).join(', ')}`}
    </span>
  );
}

/** A time as text, not a native time input: that shows «01:00 PM» in an English browser; the form reads tt:mm. */
function TimeText({ value, onChange, invalid }: { value: string; onChange(value: string): void; invalid: boolean }) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder="tt:mm"
      size={6}
      value={value}
      onChange={(e) => onChange(e.target.value.trim())}
      aria-invalid={invalid}
    />
  );
}

export function ActivityForm() {
  const dateId = useId();
  const plan = usePlan((s) => s.plan)!;
  const employees = useSortedEmployees();
  const codes = useMemo(() => absenceCodesOf(plan.file).filter((a) => a.kind === 'meeting' || a.kind === 'training'), [plan]);
  const [code, setCode] = useState(codes.find((c) => c.kind === 'meeting')?.code ?? codes[0]?.code ?? 'MØTE');
  const [who, setWho] = useState('*');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('13:00');
  const [end, setEnd] = useState('15:00');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const names = new Map(employees.map((e) => [e.id, e.name]));
  const attendance = useAttendance();
  const activities = [...(attendance ? attendance.keys() : (plan.file.activities ?? []))].sort((a, b) =>
    a.date + a.start < b.date + b.start ? -1 : 1,
  );

  async function reloadAfter(call: () => Promise<unknown>) {
    await usePlan.getState().flush();
    try {
      await call();
    } finally {
      await usePlan.getState().reloadFile();
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!isIsoDate(date)) errs.date = 'Velg dato.';
    else if (date < plan.start || date > plan.end)
      errs.date = `Datoen må ligge i planperioden (${formatDateNo(plan.start)} – ${formatDateNo(plan.end)}).`;
    if (!isTime(start)) errs.start = 'Skriv klokkeslett som tt:mm, for eksempel 13:00.';
    if (!isTime(end)) errs.end = 'Skriv klokkeslett som tt:mm, for eksempel 15:00.';
    else if (end === start) errs.end = 'Slutt kan ikke være lik start.';
    setErrors(errs);
    setDone(null);
    if (Object.keys(errs).length) return;
    try {
      await reloadAfter(() => api.addActivity(plan.id, { code, date, start, end, employees: who === '*' ? 'all' : [who] }));
      setDone(
        `${code} ${formatDateNo(date)} kl. ${start}–${end} for ${who === '*' ? 'alle ansatte' : names.get(who)} er lagt inn. Vaktene den dagen står som før.`,
      );
    } catch (err) {
      setErrors({ form: messageOf(err) });
    }
  }

  return (
    <div>
      <h3>Møter og kurs</h3>
      <p className="muted">
        Et møte eller kurs har et klokkeslett og tar ikke hele dagen: vaktene den dagen blir stående, og bemanningen telles som før. Cellene
        til dem som deltar, får en liten grønnblå firkant i turnusen. Er møtet for alle, er den fritatt som har fravær den dagen eller en
        vakt som gir under 11 timer hvile mot møtet (for eksempel natten før).
      </p>
      <form className="form-row" onSubmit={submit} aria-label="Legg inn møte eller kurs">
        <StackField label="Type">
          <select value={code} onChange={(e) => setCode(e.target.value)}>
            <CodeOptions codes={codes} />
          </select>
        </StackField>
        <StackField label="Hvem">
          <select value={who} onChange={(e) => setWho(e.target.value)}>
            <EmployeeOptions employees={employees} all />
          </select>
        </StackField>
        <StackField label="Dato" htmlFor={dateId} error={errors.date}>
          <DateField id={dateId} label="Dato" value={date} onChange={setDate} aria-invalid={!!errors.date} />
        </StackField>
        <StackField label="Fra kl." error={errors.start}>
          <TimeText value={start} onChange={setStart} invalid={!!errors.start} />
        </StackField>
        <StackField label="Til kl." error={errors.end}>
          <TimeText value={end} onChange={setEnd} invalid={!!errors.end} />
        </StackField>
        <button type="submit" className="primary align-end">
          Legg inn møte/kurs
        </button>
      </form>
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <FormError message={errors.form} />
      {activities.length > 0 && (
        <table className="table compact" aria-label="Møter og kurs i planen">
          <thead>
            <tr>
              <th>Dato</th>
              <th>Tid</th>
              <th>Type</th>
              <th>Hvem</th>
              <th>Deltar</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {activities.map((a) => (
              <tr key={a.id ?? a.date + a.start}>
                <td>{formatDateNo(a.date)}</td>
                <td>
                  {a.start}–{a.end}
                </td>
                <td>{a.code}</td>
                <td>{a.employees === 'all' ? 'Alle ansatte' : a.employees.map((id) => names.get(id) ?? id).join(', ')}</td>
                <td>
                  <AttendanceText att={attendance?.get(a)} />
                </td>
                <td>
                  {a.id && (
                    <button
                      type="button"
                      className="link danger"
                      onClick={() =>
                        void reloadAfter(() => api.deleteActivity(Number(a.id))).catch((err) => setErrors({ form: messageOf(err) }))
                      }
                    >
                      Slett
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
