import { describe, expect, it } from 'vitest';
import { compiledRunner } from './compiled-runner';
import { createSolverHandlers } from '../../../electron/backend/solver/handlers';
import { generateUnit } from '../../../shared/solver/norwegian/generate';
import { checkPlan } from '../../../shared/rules/engine';
import { applyCellChanges as applyCells } from '../../../shared/plan/cell-change';

const runner = compiledRunner();

describe('generator in a worker thread', () => {
  const plan = generateUnit({ employees: 15, weeks: 4, seed: 3 });
  const api = () =>
    createSolverHandlers({
      readPlan: async (id) => {
        if (id !== 7) throw new Error('ukjent plan');
        return plan;
      },
      runner: runner(),
    });

  it('runs a job with progress and returns a preview that setCells-style application turns into a valid plan', async () => {
    const solver = api();
    const { jobId } = await solver.startGenerate(7, { seconds: 1.5, seed: 2 });
    expect(jobId).toMatch(/^gen-\d+$/);
    const first = await solver.getGenerateStatus(jobId);
    expect(first.state).toBe('running');
    await runner().get(jobId)!.finished;
    const done = await solver.getGenerateStatus(jobId);
    expect(done.state).toBe('done');
    expect(done.progress.moves).toBeGreaterThan(0);
    const preview = done.preview!;
    expect(preview.cells.length).toBeGreaterThan(50);
    const applied = applyCells(plan, preview.cells);
    expect(checkPlan(applied).filter((v) => v.severity === 'error')).toEqual([]);
    for (const o of preview.openShifts) expect(o.reason.length).toBeGreaterThan(10);
  });

  it('cancels a long job and keeps the best plan so far', async () => {
    const solver = api();
    const { jobId } = await solver.startGenerate(7, { seconds: 300, seed: 1 });
    await new Promise((r) => setTimeout(r, 800));
    const status = await solver.cancelGenerate(jobId);
    expect(status.state).toBe('cancelled');
    expect(status.progress.elapsedSeconds).toBeLessThan(60);
    expect(status.preview!.cells.length).toBeGreaterThan(0);
  });

  it('rejects unknown jobs and wishes for unknown employees with Norwegian messages', async () => {
    const solver = api();
    await expect(solver.getGenerateStatus('gen-999')).rejects.toThrow(/Fant ikke genereringsjobben med id gen-999/);
    await expect(solver.startGenerate(7, { wishes: [{ employeeId: 'x9', date: '2026-01-06', kind: 'off' }] })).rejects.toThrow(
      /Ansatt «x9» finnes ikke/,
    );
  });
});
