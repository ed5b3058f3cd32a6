/**
 * The one typed API between the renderer and the Node backend: the core section (core.ts) plus
 * one section per feature area, each in its own file with its interface, method list and zod
 * argument schemas. Both transports (Electron IPC and the loopback HTTP host of browser mode)
 * call the same dispatcher with a method name from API_METHODS and get the envelope of rpc.ts.
 *
 * The domain (everything else in shared/) never imports this folder.
 */
import { CORE_METHODS, type CoreApi } from './core';
import { REVIEW_METHODS, type ReviewApi } from './review';
import { EXCHANGE_METHODS, type ExchangeApi } from './exchange';
import { SOLVER_METHODS, type SolverApi } from './solver';
import { SCENARIO_METHODS, type ScenarioApi } from './scenario';
import { WISH_METHODS, type WishesApi } from './wishes';

export * from './core';

/** The whole API: the core plus one section per feature area, each in its own file. */
export interface TurnusApi extends CoreApi, ReviewApi, ExchangeApi, SolverApi, ScenarioApi, WishesApi {}

export const API_METHODS = [
  ...CORE_METHODS,
  ...REVIEW_METHODS,
  ...EXCHANGE_METHODS,
  ...SOLVER_METHODS,
  ...SCENARIO_METHODS,
  ...WISH_METHODS,
] as const satisfies readonly (keyof TurnusApi)[];

export type ApiMethod = (typeof API_METHODS)[number];
type Missing = Exclude<keyof TurnusApi, ApiMethod>;
// Compile error when a method of TurnusApi is missing from API_METHODS.
export const _apiMethodsExhaustive: [Missing] extends [never] ? true : Missing = true;
