/**
 * Backups of the data file (issue 9): list, write one now, restore. The start hook keeps the
 * daily copy: the app may stay open for days, so it checks hourly whether today's copy exists.
 */
import path from 'node:path';
import type { CoreApi } from '../../../../shared/api/core';
import type { HandlerContext } from '../../context';
import { DomainError } from '../../errors';

type BackupsApi = Pick<CoreApi, 'listBackups' | 'createBackup' | 'restoreBackup'>;

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
  };
}

/** Start hook: the hourly check for today's daily copy (none when backups are off). */
export function startDailyBackups(ctx: HandlerContext): (() => void) | void {
  const backups = ctx.backups;
  if (!backups) return;
  const timer = setInterval(() => {
    backups.ensureDaily().catch((e: unknown) => console.error('[turnus] daglig sikkerhetskopi feilet:', e));
  }, DAILY_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
