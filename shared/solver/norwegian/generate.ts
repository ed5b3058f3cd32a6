/**
 * A seeded generator of Norwegian care units (sykehjem-like) for tests and benchmarks:
 * 15/30/60 employees × 13/26/52 weeks, default D/A/N/L shifts, a bemanningsplan sized to the
 * staff's contracted hours, weekend groups for the unit's weekend rhythm, some ferie and
 * courses, and a few pinned cells. The same seed gives the same plan.
 */
import { addDays, fromDay, isoWeekday, toDay } from '../../calendar';
import type { Assignment, DemandRow, Employee, TurnusPlan } from '../../plan/model';
import { DEFAULT_SHIFT_TYPES } from '../../plan/model';
import { shiftTypeSpan, utcOf } from '../../plan/plan-index';
import { checkPlan, isHardViolation } from '../../rules/engine';
import { createRng, type Rng } from '../anneal/rng';

export interface UnitSpec {
  employees: number;
  weeks: number;
  seed?: number;
  /** First Monday, default 2026-01-05. */
  start?: string;
  weekendFrequency?: number;
  /** Share of the staff's hours the bemanningsplan asks for (default 0.92). */
  demandShare?: number;
  /** Add ferie blocks and courses (default true). */
  absence?: boolean;
  /** Number of pinned work cells (default employees / 3). */
  pinned?: number;
  /**
   * Askermodellen weekends: the weekend demand is langvakter (L) and the consenting employees'
   * langvakter on their group's weekends are laid in advance (not pinned), as a leader does
   * before «Fyll ut». Share of those weekends laid (default 0 = none, no L demand).
   */
  longShiftWeekends?: number;
  /** unit.weekendAnchor (a Saturday). */
  weekendAnchor?: string;
}

/** Norwegian sample names for generated staff (the generators use the first ones or all). */
export const SAMPLE_FIRST_NAMES = [
  'Kari',
  'Ola',
  'Ingrid',
  'Lars',
  'Sofie',
  'Nora',
  'Emil',
  'Aisha',
  'Jonas',
  'Marit',
  'Per',
  'Fatima',
  'Sigrid',
  'Ahmed',
  'Hilde',
  'Tor',
  'Åse',
  'Øystein',
  'Mari',
  'Jakob',
  'Leila',
  'Erik',
  'Grete',
  'Mohammed',
  'Astrid',
  'Henrik',
  'Ewa',
  'Bjørn',
  'Randi',
  'Tuan',
];
export const SAMPLE_LAST_NAMES = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Berg',
  'Haugen',
  'Bakke',
  'Lie',
  'Dahl',
  'Strand',
  'Ødegård',
  'Aas',
  'Kristiansen',
  'Solberg',
  'Nowak',
  'Ali',
  'Nguyen',
  'Moen',
  'Ærø',
  'Lunde',
  'Holm',
  'Eriksen',
  'Våge',
  'Sæther',
];
const FIRST = SAMPLE_FIRST_NAMES.slice(0, 16);
const LAST = SAMPLE_LAST_NAMES.slice(0, 10);

/** A competence drawn as the staff of a sykehjem: 35 % sykepleiere, 50 % helsefagarbeidere, 15 % assistenter. */
export function drawCompetence(rng: Rng): 'sykepleier' | 'helsefagarbeider' | 'assistent' {
  const r = rng.next();
  return r < 0.35 ? 'sykepleier' : r < 0.85 ? 'helsefagarbeider' : 'assistent';
}

