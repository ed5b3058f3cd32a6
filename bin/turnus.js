#!/usr/bin/env node
// biome-ignore lint/suspicious/noRedundantUseStrict: this file is CommonJS (package.json has no "type": "module"), so strict mode is not implied
'use strict';
// Entry of the `turnus` command. The TypeScript sources are compiled to dist/ by
// `npm run build:node` (which `npm install` runs through `prepare`).
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'turnus.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(
    'turnus er ikke bygget ennå (fant ikke dist/cli/turnus.js).\nKjør «npm run build:node» i prosjektmappen og prøv igjen.\n',
  );
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`Uventet feil: ${e?.message ? e.message : e}\n`);
    process.exitCode = 2;
  });
