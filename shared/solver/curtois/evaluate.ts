/**
 * Independent evaluator for Curtois & Qu rosters. It recomputes everything from scratch,
 * straight from the published rules, and shares no code with the solver's incremental score.
 *
 * Rules (https://www.schedulingbenchmarks.org/nrp/instances1_24.html):
 * - one shift per day (implied by the roster shape);
 * - shift rotation: forbidden successions on consecutive days (the day before and after the
 *   horizon are days off, so nothing is checked across the boundary);
 * - max shifts per type, min and max total minutes;
 * - max consecutive shifts (days off assumed before and after the horizon);
 * - min consecutive shifts and min consecutive days off: runs touching the first or last day of
 *   the horizon are not penalised (an infinite run is assumed outside the horizon);
 * - max weekends: a weekend (Saturday+Sunday, day 0 is a Monday) is worked when either day is;
 * - fixed days off.
 * Objective: unmet shift-on request weights + violated shift-off request weights +
 * per day and shift: weightUnder × missing + weightOver × surplus.
 */
import type { CurtoisInstance, CurtoisRoster } from './types';

export type CurtoisHardKind =
  | 'ROSTER_SHAPE'
  | 'UNKNOWN_SHIFT'
  | 'SHIFT_ROTATION'
  | 'MAX_SHIFTS'
  | 'MAX_TOTAL_MINUTES'
  | 'MIN_TOTAL_MINUTES'
  | 'MAX_CONSECUTIVE_SHIFTS'
  | 'MIN_CONSECUTIVE_SHIFTS'
  | 'MIN_CONSECUTIVE_DAYS_OFF'
  | 'MAX_WEEKENDS'
  | 'DAY_OFF';

export interface CurtoisHardViolation {
  kind: CurtoisHardKind;
  employee: string;
  day?: number;
  message: string;
}

export interface CurtoisEvaluation {
  /** Number of hard violations (each occurrence counted once). */
  hardViolations: number;
  violations: CurtoisHardViolation[];
  /** Count per kind. */
  byKind: Partial<Record<CurtoisHardKind, number>>;
  objective: number;
  breakdown: { shiftOn: number; shiftOff: number; coverUnder: number; coverOver: number };
}

