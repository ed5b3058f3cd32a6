/**
 * Backups of the data file (issue 9): list, write one now, restore. The start hook keeps the
 * daily copy: the app may stay open for days, so it checks hourly whether today's copy exists.
 */
import path from 'node:path';
import type { CoreApi } from '../../../../shared/api/core';
import type { HandlerContext } from '../../context';
import { DomainError } from '../../errors';

type BackupsApi = Pick<CoreApi, 'listBackups' | 'createBackup' | 'restoreBackup' | 'checkBackups'>;

export const DAILY_CHECK_MS = 60 * 60 * 1000;

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
      return requireBackups().restore(name);
    },

    async checkBackups() {
      const backups = requireBackups();
      backups.checkAll(true);
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
  const checkCopies = () => {
    for (const bad of backups.checkAll()) {
      console.error(
        `[turnus] Den fulle kontrollen fant feil i sikkerhetskopien «${bad.name}» (${bad.check?.problem}). ` +
          'Velg en annen kopi ved gjenoppretting; er det dagens kopi, kan datafilen også være skadet: gjenopprett den nyeste hele kopien.',
      );
    }
  };
  const firstCheck = setTimeout(checkCopies, 2000);
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
