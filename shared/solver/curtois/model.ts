/**
 * The Curtois & Qu benchmark solver, public entry point: the SearchState (`CurtoisState`) and the
 * solver (`solveCurtois`). The parts live beside this file: core.ts (state and incremental
 * score), moves.ts, row-repair.ts, construct.ts (greedy start), state.ts and solve.ts (phases).
 */
export { CurtoisCore } from './core';
export { CurtoisState } from './state';
export { solveCurtois, type CurtoisSolveOptions, type CurtoisSolveResult } from './solve';
