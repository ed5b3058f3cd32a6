/**
 * Crash safety (issue 9, docs/data-safety.md): a child Node process writes through the real
 * handlers as fast as it can and reports every write the API acknowledged; it is killed with
 * SIGKILL at random moments, 20 times over the same file. After every kill the file must open,
 * pass PRAGMA integrity_check, contain every acknowledged write, and contain no half-applied
 * call (each setCells is all-or-nothing).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db';
import { privateBuild } from './build';
import { tempDir } from './helpers';
import { namesWithCells, writerBody, writesOf } from './kill-fixtures';
import { killOnce, rng, writeChild } from './kill-harness';

const ROUNDS = 20;
const CELLS_PER_WRITE = 40;

const builtDir = privateBuild();

describe('crash safety', () => {
  it(`no acknowledged write is lost and the file stays intact over ${ROUNDS} SIGKILLs`, async () => {
    const dir = tempDir('turnus-crash-');
    const file = path.join(dir, 'turnus.sqlite');
    const seed = Number(process.env.TURNUS_CRASH_SEED ?? Date.now() % 100_000);
    const random = rng(seed);
    const allCommitted: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const script = writeChild(
        dir,
        `child-${round}`,
        builtDir(),
        writerBody({
          label: 'Krasjtest',
          prefix: `R${round}`,
          backups: false,
          cells: CELLS_PER_WRITE,
          codeOf: "d % 3 === 0 ? 'N' : 'D'",
        }).replaceAll('$FILE', file),
      );
      const delay = 20 + Math.floor(random() * 400);
      const { acks } = await killOnce(script, delay, `seed ${seed}, round ${round}`);
      allCommitted.push(...writesOf(acks));

      const o = await openDatabase(file, { backups: false });
      try {
        expect(o.db.pragma('integrity_check', { simple: true }), `seed ${seed}, round ${round}`).toBe('ok');
        expect(o.db.pragma('foreign_key_check')).toEqual([]);
        const counts = namesWithCells(o.db);
        const lost = allCommitted.filter((name) => counts.get(name) !== CELLS_PER_WRITE);
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
