/**
 * Crash safety (issue 9, docs/data-safety.md): a child Node process writes through the real
 * handlers as fast as it can and reports every write the API acknowledged; it is killed with
 * SIGKILL at random moments, 20 times over the same file. After every kill the file must open,
 * pass PRAGMA integrity_check, contain every acknowledged write, and contain no half-applied
 * call (each setCells is all-or-nothing).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db';
import { buildNode } from './build';
import { tempDir } from './helpers';

const ROUNDS = 20;
const CELLS_PER_WRITE = 40;

let build: ReturnType<typeof buildNode>;
beforeAll(() => {
  build = buildNode();
}, 60_000);
afterAll(() => build?.cleanup());

function childSource(buildDir: string, file: string, round: number): string {
  return `
const { openDatabase } = require(${JSON.stringify(path.join(buildDir, 'electron/backend/db.js'))});
const { createHandlers } = require(${JSON.stringify(path.join(buildDir, 'electron/backend/registry.js'))});
const { addDays } = require(${JSON.stringify(path.join(buildDir, 'shared/calendar/index.js'))});
(async () => {
  const o = await openDatabase(${JSON.stringify(file)}, { backups: false });
  const api = createHandlers(o.db, { dataFile: o.file, mode: 'browser', version: 'crash', backups: null });
  const unit = (await api.listUnits())[0] ?? await api.createUnit('Krasjtest');
  const plan = (await api.listPlans(unit.id))[0] ?? await api.createPlan(unit.id, 'Krasj', '2026-01-05', 12);
  process.stdout.write('READY\\n');
  for (let i = 0; ; i++) {
    const e = await api.addEmployee(unit.id, { name: 'R${round}-' + i, competence: 'assistent', position: 0.5 });
    const changes = [];
    for (let d = 0; d < ${CELLS_PER_WRITE}; d++) changes.push({ employeeId: e.id, date: addDays('2026-01-05', d + (i % 100)), code: d % 3 === 0 ? 'N' : 'D' });
    await api.setCells(plan.id, changes);
    process.stdout.write('COMMITTED ' + e.id + '\\n');
  }
})().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\\n'); process.exit(3); });
`;
}

/** A small deterministic PRNG so a failure can be replayed (seed printed). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function runAndKill(script: string, delayMs: number): Promise<{ committed: string[]; stderr: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: string[] = [];
    let buf = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (c: Buffer) => {
      buf += c.toString('utf8');
      for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line === 'READY') {
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, delayMs);
        } else if (line.startsWith('COMMITTED ')) committed.push(line.slice('COMMITTED '.length));
      }
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    child.on('error', reject);
    child.on('exit', () => resolve({ committed, stderr, killed }));
  });
}

describe('crash safety', () => {
  it(`no acknowledged write is lost and the file stays intact over ${ROUNDS} SIGKILLs`, async () => {
    const dir = tempDir('turnus-crash-');
    const file = path.join(dir, 'turnus.sqlite');
    const seed = Number(process.env.TURNUS_CRASH_SEED ?? Date.now() % 100_000);
    const random = rng(seed);
    const allCommitted: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const script = path.join(dir, `child-${round}.cjs`);
      fs.writeFileSync(script, childSource(build.dir, file, round));
      const delay = 20 + Math.floor(random() * 400);
      const { committed, stderr, killed } = await runAndKill(script, delay);
      expect(stderr, `seed ${seed}, round ${round}`).toBe('');
      expect(killed, `seed ${seed}, round ${round}: the child was not killed`).toBe(true);
      allCommitted.push(...committed);

      const o = await openDatabase(file, { backups: false });
      try {
        expect(o.db.pragma('integrity_check', { simple: true }), `seed ${seed}, round ${round}`).toBe('ok');
        expect(o.db.pragma('foreign_key_check')).toEqual([]);
        const counts = new Map(
          (
            o.db
              .prepare(
                'SELECT e.id AS id, count(a.date) AS n FROM employees e LEFT JOIN assignments a ON a.employee_id = e.id GROUP BY e.id',
              )
              .all() as { id: number; n: number }[]
          ).map((r) => [String(r.id), r.n]),
        );
        const lost = allCommitted.filter((id) => counts.get(id) !== CELLS_PER_WRITE);
        expect(lost, `seed ${seed}, round ${round}: acknowledged writes missing`).toEqual([]);
        const torn = [...counts.entries()].filter(([, n]) => n !== 0 && n !== CELLS_PER_WRITE);
        expect(torn, `seed ${seed}, round ${round}: half-applied setCells`).toEqual([]);
      } finally {
        o.close();
      }
    }
    // the test must have exercised real work
    expect(allCommitted.length).toBeGreaterThan(ROUNDS);
  }, 180_000);
});
