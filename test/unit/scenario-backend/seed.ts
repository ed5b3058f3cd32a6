import { expect } from 'vitest';
import type { TestBackend } from '../backend/helpers';
import type { DemandRow, NewEmployee } from '../../../shared/plan/model';
import { seedSmallVia } from '../../e2e/metrics-seed';

export { DAY_DEMAND } from '../../e2e/metrics-seed';

/**
 * «Avdeling Lia», the small unit of test/e2e/metrics-seed.ts through the handlers: a 3-month
 * plan from 2027-01-04, Kari D every weekday, Ola D every weekend day, Per nothing; `per` changes
 * Per, `demand` replaces the day-shift demand.
 */
export function seedLia(b: TestBackend, opts: { per?: Partial<NewEmployee>; demand?: DemandRow[] } = {}) {
  const api = b.api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return seedSmallVia(<T>(method: string, ...args: unknown[]) => api[method](...args) as Promise<T>, 'Avdeling Lia', opts);
}

/** Per leaves the unit: «Gjør til gjeldende plan» is refused (naming him) and changes nothing. */
export async function expectRefusedWhenPerLeft(b: TestBackend, unitId: number, scenarioId: number, perId: string): Promise<void> {
  await b.api.deleteEmployee(Number(perId));
  const before = await b.api.getUnit(unitId);
  const r = await b.dispatch('makeScenarioCurrent', [scenarioId]);
  expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  expect(!r.ok && r.error.message).toContain('Per finnes ikke lenger');
  expect(await b.api.getUnit(unitId)).toEqual(before);
}
