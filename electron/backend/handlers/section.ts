import type Database from 'better-sqlite3';
import type { Signatures } from '../../../shared/api/args';
import type { HandlerContext } from './context';

/**
 * One API section: its argument schemas (one per method, shared/api-args.ts style) and a
 * factory for its handlers. handlers/index.ts lists the sections; the dispatcher validates
 * every call with `args[method]` before calling `create(db, ctx)[method]`.
 */
export interface Section<Api> {
  readonly name: string;
  readonly args: Signatures<Api>;
  create(db: Database.Database, ctx: HandlerContext): Api;
}
