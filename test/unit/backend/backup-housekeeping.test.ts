/**
 * Housekeeping of the backup folder (docs/data-safety.md): whole copies left under temporary
 * names by an interrupted backup or restore are removed at the next start; a folder that cannot
 * take the daily copy (misplaced, read-only) never stops a healthy file from opening: it is a
 * Norwegian warning, and a manual backup fails with a Norwegian message naming the folder.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestBackend, tempDir } from './helpers';

function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('backup folder housekeeping', () => {
  it('temporary copies and restore scratch files of a process that is gone are removed at start; a running one is left alone', async () => {
    const tb = await openTestBackend();
    await tb.api.createUnit('Solsiden');
    const dir = tb.opened.backups!.dir;
    tb.close();
    const dead = deadPid();
    const leftovers = [
      `turnus-manuell-2026-12-01T10-00-00.sqlite.tmp-${dead}`,
      `.gjenoppretting-${dead}-1765000000000.sqlite`,
      `.gjenoppretting-${dead}-1765000000000.sqlite-wal`,
    ];
    for (const f of leftovers) fs.writeFileSync(path.join(dir, f), 'x'.repeat(10_000));
    const running = `turnus-manuell-2026-12-01T10-00-00.sqlite.tmp-${process.ppid}`;
    fs.writeFileSync(path.join(dir, running), 'x');
    fs.writeFileSync(`${tb.file}.gjenoppretter-abcd1234.tmp`, 'x');
    const again = await tb.reopen();
    const names = fs.readdirSync(dir);
    for (const f of leftovers) expect(names).not.toContain(f);
    expect(names).toContain(running);
    expect(fs.existsSync(`${tb.file}.gjenoppretter-abcd1234.tmp`)).toBe(false);
    expect((await again.api.listUnits()).map((u) => u.name)).toEqual(['Solsiden']);
  });

  it('a file where the backup folder should be: the data file opens with a Norwegian warning, and a manual backup says why', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'sikkerhetskopier'), 'ikke en mappe');
    const tb = await openTestBackend(path.join(dir, 'turnus.sqlite'), {});
    expect(tb.opened.notices.join('\n')).toContain('finnes, men er ikke en mappe');
    expect(tb.opened.notices.join('\n')).toContain('Turnus virker som vanlig');
    await tb.api.createUnit('Solsiden');
    const r = await tb.dispatch('createBackup', []);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FAILED', message: expect.stringContaining('Sikkerhetskopien kunne ikke skrives') },
    });
  });

  it('a read-only backup folder: the data file still opens, with a warning', async (ctx) => {
    const dir = tempDir();
    const backups = path.join(dir, 'sikkerhetskopier');
    fs.mkdirSync(backups);
    let immutable = false;
    if (process.getuid?.() === 0) immutable = spawnSync('chattr', ['+i', backups]).status === 0;
    else fs.chmodSync(backups, 0o500);
    try {
      if (process.getuid?.() === 0 && !immutable) ctx.skip('kan ikke gjøre mappen skrivebeskyttet her (root uten chattr)');
      const tb = await openTestBackend(path.join(dir, 'turnus.sqlite'), {});
      expect(tb.opened.notices.join('\n')).toMatch(/skrivebeskyttet/);
      expect(await tb.api.createUnit('Solsiden')).toMatchObject({ name: 'Solsiden' });
      tb.close();
    } finally {
      if (immutable) spawnSync('chattr', ['-i', backups]);
      else fs.chmodSync(backups, 0o700);
    }
  });
});