export function evaluateCurtois(inst: CurtoisInstance, roster: CurtoisRoster): CurtoisEvaluation {
  const H = inst.horizon;
  const violations: CurtoisHardViolation[] = [];
  const add = (kind: CurtoisHardKind, employee: string, message: string, day?: number) =>
    violations.push(day === undefined ? { kind, employee, message } : { kind, employee, day, message });
  const shiftById = new Map(inst.shifts.map((s) => [s.id, s]));

  // Normalised rows: '' = off; unknown ids are reported and treated as off.
  const rows = new Map<string, string[]>();
  for (const st of inst.staff) {
    const raw = roster[st.id];
    const row: string[] = [];
    if (!Array.isArray(raw) || raw.length !== H) {
      add('ROSTER_SHAPE', st.id, `Ansatt ${st.id} har ${Array.isArray(raw) ? raw.length : 0} dager i vaktplanen, skal ha ${H}.`);
    }
    for (let d = 0; d < H; d++) {
      const v = Array.isArray(raw) && typeof raw[d] === 'string' ? raw[d] : '';
      if (v !== '' && !shiftById.has(v)) {
        add('UNKNOWN_SHIFT', st.id, `Ukjent vakttype «${v}» for ${st.id} dag ${d}.`, d);
        row.push('');
      } else row.push(v);
    }
    rows.set(st.id, row);
  }
  for (const id of Object.keys(roster)) {
    if (!rows.has(id)) add('ROSTER_SHAPE', id, `Vaktplanen har en ukjent ansatt «${id}».`);
  }

  for (const st of inst.staff) {
    const row = rows.get(st.id)!;
    // Shift rotation.
    for (let d = 0; d + 1 < H; d++) {
      if (row[d] === '' || row[d + 1] === '') continue;
      if (shiftById.get(row[d])!.forbiddenNext.includes(row[d + 1])) {
        add('SHIFT_ROTATION', st.id, `${st.id}: vakt ${row[d + 1]} dag ${d + 1} kan ikke følge ${row[d]} dag ${d}.`, d + 1);
      }
    }
    // Max shifts per type and total minutes.
    const counts = new Map<string, number>();
    let minutes = 0;
    for (const v of row) {
      if (v === '') continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      minutes += shiftById.get(v)!.minutes;
    }
    for (const [sid, n] of counts) {
      const max = st.maxShifts[sid];
      if (max !== undefined && n > max) add('MAX_SHIFTS', st.id, `${st.id} har ${n} vakter av typen ${sid}, maks ${max}.`);
    }
    if (minutes > st.maxTotalMinutes) add('MAX_TOTAL_MINUTES', st.id, `${st.id} har ${minutes} minutter, maks ${st.maxTotalMinutes}.`);
    if (minutes < st.minTotalMinutes) add('MIN_TOTAL_MINUTES', st.id, `${st.id} har ${minutes} minutter, minst ${st.minTotalMinutes}.`);
    // Runs of work and of days off.
    let start = 0;
    while (start < H) {
      const working = row[start] !== '';
      let end = start;
      while (end + 1 < H && (row[end + 1] !== '') === working) end++;
      const len = end - start + 1;
      const inner = start > 0 && end < H - 1;
      if (working) {
        if (len > st.maxConsecutiveShifts) {
          add(
            'MAX_CONSECUTIVE_SHIFTS',
            st.id,
            `${st.id} arbeider ${len} dager på rad fra dag ${start}, maks ${st.maxConsecutiveShifts}.`,
            start,
          );
        }
        if (inner && len < st.minConsecutiveShifts) {
          add(
            'MIN_CONSECUTIVE_SHIFTS',
            st.id,
            `${st.id} arbeider bare ${len} dager på rad fra dag ${start}, minst ${st.minConsecutiveShifts}.`,
            start,
          );
        }
      } else if (inner && len < st.minConsecutiveDaysOff) {
        add(
          'MIN_CONSECUTIVE_DAYS_OFF',
          st.id,
          `${st.id} har bare ${len} fridager på rad fra dag ${start}, minst ${st.minConsecutiveDaysOff}.`,
          start,
        );
      }
      start = end + 1;
    }
    // Weekends: day 0 is a Monday, so Saturdays are days 5, 12, …
    let weekends = 0;
    for (let sat = 5; sat < H; sat += 7) {
      if (row[sat] !== '' || (sat + 1 < H && row[sat + 1] !== '')) weekends++;
    }
    if (weekends > st.maxWeekends) add('MAX_WEEKENDS', st.id, `${st.id} arbeider ${weekends} helger, maks ${st.maxWeekends}.`);
    for (const d of inst.daysOff[st.id] ?? []) {
      if (row[d] !== '') add('DAY_OFF', st.id, `${st.id} har vakt ${row[d]} på fast fridag ${d}.`, d);
    }
  }

  let shiftOn = 0;
  for (const r of inst.shiftOnRequests) if (rows.get(r.employee)?.[r.day] !== r.shift) shiftOn += r.weight;
  let shiftOff = 0;
  for (const r of inst.shiftOffRequests) if (rows.get(r.employee)?.[r.day] === r.shift) shiftOff += r.weight;
  let coverUnder = 0;
  let coverOver = 0;
  for (const c of inst.cover) {
    let n = 0;
    for (const st of inst.staff) if (rows.get(st.id)![c.day] === c.shift) n++;
    if (n < c.requirement) coverUnder += c.weightUnder * (c.requirement - n);
    if (n > c.requirement) coverOver += c.weightOver * (n - c.requirement);
  }
  const byKind: Partial<Record<CurtoisHardKind, number>> = {};
  for (const v of violations) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  return {
    hardViolations: violations.length,
    violations,
    byKind,
    objective: shiftOn + shiftOff + coverUnder + coverOver,
    breakdown: { shiftOn, shiftOff, coverUnder, coverOver },
  };
}
