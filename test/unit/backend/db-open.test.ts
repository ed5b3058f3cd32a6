/**
 * Opening a data file that cannot be used must say why in Norwegian and leave the file as it
 * was (docs/data-safety.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultDataFile, openDatabase } from '../../../electron/backend/db';
import { openTestBackend, tempDir } from './helpers';

function snapshot(file: string) {
  return { bytes: fs.readFileSync(file), files: fs.readdirSync(path.dirname(file)).sort() };
}

describe('opening the data file', () => {
  it('a file that is not SQLite is refused untouched', async () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'Dette er et handlenotat, ikke en database.\n'.repeat(20));
    const before = snapshot(file);
    await expect(openDatabase(file)).rejects.toMatchObject({
      code: 'DB_FOREIGN',
      message: expect.stringContaining('ikke en Turnus-datafil'),
    });
    expect(snapshot(file)).toEqual(before);
  });

  it("another program's SQLite file is refused untouched", async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ola');");
    db.close();
    const before = snapshot(file);
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'DB_FOREIGN' });
    expect(snapshot(file)).toEqual(before);
  });

  it('a SQLite file with a schema version but no Turnus mark is refused', async () => {
    const file = path.join(tempDir(), 'versioned.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x); PRAGMA user_version = 1;');
    db.close();
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'DB_FOREIGN', message: expect.stringContaining('Turnus-merket') });
  });

  it('a damaged Turnus file is reported as damaged and not overwritten', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('Solsiden');
    const ins = tb.opened.db.prepare(
      "INSERT INTO employees (unit_id, name, competence, position, created_at, updated_at) VALUES (?, ?, 'helsefagarbeider', 0.5, 'x', 'x')",
    );
    tb.opened.db.transaction(() => {
      for (let i = 0; i < 300; i++) ins.run(unit.id, `Ansatt ${i} med et ganske langt navn`);
    })();
    tb.close();
    const size = fs.statSync(tb.file).size;
    const pageSize = 4096;
    expect(size).toBeGreaterThan(pageSize * 6);
    const fd = fs.openSync(tb.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize * 2, 0xa5), 0, pageSize * 2, pageSize * 3);
    fs.closeSync(fd);
    const before = snapshot(tb.file);
    await expect(openDatabase(tb.file)).rejects.toMatchObject({ code: 'DB_DAMAGED', message: expect.stringContaining('skadet') });
    expect(snapshot(tb.file)).toEqual(before);
  });

  it('a truncated header is reported as damaged', async () => {
    const file = path.join(tempDir(), 'cut.sqlite');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(20)]));
    await expect(openDatabase(file)).rejects.toMatchObject({ code: 'DB_DAMAGED' });
  });

  it('a file in use by another Turnus is reported as locked, and works once the other closes', async () => {
    const tb = await openTestBackend();
    await tb.api.createUnit('Solsiden');
    await expect(openDatabase(tb.file, { lockTimeoutMs: 200 })).rejects.toMatchObject({
      code: 'DB_LOCKED',
      message: expect.stringContaining('i bruk av et annet Turnus-vindu'),
    });
    // another process (the browser host / a second app) is refused the same way
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `
      const D = require('better-sqlite3');
      try { const db = new D(${JSON.stringify(tb.file)}, { timeout: 200 }); db.prepare('SELECT count(*) FROM units').get(); console.log('READ'); }
      catch (e) { console.log(e.code); }`,
      ],
      { cwd: path.resolve(__dirname, '..', '..', '..'), encoding: 'utf8' },
    );
    expect(probe.stdout.trim()).toBe('SQLITE_BUSY');
    tb.close();
    const again = await openDatabase(tb.file, { backups: false });
    expect(again.db.prepare('SELECT name FROM units').all()).toEqual([{ name: 'Solsiden' }]);
    again.close();
  });

  it('a missing folder gives a clear message', async () => {
    await expect(openDatabase(path.join(tempDir(), 'finnes', 'ikke', 'turnus.sqlite'))).rejects.toMatchObject({
      code: 'DB_CANNOT_OPEN',
      message: expect.stringContaining('mappen finnes ikke'),
    });
  });

  it('a read-only file gives a clear message and is not changed', async (ctx) => {
    const tb = await openTestBackend();
    await tb.api.createUnit('Solsiden');
    tb.close();
    fs.chmodSync(tb.file, 0o444);
    let immutable = false;
    let writable = true;
    try {
      fs.accessSync(tb.file, fs.constants.W_OK);
    } catch {
      writable = false;
    }
    if (writable) {
      // root ignores file modes; the immutable flag stops root too (ext4 and most Linux file systems)
      immutable = spawnSync('chattr', ['+i', tb.file]).status === 0;
      try {
        fs.accessSync(tb.file, fs.constants.W_OK);
      } catch {
        writable = false;
      }
    }
    try {
      if (writable) ctx.skip('kan ikke gjøre filen skrivebeskyttet her (root uten chattr)');
      const before = snapshot(tb.file);
      await expect(openDatabase(tb.file)).rejects.toMatchObject({
        code: 'DB_READONLY',
        message: expect.stringContaining('skrivebeskyttet'),
      });
      expect(snapshot(tb.file)).toEqual(before);
    } finally {
      if (immutable) spawnSync('chattr', ['-i', tb.file]);
      fs.chmodSync(tb.file, 0o644);
    }
  });

  it('the default data file is the per-user Turnus folder Electron uses too', () => {
    expect(defaultDataFile({}, 'linux', '/home/kari')).toBe('/home/kari/.config/Turnus/turnus.sqlite');
    expect(defaultDataFile({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/kari')).toBe('/x/Turnus/turnus.sqlite');
    expect(defaultDataFile({}, 'darwin', '/Users/kari')).toBe('/Users/kari/Library/Application Support/Turnus/turnus.sqlite');
    expect(defaultDataFile({ APPDATA: 'C:\\Users\\kari\\AppData\\Roaming' }, 'win32', 'C:\\Users\\kari')).toMatch(
      /Roaming.Turnus.turnus\.sqlite$/,
    );
  });
});
