/** A small hand-computable unit and plan for the Nøkkeltall and scenario e2e tests (seeded through the API). */
import type { Host } from './fixtures';
import type { CellChange, PlanDetail, UnitDetail } from '../../shared/api';
import type { Employee } from '../../shared/plan/model';
import { addDays, isoWeekday, toDay } from '../../shared/calendar';

/**
 * Plan 4 Jan – 3 Apr 2027 (90 days, 13 weeks). Kari (sykepleier 100 %) works D every weekday,
 * Ola (50 %, wants 80 %) D every Saturday and Sunday, Per (40 %, wants 60 %) nothing.
 * Bemanningsplan: 2 D on weekdays, 1 D on Saturday and on Sunday.
 */
export async function seedSmall(host: Host, name: string) {
  const unit = await host.call<UnitDetail>('createUnit', name);
  const kari = await host.call<Employee>('addEmployee', unit.id, { name: 'Kari', competence: 'sykepleier', position: 1 });
  const ola = await host.call<Employee>('addEmployee', unit.id, {
    name: 'Ola',
    competence: 'helsefagarbeider',
    position: 0.5,
    wantedPosition: 0.8,
    consentsLongShifts: true,
  });
  const per = await host.call<Employee>('addEmployee', unit.id, {
    name: 'Per',
    competence: 'assistent',
    position: 0.4,
    wantedPosition: 0.6,
  });
  await host.call('setDemand', unit.id, [
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 2 },
    { dayType: 'saturday', shift: 'D', competence: 'any', count: 1 },
    { dayType: 'sunday', shift: 'D', competence: 'any', count: 1 },
  ]);
  const plan = await host.call<PlanDetail>('createPlan', unit.id, 'Vår 2027', '2027-01-04', 3);
  const cells: CellChange[] = [];
  for (let d = plan.start; d <= plan.end; d = addDays(d, 1)) {
    const wd = isoWeekday(toDay(d));
    cells.push({ employeeId: wd < 5 ? kari.id : ola.id, date: d, code: 'D' });
  }
  await host.call('setCells', plan.id, cells);
  return { unit, plan, kari, ola, per };
}
