/**
 * Seeds a realistic unit and plan through the API (the same RPC the renderer uses), for
 * screenshots and the UI benchmark. Deterministic: the same arguments give the same plan.
 */
import type { Host } from './fixtures';
import type { CellChange, PlanDetail, UnitDetail, UnitSummary } from '../../shared/api';
import type { DemandRow, Employee, NewEmployee } from '../../shared/plan/model';
import { addDays, daysBetweenInclusive, isoWeekday, toDay } from '../../shared/calendar';

export const FIRST = [
  'Kari',
  'Ola',
  'Ingrid',
  'Per',
  'Anne',
  'Lars',
  'Marit',
  'Jonas',
  'Sigrid',
  'Ahmed',
  'Nora',
  'Emil',
  'Fatima',
  'Hanne',
  'Tor',
  'Åse',
  'Øystein',
  'Liv',
  'Mohammad',
  'Solveig',
];
export const LAST = [
  'Nordmann',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Kristiansen',
  'Jensen',
  'Karlsen',
  'Berg',
  'Haugen',
  'Bakke',
  'Lie',
];
const POSITIONS = [1, 0.8, 0.75, 0.6, 0.5, 0.9, 0.7, 0.4, 1, 0.85];

export const DEMAND: DemandRow[] = [
  { dayType: 'weekday', shift: 'D', competence: 'sykepleier', count: 1 },
  { dayType: 'weekday', shift: 'D', competence: 'any', count: 3 },
  { dayType: 'weekday', shift: 'A', competence: 'sykepleier', count: 1 },
  { dayType: 'weekday', shift: 'A', competence: 'any', count: 2 },
  { dayType: 'weekday', shift: 'N', competence: 'any', count: 1 },
  { dayType: 'saturday', shift: 'L', competence: 'any', count: 3 },
  { dayType: 'saturday', shift: 'N', competence: 'any', count: 1 },
  { dayType: 'sunday', shift: 'L', competence: 'any', count: 3 },
  { dayType: 'sunday', shift: 'N', competence: 'any', count: 1 },
  { dayType: 'holiday', shift: 'L', competence: 'any', count: 3 },
  { dayType: 'holiday', shift: 'N', competence: 'any', count: 1 },
];

export interface Seeded {
  unit: UnitDetail;
  plan: PlanDetail;
  employees: Employee[];
}

export async function seedUnit(
  host: Host,
  opts: {
    name: string;
    employees: number;
    start: string;
    months: 3 | 6 | 12;
    fill: boolean;
    demand?: DemandRow[];
    planName?: string;
    /** Changes to employee i (an `undefined` field is left out). */
    person?: (i: number) => Partial<NewEmployee>;
  },
): Promise<Seeded> {
  // Screenshot specs share a name («Avdeling Solsiden») and may run one after the other on the
  // same worker's database: a unit left by an earlier test gives way.
  const earlier = (await host.call<UnitSummary[]>('listUnits')).find((u) => u.name === opts.name);
  if (earlier) await host.call('deleteUnit', earlier.id);
  let unit = await host.call<UnitDetail>('createUnit', opts.name);
  await host.call('updateUnitSettings', unit.id, { weekendFrequency: 4 });
  const employees: Employee[] = [];
  for (let i = 0; i < opts.employees; i++) {
    const competence = i % 4 === 0 ? 'sykepleier' : i % 4 === 3 ? 'assistent' : 'helsefagarbeider';
    const position = POSITIONS[i % POSITIONS.length];
    employees.push(
      await host.call<Employee>('addEmployee', unit.id, {
        name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}${i >= FIRST.length ? ' ' + (Math.floor(i / FIRST.length) + 1) : ''}`,
        competence,
        position,
        wantedPosition: position < 0.8 ? Math.min(1, position + 0.2) : undefined,
        consentsLongShifts: i % 5 !== 4,
        longShiftConsentDate: i % 5 !== 4 ? '2026-09-01' : undefined,
        weekendGroup: i % 4,
        ...opts.person?.(i),
      }),
    );
  }
  unit = await host.call<UnitDetail>('setDemand', unit.id, opts.demand ?? DEMAND);
  let plan = await host.call<PlanDetail>(
    'createPlan',
    unit.id,
    opts.planName ?? `Turnus ${opts.start.slice(0, 4)}`,
    opts.start,
    opts.months,
  );
  if (opts.fill) {
    const changes = patternCells(employees, plan.start, plan.end);
    for (let i = 0; i < changes.length; i += 5000) await host.call('setCells', plan.id, changes.slice(i, i + 5000));
    plan = await host.call<PlanDetail>('getPlan', plan.id);
  }
  return { unit, plan, employees };
}

/**
 * A plausible årsturnus: weekend groups work L on every 4th weekend (D when they have not
 * consented), the first two of every eight employees work nights, the others a week of D or A
 * on as many weekdays as their position allows.
 */
export function patternCells(employees: Employee[], start: string, end: string): CellChange[] {
  const out: CellChange[] = [];
  const n = daysBetweenInclusive(start, end);
  const firstMonday = toDay(start) - isoWeekday(toDay(start));
  employees.forEach((e, i) => {
    const night = i % 8 < 2 && i % 8 === i % 2;
    for (let k = 0; k < n; k++) {
      const date = addDays(start, k);
      const day = toDay(date);
      const wd = isoWeekday(day);
      const week = Math.floor((day - firstMonday) / 7);
      if (wd >= 5) {
        if (week % 4 === (e.weekendGroup ?? i % 4)) out.push({ employeeId: e.id, date, code: e.consentsLongShifts ? 'L' : 'D' });
        continue;
      }
      const perWeek = Math.max(1, Math.round(e.position * 4.6) - (week % 4 === (e.weekendGroup ?? 0) ? 1 : 0));
      const offset = (i + week) % 5;
      if ((wd - offset + 5) % 5 >= perWeek) continue;
      const code = night && i % 8 === 0 ? (wd < 3 ? 'N' : '') : (week + i) % 2 === 0 ? 'D' : 'A';
      if (code) out.push({ employeeId: e.id, date, code });
    }
  });
  return out;
}