export function generateUnit(spec: UnitSpec): TurnusPlan {
  const rng = createRng(spec.seed ?? 1);
  const start = spec.start ?? '2026-01-05';
  if (isoWeekday(toDay(start)) !== 0) throw new RangeError('Startdatoen må være en mandag');
  const k = spec.weekendFrequency ?? 3;
  const end = addDays(start, spec.weeks * 7 - 1);
  const employees: Employee[] = [];
  const positions = [1, 1, 0.8, 0.8, 0.75, 0.6, 0.5];
  for (let i = 0; i < spec.employees; i++) {
    const competence = drawCompetence(rng);
    const position = positions[rng.int(positions.length)];
    const e: Employee = {
      id: `e${i + 1}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7 + 3) % LAST.length]}`,
      competence,
      position,
      weeklyHours: 35.5,
      consentsLongShifts: rng.next() < (spec.longShiftWeekends ? 0.6 : 0.4),
      weekendGroup: i % k,
    };
    if (position < 1 && rng.next() < 0.5) e.wantedPosition = 1;
    if (rng.next() < 0.1) e.nightExempt = true;
    employees.push(e);
  }
  // Bemanningsplan: weekly demand hours ≈ share × contracted hours; weekends sized so that
  // every k-th weekend (both days) can cover them.
  const hoursPerWeek = employees.reduce((t, e) => t + e.position * 35.5, 0) * (spec.demandShare ?? 0.92);
  const weekendPeople = Math.max(2, Math.floor((spec.employees / k) * 0.9));
  const wkNight = Math.max(1, Math.round(spec.employees / 15));
  const weNight = wkNight;
  const weDay = Math.max(1, Math.round((weekendPeople - weNight) * 0.55));
  const weEve = Math.max(1, weekendPeople - weNight - weDay);
  const weekendHours = 2 * (weNight * 9.5 + weDay * 7.5 + weEve * 7.5);
  const weekdayHours = Math.max(0, hoursPerWeek - weekendHours) / 5;
  const wkDayAndEve = Math.max(2, Math.round((weekdayHours - wkNight * 9.5) / 7.5));
  const wkDay = Math.max(1, Math.round(wkDayAndEve * 0.58));
  const wkEve = Math.max(1, wkDayAndEve - wkDay);
  const nurseDay = Math.max(1, Math.round(wkDay / 4));
  const demand: DemandRow[] = [
    { dayType: 'weekday', shift: 'D', competence: 'any', count: Math.max(0, wkDay - nurseDay) },
    { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: nurseDay },
    { dayType: 'weekday', shift: 'A', competence: 'any', count: wkEve },
    { dayType: 'weekday', shift: 'N', competence: 'any', count: wkNight },
  ];
  const longW = spec.longShiftWeekends ?? 0;
  for (const dayType of ['saturday', 'sunday', 'holiday'] as const) {
    if (longW > 0) {
      // Langvakter cover day and evening: the consenting part of one weekend group on L.
      const consenting = employees.filter((e) => e.consentsLongShifts).length;
      const nL = Math.max(1, Math.min(weDay + weEve - 1, Math.floor((consenting / k) * 0.9)));
      demand.push(
        { dayType, shift: 'L', competence: 'any', count: nL },
        { dayType, shift: 'D', competence: 'sykepleier', count: 1 },
        { dayType, shift: 'A', competence: 'any', count: Math.max(1, weDay + weEve - 1 - nL) },
        { dayType, shift: 'N', competence: 'any', count: weNight },
      );
      continue;
    }
    demand.push(
      { dayType, shift: 'D', competence: 'any', count: Math.max(0, weDay - 1) },
      { dayType, shift: 'D', competence: 'sykepleier', count: 1 },
      { dayType, shift: 'A', competence: 'any', count: weEve },
      { dayType, shift: 'N', competence: 'any', count: weNight },
    );
  }
  const assignments: Assignment[] = [];
  const taken = new Set<string>();
  const add = (a: Assignment) => {
    const key = `${a.employee}|${a.date}`;
    if (taken.has(key)) return;
    taken.add(key);
    assignments.push(a);
  };
  const startDay = toDay(start);
  const days = spec.weeks * 7;
  if (spec.absence !== false) {
    for (const e of employees) {
      // One ferie block of 5–10 days for about half of the staff, and a course day for some.
      if (rng.next() < 0.5) {
        const len = 5 + rng.int(6);
        const d0 = rng.int(Math.max(1, days - len));
        for (let d = d0; d < d0 + len; d++) add({ employee: e.id, date: fromDay(startDay + d), code: 'FE' });
      }
      if (rng.next() < 0.3) add({ employee: e.id, date: fromDay(startDay + rng.int(days)), code: 'KURS' });
    }
  }
  if (longW > 0) {
    // Weekend n from the anchor belongs to group n mod k; lay L on both days for a share of them.
    const anchor = spec.weekendAnchor ? toDay(spec.weekendAnchor) : startDay + 5;
    const longSpan = shiftTypeSpan(DEFAULT_SHIFT_TYPES.find((t) => t.code === 'L')!);
    for (let sat = startDay + 5; sat + 1 < startDay + days; sat += 7) {
      const grp = ((((sat - anchor) / 7) % k) + k) % k;
      for (const e of employees) {
        if (!e.consentsLongShifts || e.weekendGroup !== grp || rng.next() >= longW) continue;
        add({ employee: e.id, date: fromDay(sat), code: 'L' });
        // Not both days when the night between is too short (the spring-forward weekend).
        if (utcOf(sat + 1, longSpan.start) - utcOf(sat, longSpan.end) >= 11 * 60)
          add({ employee: e.id, date: fromDay(sat + 1), code: 'L' });
      }
    }
  }
  const nPinned = spec.pinned ?? Math.floor(spec.employees / 3);
  for (let p = 0; p < nPinned; p++) {
    const e = employees[rng.int(employees.length)];
    let d = rng.int(days);
    while (isoWeekday(startDay + d) >= 5) d = (d + 1) % days;
    add({ employee: e.id, date: fromDay(startDay + d), code: 'D', pinned: true });
  }
  const plan: TurnusPlan = {
    format: 'turnusplan',
    version: 1,
    unit: {
      name: `Testavdeling ${spec.employees}×${spec.weeks}`,
      weekendFrequency: k,
      ...(spec.weekendAnchor ? { weekendAnchor: spec.weekendAnchor } : {}),
    },
    period: { start, end },
    shiftTypes: DEFAULT_SHIFT_TYPES.map((s) => ({ ...s })),
    employees,
    demand,
    assignments,
  };
  // A leader lays no langvakt that breaks a hard rule with the pinned cells (e.g. a pinned
  // langfredag before an L on påskedag): drop such laid L rows.
  if (longW > 0) {
    for (let guard = 0; guard < 100; guard++) {
      const bad = new Set(
        checkPlan(plan)
          .filter(isHardViolation)
          .map((v) => `${v.employee}|${v.date}`),
      );
      const keep = plan.assignments.filter((a) => a.code !== 'L' || !bad.has(`${a.employee}|${a.date}`));
      if (keep.length === plan.assignments.length) break;
      plan.assignments = keep;
    }
  }
  return plan;
}
