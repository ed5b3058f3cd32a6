/**
 * The exchange section: exports of a plan (review pack, xlsx, csv, ics, plan file) and imports
 * of a staff list or a plan file. The file formats themselves are built in
 * electron/backend/exchange/ (shared with the CLI).
 */
import { EXCHANGE_ARGS, type ExchangeApi } from '../../../../shared/api/exchange';
import { sharedJobPool } from '../../jobs/pool';
import type { Section } from '../../section';
import { exportHandlers } from './exports';
import { planImportHandlers } from './plan-import';
import { staffImportHandlers } from './staff-import';

export const exchangeSection: Section<ExchangeApi> = {
  name: 'exchange',
  args: EXCHANGE_ARGS,
  create(db, ctx) {
    const jobs = ctx?.jobs ?? sharedJobPool();
    return {
      ...exportHandlers(db, jobs),
      ...staffImportHandlers(db, jobs),
      ...planImportHandlers(db, jobs),
    };
  },
};
