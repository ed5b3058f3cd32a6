import type { TestBackend } from '../backend/helpers';
import { addDays, isoWeekday, toDay } from '../../../shared/calendar';
import type { CellChange } from '../../../shared/api';
import type { DemandRow, NewEmployee } from '../../../shared/plan/model';

/** Day shifts every day: two on weekdays, one on Saturday and Sunday. */
export const DAY_DEMAND: DemandRow[] = [
  { dayType: 'weekday', shift: 'D', competence: 'any', count: 2 },
  { dayType: 'saturday', shift: 'D', competence: 'any', count: 1 },
  { dayType: 'sunday', shift: 'D', competence: 'any', count: 1 },
];

/**
 * «Avdeling Lia», a 3-month plan from 2027-01-04: Kari 100 % sykepleier works D every weekday,
 * Ola 50 % (wants 80 %, langvakt consent) D every Saturday and Sunday, Per as given (default
 * assistent 40 %, wants 60 %) nothing. `demand` replaces the day-shift demand.
 */
export async function seedLia(b: TestBackend, opts: { per?: Partial<NewEmployee>; demand?: DemandRow[] } = {}) {
  const unit = await b.api.createUnit('Avdeling Lia');
  const kari = await b.api.addEmployee(unit.id, { name: 'Kari', competence: 'sykepleier', position: 1 });
  const ola = await b.api.addEmployee(unit.id, {
    name: 'Ola',
    competence: 'helsefagarbeider',
    position: 0.5,
    wantedPosition: 0.8,
    consentsLongShifts: true,
  });
  const per = await b.api.addEmployee(unit.id, { name: 'Per', competence: 'assistent', position: 0.4, wantedPosition: 0.6, ...opts.per });
  await b.api.setDemand(unit.id, opts.demand ?? DAY_DEMAND);
  const plan = await b.api.createPlan(unit.id, 'Vår 2027', '2027-01-04', 3);
  const cells: CellChange[] = [];
  for (let d = plan.start; d <= plan.end; d = addDays(d, 1)) {
    const wd = isoWeekday(toDay(d));
    if (wd < 5) cells.push({ employeeId: kari.id, date: d, code: 'D' });
    if (wd === 5 || wd === 6) cells.push({ employeeId: ola.id, date: d, code: 'D' });
  }
  await b.api.setCells(plan.id, cells);
  return { unit, plan, kari, ola, per };
}
