import type Database from 'better-sqlite3';
import type { Signatures } from '../../shared/api/args';
import type { HandlerContext } from './context';

/**
 * One API section (electron/backend/sections/<name>/): its argument schemas (one per method)
 * and a factory for its handlers. registry.ts lists the sections; the dispatcher validates
 * every call with `args[method]` before calling `create(db, ctx)[method]`.
 *
 * A section reads and writes through the store (electron/backend/store/), never through
 * another section.
 */
export interface Section<Api> {
  readonly name: string;
  readonly args: Signatures<Api>;
  create(db: Database.Database, ctx: HandlerContext): Api;
  /**
   * Jobs to run once when the app opens the data file (sweeps, timers). Called by runtime.ts
   * after the handlers are built; may return a function that stops what it started.
   */
  onStart?(db: Database.Database, ctx: HandlerContext): (() => void) | undefined;
}
