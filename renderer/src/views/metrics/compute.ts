/** Every figure of the Nøkkeltall screen for one plan, computed once from the plan file. */
import type { PlanDetail } from '../../../../shared/api';
import { indexPlan } from '../../../../shared/plan/plan-index';
import { absenceCover, coverage, positions, weekendCoverage, weekendMetrics } from '../../../../shared/metrics';

export type PlanMetrics = ReturnType<typeof computeMetrics>;

export function computeMetrics(plan: PlanDetail) {
  const index = indexPlan(plan.file);
  const cov = coverage(index);
  return {
    index,
    pos: positions(index),
    cov,
    wk: weekendMetrics(index),
    wcov: weekendCoverage(cov, index),
    absence: absenceCover(cov, index),
    names: new Map(plan.file.employees.map((e) => [e.id, e.name])),
  };
}
