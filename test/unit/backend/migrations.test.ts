import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db';
import { assertOrdered, latestVersion, migrate } from '../../../electron/backend/migrate';
import { MIGRATIONS, type Migration } from '../../../electron/backend/migrations';
import { tempDir } from './helpers';

const SNAPSHOT = path.join(__dirname, 'schema-snapshot.json');

function schemaOf(db: Database.Database) {
  const objects = db
    .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all();
  return { userVersion: db.pragma('user_version', { simple: true }), objects };
}

describe('migrations', () => {
  it('the list is strictly increasing and ends at the latest version', () => {
    expect(() => assertOrdered(MIGRATIONS)).not.toThrow();
    expect(latestVersion()).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect(() =>
      assertOrdered([
        { version: 2, name: 'a', up() {} },
        { version: 2, name: 'b', up() {} },
      ]),
    ).toThrow();
  });

  it('a fresh file gets the newest schema; running migrate again is a no-op', async () => {
    const file = path.join(tempDir(), 'fresh.sqlite');
    const o = await openDatabase(file, { backups: false });
    expect(o.migration).toEqual({ from: 0, to: latestVersion() });
    const before = schemaOf(o.db);
    expect(migrate(o.db)).toEqual({ from: latestVersion(), to: latestVersion() });
    expect(schemaOf(o.db)).toEqual(before);
    o.close();
    const again = await openDatabase(file, { backups: false });
    expect(again.migration).toEqual({ from: latestVersion(), to: latestVersion() });
    expect(again.migrationBackup).toBeNull();
    again.close();
  });

  it('the schema matches the committed snapshot (update: TURNUS_UPDATE_SCHEMA_SNAPSHOT=1)', async () => {
    const o = await openDatabase(path.join(tempDir(), 'snap.sqlite'), { backups: false });
    const schema = schemaOf(o.db);
    o.close();
    if (process.env.TURNUS_UPDATE_SCHEMA_SNAPSHOT === '1' || !fs.existsSync(SNAPSHOT)) {
      fs.writeFileSync(SNAPSHOT, JSON.stringify(schema, null, 2) + '\n');
    }
    expect(schema).toEqual(JSON.parse(fs.readFileSync(SNAPSHOT, 'utf8')));
  });

  it('all pending steps run in ONE transaction: a failing step leaves the file as it was', async () => {
    const file = path.join(tempDir(), 'tx.sqlite');
    const o = await openDatabase(file, { backups: false });
    o.db.prepare("INSERT INTO units (name, settings, created_at, updated_at) VALUES ('Solsiden', '{}', 'x', 'x')").run();
    const v = latestVersion();
    const steps: Migration[] = [
      ...MIGRATIONS,
      { version: v + 1, name: 'ok', up: (db) => db.exec('CREATE TABLE extra_a (x INTEGER) STRICT') },
      { version: v + 2, name: 'broken', up: (db) => db.exec('CREATE TABLE units (x INTEGER)') },
    ];
    expect(() => migrate(o.db, steps)).toThrow();
    expect(o.db.pragma('user_version', { simple: true })).toBe(v);
    expect(o.db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'extra_a'").get()).toEqual({ n: 0 });
    expect(o.db.prepare('SELECT name FROM units').all()).toEqual([{ name: 'Solsiden' }]);
    o.close();
  });

  it('migrates an older file and writes a backup of it first', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const o = await openDatabase(file, { backups: false });
    o.db.prepare("INSERT INTO units (name, settings, created_at, updated_at) VALUES ('Gamle', '{}', 'x', 'x')").run();
    o.close();
    const v = latestVersion();
    const steps: Migration[] = [
      ...MIGRATIONS,
      { version: v + 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT') },
    ];
    const o2 = await openDatabase(file, { migrations: steps, backups: { dir: path.join(dir, 'kopier') } });
    expect(o2.migration).toEqual({ from: v, to: v + 1 });
    expect(o2.migrationBackup).toMatch(/old-migrering-.*-v\d+-til-v\d+\.sqlite$/);
    o2.close();
    const copy = new Database(o2.migrationBackup!, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(v);
    expect(copy.prepare('SELECT name FROM units').all()).toEqual([{ name: 'Gamle' }]);
    copy.close();
  });

  it('a file at every historic version migrates to the newest and keeps its data', async () => {
    for (let i = 1; i < MIGRATIONS.length; i++) {
      const dir = tempDir();
      const file = path.join(dir, `v${MIGRATIONS[i - 1].version}.sqlite`);
      const old = await openDatabase(file, { migrations: MIGRATIONS.slice(0, i), backups: false });
      old.db.prepare("INSERT INTO units (name, settings, created_at, updated_at) VALUES ('Solsiden', '{}', 'x', 'x')").run();
      old.close();
      const o = await openDatabase(file, { backups: { dir: path.join(dir, 'kopier') } });
      expect(o.migration).toEqual({ from: MIGRATIONS[i - 1].version, to: latestVersion() });
      expect(o.db.prepare('SELECT name FROM units').all()).toEqual([{ name: 'Solsiden' }]);
      expect(o.db.pragma('foreign_key_check')).toEqual([]);
      o.close();
    }
  });

  it('a file from a newer version is refused with a Norwegian message and not touched', async () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const o = await openDatabase(file, { backups: false });
    o.db.pragma(`user_version = ${latestVersion() + 5}`);
    o.close();
    const bytes = fs.readFileSync(file);
    const mtime = fs.statSync(file).mtimeMs;
    await expect(openDatabase(file)).rejects.toMatchObject({
      code: 'DB_FROM_FUTURE',
      message: expect.stringContaining('nyere versjon av Turnus'),
    });
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
    expect(fs.existsSync(path.join(path.dirname(file), 'sikkerhetskopier'))).toBe(false);
  });
});
