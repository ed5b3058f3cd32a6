/**
 * The JSON Schema of plan file v1, generated from the zod schema (`z.toJSONSchema`). The
 * committed copy is resources/turnusplan.schema.json (regenerate with
 * `npm run build:node && node scripts/gen-plan-schema.mjs`; a unit test keeps them equal).
 */

import { z } from 'zod';
import { planFileSchema } from './schema';

export function planFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(planFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** The exact text of resources/turnusplan.schema.json. */
export function planFileJsonSchemaText(): string {
  return JSON.stringify(planFileJsonSchema(), null, 2) + '\n';
}
