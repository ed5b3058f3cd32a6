#!/usr/bin/env node
// Writes resources/turnusplan.schema.json from the zod schema of plan file v1.
// Run after `npm run build:node`: node scripts/gen-plan-schema.mjs
import { createRequire } from 'node:module';
import { writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/shared/planfile/json-schema.js');
if (!existsSync(built)) {
  console.error('Fant ikke dist/shared/planfile/json-schema.js. Kjør «npm run build:node» først.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { planFileJsonSchemaText } = require(built);
const out = path.join(root, 'resources/turnusplan.schema.json');
writeFileSync(out, planFileJsonSchemaText());
console.log(`Skrev ${path.relative(root, out)}`);
