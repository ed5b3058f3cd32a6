#!/usr/bin/env node
// Writes docs/rules.md from the rule catalogue. Run after `npm run build:node`:
//   node scripts/gen-rules-doc.mjs
import { createRequire } from 'node:module';
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/shared/rules/doc.js');
if (!existsSync(built)) {
  console.error('Fant ikke dist/shared/rules/doc.js. Kjør «npm run build:node» først.');
  process.exit(2);
}
const { rulesMarkdown } = createRequire(import.meta.url)(built);
writeFileSync(path.join(root, 'docs/rules.md'), rulesMarkdown());
console.log('Skrev docs/rules.md');
