/**
 * The core section (CoreApi): units, shift types, staff, bemanningsplan, plans and cells,
 * backups. One file per noun; every SQL statement lives in electron/backend/store/.
 * Arguments arrive already validated by the dispatcher (shared/api/args.ts); the checks here
 * are the ones that need the database (does the id exist, is the code known in this unit …).
 * Every write is one transaction: a rejected call leaves nothing half-written.
 */
import type { CoreApi } from '../../../../shared/api/core';
import { CORE_ARGS } from '../../../../shared/api/args';
import type { Section } from '../../section';
import { backupHandlers, startDailyBackups } from './backups';
import { demandHandlers } from './demand';
import { planHandlers } from './plans';
import { shiftTypeHandlers } from './shift-types';
import { staffHandlers } from './staff';
import { unitHandlers } from './units';

export const coreSection: Section<CoreApi> = {
  name: 'core',
  args: CORE_ARGS,
  create(db, ctx) {
    return {
      async appInfo() {
        return { version: ctx.version, dataFile: ctx.dataFile, mode: ctx.mode };
      },
      ...unitHandlers(db),
      ...shiftTypeHandlers(db),
      ...staffHandlers(db),
      ...demandHandlers(db),
      ...planHandlers(db),
      ...backupHandlers(ctx),
    };
  },
  onStart: (_db, ctx) => startDailyBackups(ctx),
};
