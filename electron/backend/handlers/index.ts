/**
 * The handler registry: every API section, composed into one TurnusApi plus one argument
 * schema per method. Adding a section = ONE import line + ONE entry in SECTIONS:
 *
 *   import { reviewSection } from '../review/handlers';
 *   const SECTIONS = [coreSection, reviewSection] as const;
 *
 * A section is `{ name, args: Signatures<ReviewApi>, create(db, ctx): ReviewApi }` (see
 * ./section.ts). test/unit/backend/dispatch.test.ts fails when a method in API_METHODS has no
 * handler or no schema, or when two sections define the same method.
 */
import type Database from 'better-sqlite3';
import type { TurnusApi } from '../../../shared/api';
import type { Signature } from '../../../shared/api/args';
import type { HandlerContext } from './context';
import type { Section } from './section';
import { coreSection } from './core';
import { reviewSection } from '../review/handlers';
import { wishesSection } from '../wishes/handlers';
import { solverSection } from '../solver/handlers';
import { scenarioSection } from '../scenario/handlers';

export type { HandlerContext } from './context';
export type { Section } from './section';

const SECTIONS: readonly Section<any>[] = [
  coreSection,
  reviewSection,
  wishesSection,
  solverSection,
  scenarioSection,
];

export type ArgRegistry = Readonly<Record<string, Signature>>;

/** One schema per method, from all sections (throws on a method defined twice). */
export function argSchemas(sections: readonly Section<any>[] = SECTIONS): ArgRegistry {
  const out: Record<string, Signature> = Object.create(null);
  for (const s of sections) {
    for (const [method, sig] of Object.entries(s.args as Record<string, Signature>)) {
      if (method in out) throw new Error(`API method ${method} is defined by two sections`);
      out[method] = sig;
    }
  }
  return Object.freeze(out);
}

/** The whole API over one open database. */
export function createHandlers(db: Database.Database, ctx: HandlerContext, sections: readonly Section<any>[] = SECTIONS): TurnusApi {
  const api: Record<string, unknown> = {};
  for (const s of sections) {
    const part = s.create(db, ctx) as Record<string, unknown>;
    for (const key of Object.keys(part)) {
      if (key in api) throw new Error(`API method ${key} is defined by two sections`);
      api[key] = part[key];
    }
  }
  return api as unknown as TurnusApi;
}

export { SECTIONS };
