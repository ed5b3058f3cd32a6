// fast-check generators of valid plans (plan-format v1) for the engine properties.
import fc from 'fast-check';
import { addDays, fromDay, isoWeekday, toDay } from '../../../shared/calendar';
import type { Assignment, ShiftType, TurnusPlan } from '../../../shared/plan/model';

const SHIFT_POOL: ShiftType[] = [
  { code: 'D', start: '07:30', end: '15:00' },
  { code: 'A', start: '15:00', end: '22:30' },
  { code: 'N', start: '22:15', end: '07:45' },
  { code: 'L', start: '08:00', end: '20:30', long: true },
  { code: 'K', start: '08:00', end: '16:00', unpaidBreakMinutes: 30 },
  { code: 'X', start: '00:30', end: '06:00' },
  { code: 'LN', start: '19:30', end: '08:30', long: true },
  // Two parts of a split shift over midnight (3 h + 4 h, 2 h break).
  { code: 'S1', start: '20:00', end: '23:00' },
  { code: 'S2', start: '01:00', end: '05:00' },
];
export const CODES = ['D', 'A', 'N', 'L', 'K', 'X', 'LN', 'S1', 'S2', 'FE', 'KURS', 'MØTE', 'PERM'];
const HEAVY = ['L', 'LN', 'N', 'L', 'D'];

export const arbPlan: fc.Arbitrary<TurnusPlan> = fc
  .record({
    // Starts spread over 2025–2027, incl. the DST changes, Easter and Christmas.
    startOffset: fc.integer({ min: 0, max: 1000 }),
    len: fc.integer({ min: 7, max: 63 }),
    nEmp: fc.integer({ min: 1, max: 3 }),
    flags: fc.array(
      fc.record({ consent: fc.boolean(), nightExempt: fc.boolean(), hoved: fc.boolean(), position: fc.integer({ min: 1, max: 100 }) }),
      { minLength: 3, maxLength: 3 },
    ),
    daily: fc.constantFrom(8, 9, 10, 11),
    weekly: fc.constantFrom(28, 30, 35),
    maxShift: fc.constantFrom(9, 10, 12.5, 14),
    maxWeek: fc.constantFrom(40, 48, 54),
    sundayAvg: fc.constantFrom(0, 0, 4, 26),
    weekendFrequency: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    maxConsecutive: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
    splitBreak: fc.option(fc.constantFrom(0, 2, 4, 8), { nil: undefined }),
    density: fc.integer({ min: 0, max: 100 }),
    // A «heavy» plan uses long and night shifts only, so the averaging rules fire too.
    heavy: fc.boolean(),
    // Context rows of the neighbouring plans: up to 3 days before and after the period.
    context: fc.boolean(),
    anchorShift: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
    cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 1000 })), { minLength: 189, maxLength: 189 }),
  })
  .map((r) => {
    const start = fromDay(toDay('2025-01-01') + r.startOffset);
    const employees = Array.from({ length: r.nEmp }, (_, i) => ({
      id: `e${i + 1}`,
      name: `Ansatt ${i + 1}`,
      competence: 'sykepleier',
      position: r.flags[i].position / 100,
      consentsLongShifts: r.flags[i].consent,
      nightExempt: r.flags[i].nightExempt,
      wantsHovedferie: r.flags[i].hoved,
      ...(r.weekendFrequency ? { weekendGroup: i % r.weekendFrequency } : {}),
    }));
    const assignments: Assignment[] = [];
    for (let e = 0; e < r.nEmp; e++) {
      for (let d = r.context ? -3 : 0; d < r.len + (r.context ? 3 : 0); d++) {
        const [p, pick] = r.cells[(e * 63 + d + 3) % r.cells.length];
        const pool = r.heavy ? HEAVY : CODES;
        const code = pool[pick % pool.length];
        if (p < r.density) assignments.push({ employee: `e${e + 1}`, date: addDays(start, d), code });
      }
    }
    const plan: TurnusPlan = {
      format: 'turnusplan',
      version: 1,
      unit: {
        name: 'Egenskapstest',
        ...(r.weekendFrequency ? { weekendFrequency: r.weekendFrequency } : {}),
        // The anchor is a Saturday (plan-format.md; the file and the API refuse any other day).
        ...(r.anchorShift !== undefined
          ? { weekendAnchor: addDays(start, 7 * r.anchorShift + ((5 - isoWeekday(toDay(start)) + 7) % 7)) }
          : {}),
      },
      period: { start, end: addDays(start, r.len - 1) },
      rules: {
        agreements: {
          dailyRestMinHours: r.daily,
          weeklyRestMinHours: r.weekly,
          maxShiftHours: r.maxShift,
          maxWeekHours: r.maxWeek,
          sundayAveragingWeeks: r.sundayAvg,
        },
        ...(r.maxConsecutive ? { maxConsecutiveDays: r.maxConsecutive } : {}),
        ...(r.splitBreak !== undefined ? { splitShiftMaxBreakHours: r.splitBreak } : {}),
      },
      shiftTypes: SHIFT_POOL,
      employees,
      demand: [],
      assignments,
    };
    return plan;
  });

/** A random edit inside (or just around) the plan's period. */
export function arbEdits(plan: TurnusPlan, max = 25) {
  const len = toDay(plan.period.end) - toDay(plan.period.start) + 1;
  return fc
    .array(
      fc.record({
        employee: fc.constantFrom(...plan.employees.map((e) => e.id)),
        offset: fc.integer({ min: -3, max: len + 2 }),
        code: fc.option(fc.constantFrom(...CODES), { nil: null }),
      }),
      { minLength: 1, maxLength: max },
    )
    .map((edits) =>
      edits.map((e) => ({
        employeeId: e.employee,
        date: addDays(plan.period.start, e.offset),
        code: e.code,
      })),
    );
}

const TIMES = ['06:00', '07:45', '09:00', '12:00', '13:00', '15:00', '20:00', '22:30'];
/** arbPlan with up to 5 timed meetings and courses (for one employee or all) in the period. */
export const arbWithActivities = arbPlan.chain((plan) => {
  const len = toDay(plan.period.end) - toDay(plan.period.start) + 1;
  const act = fc.record({
    offset: fc.integer({ min: 0, max: len - 1 }),
    start: fc.constantFrom(...TIMES),
    hours: fc.integer({ min: 1, max: 7 }),
    code: fc.constantFrom('MØTE', 'KURS'),
    who: fc.option(fc.constantFrom(...plan.employees.map((e) => e.id)), { nil: undefined }),
  });
  return fc.array(act, { maxLength: 5 }).map((list) => {
    const activities: NonNullable<TurnusPlan['activities']> = list.map((a) => {
      const [h, m] = a.start.split(':').map(Number);
      const end = `${String((h + a.hours) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
      return { code: a.code, date: addDays(plan.period.start, a.offset), start: a.start, end, employees: a.who ? [a.who] : 'all' };
    });
    return { ...plan, activities };
  });
});
