import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTestBackend, tempDir } from './helpers';

const kari = { name: 'Kari Nordmann', competence: 'sykepleier', position: 0.75 };

describe('backups (issue 9)', () => {
  it('a daily copy is made on open, once per day, and only the newest N are kept', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'turnus.sqlite');
    const backupDir = path.join(dir, 'kopier');
    for (const day of ['2026-03-01', '2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']) {
      const tb = await openTestBackend(file, { backups: { dir: backupDir, keepDaily: 3, now: () => new Date(`${day}T12:00:00`) } });
      tb.close();
    }
    expect(fs.readdirSync(backupDir).sort()).toEqual([
      'turnus-daglig-2026-03-03.sqlite',
      'turnus-daglig-2026-03-04.sqlite',
      'turnus-daglig-2026-03-05.sqlite',
    ]);
  });

  it('twelve manual copies in the same second: each is found, and the ten made last are kept', async () => {
    const dir = tempDir();
    const backupDir = path.join(dir, 'kopier');
    const tb = await openTestBackend(path.join(dir, 'turnus.sqlite'), {
      backups: { dir: backupDir, keepOther: 10, now: () => new Date('2026-03-01T12:00:00') },
    });
    const made: string[] = [];
    for (let i = 0; i < 12; i++) made.push((await tb.api.createBackup()).name); // never «finnes ikke i listen»
    const kept = fs.readdirSync(backupDir).filter((n) => n.includes('-manuell-'));
    expect(kept.sort()).toEqual(made.slice(2).sort());
    tb.close();
  });

  it('each copy is a complete, intact Turnus file', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('Solsiden');
    await tb.api.addEmployee(unit.id, kari);
    const info = await tb.api.createBackup();
    expect(info).toMatchObject({ kind: 'manuell', name: expect.stringMatching(/^turnus-manuell-.*\.sqlite$/) });
    const copy = new Database(path.join(tb.dir, 'sikkerhetskopier', info.name), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT name FROM employees').all()).toEqual([{ name: 'Kari Nordmann' }]);
    copy.close();
    const list = await tb.api.listBackups();
    expect(list.map((b) => b.kind).sort()).toEqual(['daglig', 'manuell']);
  });

  it('restore brings back exactly the backup, and the safety copy undoes the restore', async () => {
    const tb = await openTestBackend();
    const a = await tb.api.createUnit('Solsiden');
    const e = await tb.api.addEmployee(a.id, kari);
    const plan = await tb.api.createPlan(a.id, 'Vår', '2026-01-05', 3);
    await tb.api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-05', code: 'D' }]);
    const backup = await tb.api.createBackup();

    await tb.api.createUnit('Skyggesiden');
    await tb.api.setCells(plan.id, [{ employeeId: e.id, date: '2026-01-06', code: 'N' }]);
    await tb.api.deleteEmployee(Number(e.id));

    const res = await tb.api.restoreBackup(backup.name);
    expect(res.restored).toBe(backup.name);
    expect((await tb.api.listUnits()).map((u) => u.name)).toEqual(['Solsiden']);
    expect((await tb.api.getPlan(plan.id)).file.assignments).toEqual([{ employee: e.id, date: '2026-01-05', code: 'D' }]);
    expect(tb.opened.db.pragma('foreign_key_check')).toEqual([]);
    // the plan's history says it was restored, from which copy, and where the state before went
    const log = await tb.api.listChangeLog(plan.id);
    expect(log.filter((x) => x.kind === 'plan').map((x) => x.detail)).toEqual([
      `Plan: gjenopprettet fra sikkerhetskopien «${backup.name}»; tilstanden før er lagret som «${res.safetyBackup}»`,
    ]);

    // the state before the restore was saved and can be restored in turn
    await tb.api.restoreBackup(res.safetyBackup);
    expect((await tb.api.listUnits()).map((u) => u.name)).toEqual(['Skyggesiden', 'Solsiden']);
    expect((await tb.api.getUnit(a.id)).employees).toEqual([]);

    // and it survives closing and reopening
    const again = await tb.reopen();
    expect((await again.api.listUnits()).map((u) => u.name)).toEqual(['Skyggesiden', 'Solsiden']);
  });

  it('restore refuses names that are not in the list, and damaged copies, changing nothing', async () => {
    const tb = await openTestBackend();
    await tb.api.createUnit('Solsiden');
    expect(await tb.dispatch('restoreBackup', ['../../etc/passwd'])).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'name' },
    });
    expect(await tb.dispatch('restoreBackup', ['finnes-ikke.sqlite'])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const info = await tb.api.createBackup();
    const p = path.join(tb.dir, 'sikkerhetskopier', info.name);
    const fd = fs.openSync(p, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096);
    fs.closeSync(fd);
    expect(await tb.dispatch('restoreBackup', [info.name])).toMatchObject({ ok: false, error: { code: 'DB_DAMAGED' } });
    expect((await tb.api.listUnits()).map((u) => u.name)).toEqual(['Solsiden']);
  });
});
