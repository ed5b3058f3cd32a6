/**
 * API section: The plan generator: fill, repair, re-plan with progress and cancel (issue 6).
 * Add methods to the interface and to SOLVER_METHODS together; shared/api.ts composes
 * the sections into TurnusApi.
 */

export interface SolverApi {}

export const SOLVER_METHODS = [] as const satisfies readonly (keyof SolverApi)[];
