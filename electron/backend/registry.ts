/**
 * The section registry: every API section, composed into one TurnusApi plus one argument
 * schema per method. Adding a section = ONE import line + ONE entry in SECTIONS:
 *
 *   import { wishesSection } from './sections/wishes';
 *   const SECTIONS = [coreSection, …, wishesSection] as const;
 *
 * A section is `{ name, args: Signatures<Api>, create(db, ctx): Api, onStart? }` (./section.ts)
 * in its own folder electron/backend/sections/<name>/; it reads and writes through the store
 * (./store/) and never imports another section. test/unit/backend/dispatch.test.ts fails when a
 * method in API_METHODS has no handler or no schema, or when two sections define one method.
 */
import type Database from 'better-sqlite3';
import type { TurnusApi } from '../../shared/api';
import type { Signature } from '../../shared/api/args';
import type { HandlerContext } from './context';
import type { Section } from './section';
import { coreSection } from './sections/core';
import { reviewSection } from './sections/review';
import { exchangeSection } from './sections/exchange';
import { wishesSection } from './sections/wishes';
import { solverSection } from './sections/solver';
import { scenarioSection } from './sections/scenario';

export type { HandlerContext } from './context';
export type { Section } from './section';

const SECTIONS: readonly Section<unknown>[] = [coreSection, reviewSection, exchangeSection, wishesSection, solverSection, scenarioSection];

export type ArgRegistry = Readonly<Record<string, Signature>>;

/** One schema per method, from all sections (throws on a method defined twice). */
export function argSchemas(sections: readonly Section<unknown>[] = SECTIONS): ArgRegistry {
  const out: Record<string, Signature> = Object.create(null);
  for (const s of sections) {
    for (const [method, sig] of Object.entries(s.args as Record<string, Signature>)) {
      if (method in out) throw new Error(`API method ${method} is defined by two sections`);
      out[method] = sig;
    }
  }
  return Object.freeze(out);
}

/** The whole API over one open database. Builds handlers only: no start-up jobs run here. */
export function createHandlers(db: Database.Database, ctx: HandlerContext, sections: readonly Section<unknown>[] = SECTIONS): TurnusApi {
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

/**
 * Runs every section's start hook (sweeps, timers) once, in section order; returns a function
 * that stops what they started. runtime.ts calls it after createHandlers.
 */
export function startSections(db: Database.Database, ctx: HandlerContext, sections: readonly Section<unknown>[] = SECTIONS): () => void {
  const stops: (() => void)[] = [];
  for (const s of sections) {
    const stop = s.onStart?.(db, ctx);
    if (stop) stops.push(stop);
  }
  return () => {
    for (const stop of stops.splice(0).reverse()) stop();
  };
}

export { SECTIONS };
