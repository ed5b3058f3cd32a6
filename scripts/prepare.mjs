#!/usr/bin/env node
// Runs after `npm install`: compiles shared/, electron/ and cli/ to dist/ so that the `turnus`
// command works straight from a checkout. A compile error must not break the install itself;
// `npm test` (typecheck) reports it.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.node.json'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (r.status !== 0) console.warn('Advarsel: kompileringen av dist/ feilet; kjør «npm run build:node» for detaljer.');
