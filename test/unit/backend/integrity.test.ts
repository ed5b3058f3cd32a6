/**
 * Integrity (docs/data-safety.md): every backup copy gets a full integrity_check (in the
 * background and on demand), shown in the backup list; a saved plan version carries a checksum
 * over itself and the change log before it, so a changed approved plan is detected when the
 * file is opened and refused where the version is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../../paths';
import { openDatabase } from '../../../electron/backend/db';
import { openTestBackend } from './helpers';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'rules-november.turnus.json'), 'utf8');

describe('full check of backup copies', () => {
  it('an intact copy is checked ok; a damaged and a truncated copy are shown failed with the problem', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('Solsiden');
    const ins = tb.opened.db.prepare(
      "INSERT INTO employees (unit_id, name, competence, position, created_at, updated_at) VALUES (?, ?, 'assistent', 0.5, 'x', 'x')",
    );
    tb.opened.db.transaction(() => {
      for (let i = 0; i < 400; i++) ins.run(unit.id, `Ansatt ${i} med et ganske langt navn for flere sider`);
    })();
    const a = await tb.api.createBackup();
    expect(a.check).toBeNull(); // not checked yet
    const b = await tb.api.createBackup();
    const c = await tb.api.createBackup();
    const dir = tb.opened.backups!.dir;
    // b: the b-tree page header of a page in the middle of the file overwritten (the file still
    // opens; the page cannot be read); c: one byte short
    const fileB = path.join(dir, b.name);
    const fd = fs.openSync(fileB, 'r+');
    const pages = Math.floor(fs.statSync(fileB).size / 4096);
    fs.writeSync(fd, Buffer.alloc(512, 0x41), 0, 512, Math.floor(pages / 2) * 4096);
    fs.closeSync(fd);
    fs.truncateSync(path.join(dir, c.name), fs.statSync(path.join(dir, c.name)).size - 1);

    const list = await tb.api.checkBackups();
    const byName = new Map(list.map((x) => [x.name, x]));
    expect(byName.get(a.name)?.check).toMatchObject({ ok: true });
    expect(byName.get(b.name)?.check).toMatchObject({ ok: false, problem: expect.stringMatching(/skadet|kan ikke leses/) });
    expect(byName.get(c.name)?.check).toMatchObject({ ok: false, problem: expect.stringContaining('avkortet') });
    // the results are kept: listBackups shows them without checking again
    const again = await tb.api.listBackups();
    expect(again.find((x) => x.name === a.name)?.check?.checkedAt).toBe(byName.get(a.name)?.check?.checkedAt);
  });
});

describe('opening a cut-off data file', () => {
  it('a data file one byte short is refused as damaged and left as it was', async () => {
    const tb = await openTestBackend();
    await tb.api.createUnit('Solsiden');
    tb.close();
    fs.truncateSync(tb.file, fs.statSync(tb.file).size - 1);
    const before = fs.readFileSync(tb.file);
    await expect(openDatabase(tb.file)).rejects.toMatchObject({ code: 'DB_DAMAGED', message: expect.stringContaining('avkortet') });
    expect(fs.readFileSync(tb.file).equals(before)).toBe(true);
  });
});

describe('checksums of saved plan versions', () => {
  async function withVersion() {
    const tb = await openTestBackend(undefined, { backups: false });
    const plan = await tb.api.commitPlanImport(FIXTURE, 'November 2025');
    const v = await tb.api.createVersion(plan.id, 'Godkjent utgave');
    return { tb, plan, v };
  }

  it('an untouched version reads fine and later changes to the plan do not disturb it', async () => {
    const { tb, plan, v } = await withVersion();
    const emp = plan.file.employees[0].id;
    await tb.api.setCells(plan.id, [{ employeeId: emp, date: plan.file.period.start, code: 'N' }]);
    const again = await tb.reopen();
    expect(again.opened.notices).toEqual([]);
    expect((await again.api.getVersion(v.id)).version.name).toBe('Godkjent utgave');
  });

  for (const what of ['the version itself', 'the change log before it'] as const) {
    it(`a change to ${what} by another tool is named when the file opens and the version is refused`, async () => {
      const { tb, v } = await withVersion();
      tb.close();
      const raw = new Database(tb.file);
      if (what === 'the version itself') {
        raw.exec('DROP TRIGGER plan_versions_immutable');
        raw.prepare("UPDATE plan_versions SET file = json_set(file, '$.name', 'Endret i smug') WHERE id = ?").run(v.id);
      } else {
        raw.prepare("UPDATE plan_changes SET user_name = 'Noen andre' WHERE id = (SELECT min(id) FROM plan_changes)").run();
      }
      raw.close();
      const o = await openTestBackend(tb.file, { backups: false });
      expect(o.opened.notices).toHaveLength(1);
      expect(o.opened.notices[0]).toContain('«Godkjent utgave»');
      expect(o.opened.notices[0]).toContain('er endret etter at den ble lagret');
      const r = await o.dispatch('getVersion', [v.id]);
      expect(r).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    });
  }

  it('the checksum itself cannot be rewritten through SQL', async () => {
    const { tb, v } = await withVersion();
    expect(() => tb.opened.db.prepare("UPDATE plan_versions SET checksum = 'x' WHERE id = ?").run(v.id)).toThrow(/kan ikke endres/);
  });
});
