/**
 * «Tillatt over måltimer» through the API (issue 6): a unit in a real SQLite file whose
 * bemanningsplan asks for more hours than the staff's positions. `startGenerate` goes through
 * the dispatcher (zod schema, Norwegian errors), the solver handlers and a worker thread. A
 * tight tolerance keeps everybody at or below target and leaves more shifts open, each with
 * the reason; the applied and saved plan shows the same; bad values name the field.
 */
import { describe, expect, it } from 'vitest';
import { compiledRunner } from './compiled-runner';
import { openTestBackend } from '../backend/helpers';
import { createDispatcher } from '../../../electron/backend/dispatch';
import { createSolverHandlers } from '../../../electron/backend/solver/handlers';
import type { GenerateOptions, GenerateStatus } from '../../../shared/api/solver';
import type { TurnusApi } from '../../../shared/api';
import { indexPlan } from '../../../shared/plan/plan-index';
import { plannedHours, targetHours } from '../../../shared/plan/hours';
import type { TurnusPlan } from '../../../shared/plan/model';
import { DEFAULT_OVER_TOLERANCE, overToleranceMinutes } from '../../../shared/solver/norwegian/solve';

const runner = compiledRunner();

const PEOPLE = [
  { name: 'Kari Sykepleier', competence: 'sykepleier', position: 1 },
  { name: 'Siri Sykepleier', competence: 'sykepleier', position: 0.8 },
  { name: 'Ola Fagarbeider', competence: 'helsefagarbeider', position: 1 },
  { name: 'Anne Fagarbeider', competence: 'helsefagarbeider', position: 0.75 },
  { name: 'Per Fagarbeider', competence: 'helsefagarbeider', position: 0.6 },
  { name: 'Åse Assistent', competence: 'assistent', position: 0.8 },
] as const;

/** A backend on a temp SQLite file whose solver methods run in the compiled worker. */
async function backend() {
  const tb = await openTestBackend();
  const solver = createSolverHandlers({ readPlan: async (id) => (await tb.api.getPlan(id)).file, runner: runner() });
  const api = { ...tb.api, ...solver } as TurnusApi;
  const call = async <T>(method: string, ...args: unknown[]): Promise<T> => {
    const res = await createDispatcher(api)(method, args);
    if (!res.ok) throw Object.assign(new Error(res.error.message), { field: res.error.field });
    return res.result as T;
  };
  const unit = await tb.api.createUnit('Solsiden');
  for (const [i, p] of PEOPLE.entries()) {
    await tb.api.addEmployee(unit.id, { ...p, consentsLongShifts: true, longShiftConsentDate: '2026-09-01', weekendGroup: i % 3 });
  }
  // Every day asks for more people than six positions can cover.
  await tb.api.setDemand(unit.id, [
    { dayType: 'weekday', shift: 'D', competence: 'any', count: 2 },
    { dayType: 'weekday', shift: 'A', competence: 'any', count: 2 },
    { dayType: 'weekday', shift: 'N', competence: 'any', count: 1 },
    { dayType: 'saturday', shift: 'L', competence: 'any', count: 2 },
    { dayType: 'sunday', shift: 'L', competence: 'any', count: 2 },
    { dayType: 'holiday', shift: 'L', competence: 'any', count: 2 },
  ]);
  const plan = await tb.api.createPlan(unit.id, 'Vår 2027', '2027-01-04', 3);
  return { tb, api, call, planId: plan.id };
}

async function generate(
  call: <T>(m: string, ...a: unknown[]) => Promise<T>,
  planId: number,
  options: GenerateOptions,
): Promise<GenerateStatus> {
  const { jobId } = await call<{ jobId: string }>('startGenerate', planId, options);
  await runner().get(jobId)!.finished;
  const status = await call<GenerateStatus>('getGenerateStatus', jobId);
  expect(status.state).toBe('done');
  return status;
}

/** planned − target hours per employee name. */
function overTarget(plan: TurnusPlan): Map<string, { over: number; target: number }> {
  const idx = indexPlan(plan);
  return new Map(
    plan.employees.map((e) => [e.name, { over: plannedHours(idx, e.id) - targetHours(idx, e.id), target: targetHours(idx, e.id) }]),
  );
}

