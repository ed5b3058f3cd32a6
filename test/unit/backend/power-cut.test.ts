/**
 * Power cut (docs/data-safety.md), next to the SIGKILL test (crash.test.ts). A child process
 * writes through the real handlers on a file opened by openDatabase (WAL, synchronous=FULL)
 * and, right after each write the API acknowledged, reports the size of the -wal: with
 * synchronous=FULL SQLite has fsynced the WAL up to there before the call returns. The child
 * is SIGKILLed; then a power cut is simulated: everything written after the last
 * acknowledgement was not yet on the disk, so the -wal is cut at a random length between the
 * acknowledged size and its current size and the remaining tail is overwritten with random
 * bytes (torn sectors). (Turnus checkpoints only on its own call, so the data file itself is
 * not written while the child runs.) Every acknowledged write must survive, the file must pass
 * integrity_check, and no call may be half-applied. The seed is printed with any failure;
 * replay with TURNUS_POWERCUT_SEED.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db';
import { privateBuild } from './build';
import { tempDir } from './helpers';
import { namesWithCells, writerBody, writesOf } from './kill-fixtures';
import { rng, runAndKill, writeChild } from './kill-harness';

const ROUNDS = 10;
const CELLS_PER_WRITE = 30;

const builtDir = privateBuild();

describe('power cut', () => {
  it(`no acknowledged write is lost when the unsynced end of the WAL is lost or torn, over ${ROUNDS} cuts`, async () => {
    const dir = tempDir('turnus-strom-');
    const file = path.join(dir, 'turnus.sqlite');
    const seed = Number(process.env.TURNUS_POWERCUT_SEED ?? Date.now() % 100_000);
    const random = rng(seed);
    const all: string[] = [];
    let cutBytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const script = writeChild(
        dir,
        `child-${round}`,
        builtDir(),
        writerBody({
          label: 'Strømbrudd',
          prefix: `P${round}`,
          backups: false,
          cells: CELLS_PER_WRITE,
          codeOf: "d % 2 ? 'D' : 'A'",
          // With synchronous=FULL the -wal is fsynced up to its size when a call returns; the
          // size is acknowledged before the write it follows, so it never lags an acknowledged write.
          beforeReady: `const fs = require('node:fs');
  if (o.db.pragma('synchronous', { simple: true }) !== 2) throw new Error('synchronous is not FULL');
  const walSize = () => { try { return fs.statSync(${JSON.stringify(`${file}-wal`)}).size; } catch { return 0; } };
  ack('wal', walSize());`,
          beforeAck: "ack('wal', walSize());",
        }).replaceAll('$FILE', file),
      );
      const { acks, stderr } = await runAndKill(script, 30 + Math.floor(random() * 300));
      expect(stderr, `seed ${seed}, round ${round}`).toBe('');
      all.push(...writesOf(acks));
      const ackedWal = Number(acks.filter((a) => a.kind === 'wal').at(-1)?.value ?? 0);
      // the power cut: what was not acknowledged may be missing or torn
      const wal = `${file}-wal`;
      const size = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
      expect(size, `seed ${seed}, round ${round}`).toBeGreaterThanOrEqual(ackedWal);
      const keep = ackedWal + Math.floor(random() * (size - ackedWal + 1));
      if (fs.existsSync(wal)) {
        fs.truncateSync(wal, keep);
        const torn = Math.floor(random() * (keep - ackedWal + 1));
        if (torn > 0) {
          const fd = fs.openSync(wal, 'r+');
          fs.writeSync(fd, crypto.randomBytes(torn), 0, torn, keep - torn);
          fs.closeSync(fd);
        }
        cutBytes += size - keep;
      }
      const o = await openDatabase(file, { backups: false });
      try {
        expect(o.notices, `seed ${seed}, round ${round}: the own WAL was taken for a foreign one`).toEqual([]);
        expect(o.db.pragma('integrity_check', { simple: true }), `seed ${seed}, round ${round}`).toBe('ok');
        const counts = namesWithCells(o.db);
        expect(
          all.filter((name) => counts.get(name) !== CELLS_PER_WRITE),
          `seed ${seed}, round ${round}: acknowledged writes lost`,
        ).toEqual([]);
        expect(
          [...counts.values()].filter((n) => n !== 0 && n !== CELLS_PER_WRITE),
          `seed ${seed}, round ${round}: half-applied setCells`,
        ).toEqual([]);
      } finally {
        o.close();
      }
    }
    expect(all.length).toBeGreaterThan(ROUNDS);
    expect(cutBytes, `seed ${seed}: no round cut anything off`).toBeGreaterThan(0);
  }, 180_000);
});
