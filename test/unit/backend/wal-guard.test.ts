/**
 * The data file and its -wal are one unit (docs/data-safety.md): a -wal left by a killed Turnus
 * beside ANOTHER file is moved aside untouched with a Norwegian notice, never replayed into it;
 * the file's own -wal is replayed as always. The crash states are real: a Turnus connection
 * (EXCLUSIVE + WAL, as openDatabase sets it up) writes through the real handlers and the files
 * on disk are copied while it is still open, which is exactly what a SIGKILL leaves behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db';
import { createHandlers } from '../../../electron/backend/registry';
import { guardWal, readWal, walBelongsTo } from '../../../electron/backend/wal-guard';
import { tempDir } from './helpers';

/** A closed Turnus file with the given units. */
async function turnusFile(file: string, units: string[]): Promise<string> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const o = await openDatabase(file, { backups: false });
  const api = createHandlers(o.db, { dataFile: o.file, mode: 'browser', version: 'test', backups: null });
  for (const u of units) await api.createUnit(u);
  o.close();
  return file;
}

/**
 * Opens `file` with openDatabase (as Turnus does), runs `steps` (unit names to create; '!' =
 * checkpoint), and copies the data file and its -wal into `outDir` while the connection is
 * still open: the files a SIGKILL at that moment leaves behind.
 */
async function crashState(file: string, steps: string[], outDir: string): Promise<string> {
  const o = await openDatabase(file, { backups: false });
  const api = createHandlers(o.db, { dataFile: o.file, mode: 'browser', version: 'test', backups: null });
  for (const s of steps) {
    if (s === '!') o.checkpoint();
    else await api.createUnit(s);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const target = path.join(outDir, 'turnus.sqlite');
  fs.copyFileSync(file, target);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${target}-wal`);
  o.close();
  return target;
}

async function unitsIn(file: string): Promise<{ names: string[]; notices: string[] }> {
  const o = await openDatabase(file, { backups: false });
  try {
    const names = (o.db.prepare('SELECT name FROM units ORDER BY name').all() as { name: string }[]).map((r) => r.name);
    expect(o.db.pragma('integrity_check', { simple: true })).toBe('ok');
    return { names, notices: o.notices };
  } finally {
    o.close();
  }
}

describe('the data file and its -wal as one unit', () => {
  it("a crashed Turnus's own -wal is replayed: every committed write is there, no notice", async () => {
    const dir = tempDir();
    const file = await turnusFile(path.join(dir, 'live', 'turnus.sqlite'), ['Solsiden']);
    const crashed = await crashState(file, ['Måneskinn', 'Nordlys'], path.join(dir, 'crash'));
    const wal = readWal(`${crashed}-wal`);
    expect(wal?.frames.length).toBeGreaterThan(0);
    expect(walBelongsTo(crashed, `${crashed}-wal`).belongs).toBe(true);
    const r = await unitsIn(crashed);
    expect(r.names).toEqual(['Måneskinn', 'Nordlys', 'Solsiden']);
    expect(r.notices).toEqual([]);
  });

  it("another file's -wal beside the data file is moved aside untouched, named, and the file keeps its own data", async () => {
    const dir = tempDir();
    const a = await turnusFile(path.join(dir, 'a', 'turnus.sqlite'), ['Avdeling A']);
    const crashedA = await crashState(a, ['A etter krasj'], path.join(dir, 'crash-a'));
    const b = await turnusFile(path.join(dir, 'b', 'turnus.sqlite'), ['Avdeling B', 'Avdeling B2']);
    const stale = fs.readFileSync(`${crashedA}-wal`);
    fs.copyFileSync(`${crashedA}-wal`, `${b}-wal`);
    const r = await unitsIn(b);
    expect(r.names).toEqual(['Avdeling B', 'Avdeling B2']);
    expect(r.notices).toHaveLength(1);
    expect(r.notices[0]).toContain('som ikke hører til den');
    expect(r.notices[0]).toContain('«turnus.sqlite-wal» → «turnus.sqlite-wal.hører-ikke-til-');
    expect(r.notices[0]).toContain('Flytt alltid datafilen og filene «-wal» og «-shm» sammen');
    const aside = fs.readdirSync(path.dirname(b)).filter((f) => f.startsWith('turnus.sqlite-wal.hører-ikke-til-'));
    expect(aside).toHaveLength(1);
    expect(fs.readFileSync(path.join(path.dirname(b), aside[0])).equals(stale)).toBe(true);
  });

  it('a manual restore (a copy put in place) with the stale -wal beside it opens the copy, not a mixture', async () => {
    const dir = tempDir();
    const file = await turnusFile(path.join(dir, 'live', 'turnus.sqlite'), ['Solsiden']);
    const o = await openDatabase(file, { backups: { dir: path.join(dir, 'kopier') } });
    const copy = o.backups!.list()[0];
    o.close();
    const crashed = await crashState(file, ['Etter kopien', '!', 'Enda en'], path.join(dir, 'crash'));
    fs.copyFileSync(path.join(dir, 'kopier', copy.name), crashed); // the user copies the backup in
    const r = await unitsIn(crashed);
    expect(r.names).toEqual(['Solsiden']);
    expect(r.notices).toHaveLength(1);
  });

  it('property: over random write and checkpoint sequences, the own -wal always belongs and a WAL of another file never does', async () => {
    const name = fc.constantFrom('Sol', 'Måne', 'Nord', 'Sør', 'Øst', 'Vest');
    const steps = fc.array(fc.oneof(name, fc.constant('!')), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.array(name, { maxLength: 3 }), steps, fc.array(name, { maxLength: 3 }), steps, async (ua, sa, ub, sb) => {
        const dir = tempDir();
        const uniq = (xs: string[], tag: string) => xs.map((x, i) => `${tag}-${x}${i}`);
        const a = await turnusFile(path.join(dir, 'a', 'turnus.sqlite'), uniq(ua, 'fa'));
        const b = await turnusFile(path.join(dir, 'b', 'turnus.sqlite'), uniq(ub, 'fb'));
        const ca = await crashState(
          a,
          sa.map((s, i) => (s === '!' ? s : `ka-${s}${i}`)),
          path.join(dir, 'ca'),
        );
        const cb = await crashState(
          b,
          sb.map((s, i) => (s === '!' ? s : `kb-${s}${i}`)),
          path.join(dir, 'cb'),
        );
        for (const c of [ca, cb]) {
          if (fs.existsSync(`${c}-wal`)) expect(walBelongsTo(c, `${c}-wal`).belongs).toBe(true);
        }
        if (fs.existsSync(`${ca}-wal`) && (readWal(`${ca}-wal`)?.frames.length ?? 0) > 0) {
          expect(walBelongsTo(cb, `${ca}-wal`).belongs).toBe(false);
          expect(walBelongsTo(b, `${ca}-wal`).belongs).toBe(false);
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('leaves an empty or missing -wal alone', () => {
    const dir = tempDir();
    const file = path.join(dir, 'turnus.sqlite');
    expect(guardWal(file)).toEqual([]);
    fs.writeFileSync(`${file}-wal`, '');
    expect(guardWal(file)).toEqual([]);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
  });
});