describe('«Tillatt over måltimer» through the API', () => {
  it('a tighter tolerance keeps everybody within it and leaves more shifts open for a vikar, with reasons; the saved plan agrees', async () => {
    const { tb, call, planId } = await backend();
    const loose = await generate(call, planId, { seconds: 3, seed: 1, overTolerance: { share: 0.25, minHours: 30 } });
    const tight = await generate(call, planId, { seconds: 3, seed: 1, overTolerance: { share: 0, minHours: 0 } });
    const lp = loose.preview!;
    const tp = tight.preview!;

    // The loose limit lets the demand push somebody well above target; the tight one does not.
    expect(lp.stats.hoursOverMax).toBeGreaterThan(7.5);
    expect(tp.stats.hoursOverMax).toBeLessThanOrEqual(0);
    expect(tp.stats.hoursDeviationMax).toBeGreaterThanOrEqual(0);
    expect(tp.stats.hoursDeviationMean).toBeLessThanOrEqual(tp.stats.hoursDeviationMax);
    // The hours nobody may work become open shifts, explained.
    expect(tp.stats.uncoveredShifts).toBeGreaterThan(lp.stats.uncoveredShifts);
    expect(tp.openShifts.some((o) => o.reason.includes('har nådd stillingen sin'))).toBe(true);

    // Applied and saved: after reopening the file nobody is above her target hours.
    await tb.api.setCells(planId, tp.cells);
    const again = await tb.reopen();
    const saved = (await again.api.getPlan(planId)).file;
    expect(saved.assignments.length).toBe(tp.cells.length);
    for (const [name, x] of overTarget(saved)) expect({ name, over: x.over <= 1e-6 }).toEqual({ name, over: true });
  }, 60_000);

  it('a field left out keeps the solver default (5 % of target, no minimum)', async () => {
    const { tb, call, planId } = await backend();
    const status = await generate(call, planId, { seconds: 3, seed: 1, overTolerance: { share: 0.01 } });
    const p = status.preview!;
    await tb.api.setCells(planId, p.cells);
    const saved = (await tb.api.getPlan(planId)).file;
    // max(1 % of target, default minimum): minHours came from DEFAULT_OVER_TOLERANCE, not from nowhere.
    for (const [name, x] of overTarget(saved)) {
      const tol = overToleranceMinutes(x.target * 60, { share: 0.01, minHours: DEFAULT_OVER_TOLERANCE.minHours }) / 60;
      expect({ name, within: x.over <= tol + 1e-6 }).toEqual({ name, within: true });
    }
    expect(p.stats.hoursOverMax).toBeLessThanOrEqual(
      Math.max(...[...overTarget(saved).values()].map((x) => x.target * 0.01), DEFAULT_OVER_TOLERANCE.minHours) + 1e-6,
    );
  }, 60_000);

  it('refuses negative and absurd values with a Norwegian message naming the field', async () => {
    const { call, planId } = await backend();
    const refused = async (overTolerance: unknown) => {
      try {
        await call('startGenerate', planId, { seconds: 1, overTolerance });
      } catch (e) {
        return { field: (e as { field: string }).field, message: (e as Error).message };
      }
      throw new Error('was accepted');
    };
    expect(await refused({ share: -0.05 })).toEqual({
      field: 'options.overTolerance.share',
      message: '«Tillatt over måltimer (prosent)»: tillatt over måltimer kan ikke være negativ.',
    });
    expect(await refused({ share: 5 })).toMatchObject({
      field: 'options.overTolerance.share',
      message: expect.stringContaining('høyst 100 %'),
    });
    expect(await refused({ minHours: -1 })).toMatchObject({
      field: 'options.overTolerance.minHours',
      message: expect.stringContaining('kan ikke være negativt'),
    });
    expect(await refused({ minHours: 10_000 })).toMatchObject({
      field: 'options.overTolerance.minHours',
      message: expect.stringContaining('høyst 200 timer'),
    });
    expect(await refused({ share: '5 %' })).toMatchObject({
      field: 'options.overTolerance.share',
      message: expect.stringContaining('må være et tall'),
    });
    expect(runner().get('gen-999')).toBeUndefined();
  });

  it('weekend-group exceptions pass through to the generator; the preview names off-group shifts, causes and shortfalls; an unknown id is refused', async () => {
    const { call, planId, tb } = await backend();
    const file = (await tb.api.getPlan(planId)).file;
    const kari = file.employees.find((e) => e.name === 'Kari Sykepleier')!;
    const strict = (await generate(call, planId, { seconds: 2, seed: 1 })).preview!;
    expect(strict.stats.offGroupWeekendShifts).toEqual([]);
    expect(strict.stats.hardViolations).toBe(0);
    expect(strict.stats.openShiftCauses!.reduce((t, c) => t + c.shifts, 0)).toBe(strict.stats.uncoveredShifts);
    expect(Array.isArray(strict.stats.shortfalls)).toBe(true);
    const loose = (await generate(call, planId, { seconds: 2, seed: 1, allowOffGroupWeekends: [kari.id] })).preview!;
    for (const s of loose.stats.offGroupWeekendShifts!) expect(s.employee).toBe(kari.id);
    await expect(call('startGenerate', planId, { seconds: 1, allowOffGroupWeekends: ['finnes-ikke'] })).rejects.toMatchObject({
      field: 'options.allowOffGroupWeekends[0]',
      message: expect.stringContaining('finnes ikke i planen'),
    });
  }, 60_000);
});
