/**
 * Never a silent empty workspace (docs/data-safety.md): a missing or empty (0 bytes) data file
 * whose backup folder holds copies is not opened as an empty workspace; the newest copy that
 * passes the full check is offered, and the user restores it or deliberately starts empty. In
 * browser mode the choice is a Norwegian page before the workspace opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/backend/db';
import { RecoveryNeeded, restoreCopyAsDataFile } from '../../../electron/backend/recovery';
import { startBrowserHost } from '../../../electron/host/browser-host';
import { openTestBackend, tempDir } from './helpers';

/** A data file with one unit, a copy holding it, a newer damaged copy; then the file is lost. */
async function lostFile(how: 'mangler' | 'tom') {
  const dir = tempDir();
  const file = path.join(dir, 'turnus.sqlite');
  const tb = await openTestBackend(file, {});
  await tb.api.createUnit('Solsiden');
  const good = path.basename(await tb.opened.backups!.create('manuell'));
  tb.close();
  const damaged = path.join(dir, 'sikkerhetskopier', 'turnus-manuell-2099-01-01T00-00-00.sqlite');
  fs.writeFileSync(damaged, 'SQLite format 3\0' + 'x'.repeat(5000));
  fs.utimesSync(damaged, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
  if (how === 'mangler') fs.rmSync(file);
  else fs.truncateSync(file, 0);
  return { dir, file, good };
}

function units(file: string) {
  return openDatabase(file).then((o) => {
    const names = (o.db.prepare('SELECT name FROM units').all() as { name: string }[]).map((r) => r.name);
    o.close();
    return names;
  });
}

describe('a missing or empty data file with copies', () => {
  for (const how of ['mangler', 'tom'] as const) {
    it(`(${how}) is not opened empty: the newest good copy is offered, named, and restoring it brings the data back`, async () => {
      const { file, good } = await lostFile(how);
      const err = await openDatabase(file).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RecoveryNeeded);
      const offer = (err as RecoveryNeeded).offer;
      expect(offer.reason).toBe(how);
      expect(offer.newest.name).toBe(good);
      expect(offer.skipped.map((s) => s.name)).toEqual(['turnus-manuell-2099-01-01T00-00-00.sqlite']);
      expect((err as RecoveryNeeded).message).toContain(how === 'mangler' ? 'finnes ikke' : 'er tom (0 byte)');
      expect((err as RecoveryNeeded).message).toContain(`Den nyeste hele kopien er «${good}»`);
      if (how === 'mangler') expect(fs.existsSync(file)).toBe(false); // nothing was created
      restoreCopyAsDataFile(offer, offer.newest.name);
      expect(await units(file)).toEqual(['Solsiden']);
    });
  }

  it('«start tom» is a deliberate choice, and is asked only once', async () => {
    const { file } = await lostFile('mangler');
    const o = await openDatabase(file, { allowEmpty: true });
    o.close();
    expect(await units(file)).toEqual([]);
  });

  it('the very first start (no copies) opens an empty workspace without asking', async () => {
    const file = path.join(tempDir(), 'turnus.sqlite');
    expect(await units(file)).toEqual([]);
  });

  it('browser mode: a Norwegian choice page before the workspace opens; the API waits; the choice needs the token', async () => {
    const { dir, file, good } = await lostFile('tom');
    const host = await startBrowserHost({ dataFile: file, port: 0, staticDir: path.join(dir, 'ingen'), linkFile: false });
    try {
      expect(host.recovery?.newest.name).toBe(good);
      const page = await fetch(host.url);
      const html = await page.text();
      expect(html).toContain('Datafilen mangler');
      expect(html).toContain(`Gjenopprett «${good}»`);
      expect(html).toContain('Start med tom arbeidsflate');
      expect(html).not.toContain(host.token);
      const rpc = await fetch(`${host.url}rpc/listUnits`, { method: 'POST', headers: { 'x-turnus-token': host.token }, body: '[]' });
      expect(rpc.status).toBe(503);
      const noToken = await fetch(`${host.url}oppstart`, { method: 'POST', body: JSON.stringify({ valg: 'tom' }) });
      expect(noToken.status).toBe(401);
      const chosen = await fetch(`${host.url}oppstart`, {
        method: 'POST',
        headers: { 'x-turnus-token': host.token },
        body: JSON.stringify({ valg: 'gjenopprett', navn: good }),
      });
      expect(await chosen.json()).toEqual({ ok: true, result: null });
      expect(host.recovery).toBeNull();
      const list = await fetch(`${host.url}rpc/listUnits`, { method: 'POST', headers: { 'x-turnus-token': host.token }, body: '[]' });
      expect(await list.json()).toMatchObject({ ok: true, result: [{ name: 'Solsiden' }] });
    } finally {
      await host.close();
    }
  });
});
