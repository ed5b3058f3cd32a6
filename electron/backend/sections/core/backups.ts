/**
 * Backups of the data file (issue 9): list, write one now, restore. The start hook keeps the
 * daily copy: the app may stay open for days, so it checks hourly whether today's copy exists.
 */
import path from 'node:path';
import type { CoreApi } from '../../../../shared/api/core';
import type { HandlerContext } from '../../context';
import { DomainError } from '../../errors';
import { sharedJobPool } from '../../jobs/pool';

type BackupsApi = Pick<CoreApi, 'listBackups' | 'createBackup' | 'restoreBackup' | 'checkBackups'>;

export const DAILY_CHECK_MS = 60 * 60 * 1000;

/** Full checks of copies in the job pool's worker thread: a large copy never holds up a call. */
function copyChecker(ctx: HandlerContext) {
  const jobs = ctx.jobs ?? sharedJobPool();
  return (file: string, now: Date) => jobs.run('checkCopy', { file, now: now.toISOString() });
}

export function backupHandlers(ctx: HandlerContext): BackupsApi {
  function requireBackups() {
    if (!ctx.backups) throw new DomainError('UNAVAILABLE', 'Sikkerhetskopier er slått av for denne datafilen.');
    return ctx.backups;
  }
  return {
    async listBackups() {
      return ctx.backups?.list() ?? [];
    },

    async createBackup() {
      const backups = requireBackups();
      const file = path.basename(await backups.create('manuell'));
      const info = backups.list().find((b) => b.name === file);
      if (!info) throw new DomainError('INTERNAL', 'Sikkerhetskopien ble skrevet, men finnes ikke i listen.');
      return info;
    },

    async restoreBackup(name) {
      // Copy, check and migrate in the job pool's worker thread; the swap stays on this thread, in one transaction.
      const jobs = ctx.jobs ?? sharedJobPool();
      return requireBackups().restore(name, async (source, scratch, copy) => {
        await jobs.run('prepareRestore', { source, scratch, name: copy });
      });
    },

    async checkBackups() {
      const backups = requireBackups();
      await backups.checkAll(true, copyChecker(ctx));
      return backups.list();
    },
  };
}

/**
 * Start hook: the hourly check for today's daily copy (none when backups are off), and a full
 * integrity check of new copies shortly after start and after each daily copy, in the
 * background (opening itself keeps the fast quick_check). A failed check says the way back.
 */
export function startDailyBackups(ctx: HandlerContext): (() => void) | undefined {
  const backups = ctx.backups;
  if (!backups) return;
  const checkCopies = async () => {
    let failed: Awaited<ReturnType<typeof backups.checkAll>>;
    try {
      failed = await backups.checkAll(false, copyChecker(ctx));
    } catch (e) {
      // UNAVAILABLE: the app is closing and the pool stopped the check; the next start redoes it.
      if ((e as DomainError).code !== 'UNAVAILABLE')
        console.error(`[turnus] Kontrollen av sikkerhetskopiene feilet: ${(e as Error).message}`);
      return;
    }
    for (const bad of failed) {
      console.error(
        `[turnus] Den fulle kontrollen fant feil i sikkerhetskopien «${bad.name}» (${bad.check?.problem}). ` +
          'Velg en annen kopi ved gjenoppretting; er det dagens kopi, kan datafilen også være skadet: gjenopprett den nyeste hele kopien.',
      );
    }
  };
  const firstCheck = setTimeout(() => void checkCopies(), 2000);
  firstCheck.unref();
  const timer = setInterval(() => {
    backups
      .ensureDaily()
      .then(checkCopies, (e: unknown) => console.error(`[turnus] Den daglige sikkerhetskopien feilet: ${(e as Error).message}`));
  }, DAILY_CHECK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    clearTimeout(firstCheck);
  };
}
