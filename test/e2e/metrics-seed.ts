/**
 * A small hand-computable unit and plan for the Nøkkeltall and scenario tests, seeded through
 * the API: over RPC in the browser tests (`seedSmall`), through the handlers in the unit tests
 * (test/unit/scenario-backend/seed.ts).
 */
import type { Host } from './fixtures';
import type { CellChange, PlanDetail, UnitDetail } from '../../shared/api';
import type { DemandRow, Employee, NewEmployee } from '../../shared/plan/model';
import { addDays, isoWeekday, toDay } from '../../shared/calendar';

/** Day shifts every day: two on weekdays, one on Saturday and Sunday. */
export const DAY_DEMAND: DemandRow[] = [
  { dayType: 'weekday', shift: 'D', competence: 'any', count: 2 },
  { dayType: 'saturday', shift: 'D', competence: 'any', count: 1 },
  { dayType: 'sunday', shift: 'D', competence: 'any', count: 1 },
];

/** An API call by method name (host.call, or the handlers). */
export type ApiCall = <T>(method: string, ...args: unknown[]) => Promise<T>;

/**
 * Plan 4 Jan – 3 Apr 2027 (90 days, 13 weeks). Kari (sykepleier 100 %) works D every weekday,
 * Ola (helsefagarbeider 50 %, wants 80 %, langvakt consent) D every Saturday and Sunday, Per
 * (assistent 40 %, wants 60 %, or as `per` says) nothing. Bemanningsplan: `demand`, by default
 * DAY_DEMAND.
 */
export async function seedSmallVia(call: ApiCall, name: string, opts: { per?: Partial<NewEmployee>; demand?: DemandRow[] } = {}) {
  const unit = await call<UnitDetail>('createUnit', name);
  const kari = await call<Employee>('addEmployee', unit.id, { name: 'Kari', competence: 'sykepleier', position: 1 });
  const ola = await call<Employee>('addEmployee', unit.id, {
    name: 'Ola',
    competence: 'helsefagarbeider',
    position: 0.5,
    wantedPosition: 0.8,
    consentsLongShifts: true,
  });
  const per = await call<Employee>('addEmployee', unit.id, {
    name: 'Per',
    competence: 'assistent',
    position: 0.4,
    wantedPosition: 0.6,
    ...opts.per,
  });
  await call('setDemand', unit.id, opts.demand ?? DAY_DEMAND);
  const plan = await call<PlanDetail>('createPlan', unit.id, 'Vår 2027', '2027-01-04', 3);
  const cells: CellChange[] = [];
  for (let d = plan.start; d <= plan.end; d = addDays(d, 1)) {
    const wd = isoWeekday(toDay(d));
    cells.push({ employeeId: wd < 5 ? kari.id : ola.id, date: d, code: 'D' });
  }
  await call('setCells', plan.id, cells);
  return { unit, plan, kari, ola, per };
}

export function seedSmall(host: Host, name: string) {
  return seedSmallVia((method, ...args) => host.call(method, ...args), name);
}
