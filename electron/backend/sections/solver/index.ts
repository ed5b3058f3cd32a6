/**
 * The solver section: plan-generator jobs (start, status, cancel). The job machinery (worker
 * threads, protocol, the job API) is in electron/backend/solver/; this section hands it the
 * plan as the store reads it.
 */
import { SOLVER_ARGS, type SolverApi } from '../../../../shared/api/solver';
import type { Section } from '../../section';
import { createSolverHandlers } from '../../solver/handlers';
import { readPlan } from '../../store/plans';

export const solverSection: Section<SolverApi> = {
  name: 'solver',
  args: SOLVER_ARGS,
  create: (db) => createSolverHandlers({ readPlan: async (planId) => readPlan(db, planId).file }),
};
