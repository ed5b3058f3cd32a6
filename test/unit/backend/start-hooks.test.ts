/**
 * Start-up jobs are explicit section hooks (Section.onStart) that runtime.ts runs once when a
 * data file is opened: the review section tells the change-log triggers who the user is and
 * sweeps old cell entries; the core section starts the hourly daily-backup check.
 */
import { describe, expect, it } from 'vitest';
import { startSections } from '../../../electron/backend/registry';
import type { Section } from '../../../electron/backend/section';
import { pruneCellLog } from '../../../electron/backend/store/review';
import { openTestBackend } from './helpers';

describe('section start hooks', () => {
  it('after a reopen, cell edits are logged under the user name chosen before (the review start hook)', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('Solsiden');
    const emp = await tb.api.addEmployee(unit.id, { name: 'Kari', competence: 'sykepleier', position: 1 });
    const plan = await tb.api.createPlan(unit.id, 'Vår', '2026-01-05', 3);
    await tb.api.setUserName('Avdelingsleder Berit');
    // Another program (or an old version) left a different name in the session row.
    tb.opened.db.prepare("UPDATE review_session SET user_name = 'noen andre' WHERE id = 1").run();
    const again = await tb.reopen();
    await again.api.setCells(plan.id, [{ employeeId: emp.id, date: '2026-01-05', code: 'D' }]);
    const log = await again.api.listChangeLog(plan.id);
    expect(log[0]).toMatchObject({ kind: 'cell', userName: 'Avdelingsleder Berit', employeeName: 'Kari', after: 'D' });
  });

  it('the change-log sweep keeps the newest cell entries of each plan and every other entry', async () => {
    const tb = await openTestBackend();
    const unit = await tb.api.createUnit('Solsiden');
    const emp = await tb.api.addEmployee(unit.id, { name: 'Kari', competence: 'sykepleier', position: 1 });
    const a = await tb.api.createPlan(unit.id, 'A', '2026-01-05', 3);
    const b = await tb.api.createPlan(unit.id, 'B', '2026-01-05', 3);
    for (const code of ['D', 'A', 'N', 'D', 'A']) {
      await tb.api.setCells(a.id, [{ employeeId: emp.id, date: '2026-01-05', code }]);
      await tb.api.setCells(b.id, [{ employeeId: emp.id, date: '2026-01-06', code }]);
    }
    await tb.api.createVersion(a.id, 'Før opprydding');
    expect(pruneCellLog(tb.opened.db, 2)).toBe(6);
    const logA = await tb.api.listChangeLog(a.id);
    expect(logA.map((e) => [e.kind, e.after])).toEqual([
      ['version', null],
      ['cell', 'A'],
      ['cell', 'D'],
    ]);
    expect((await tb.api.listChangeLog(b.id)).map((e) => e.after)).toEqual(['A', 'D']);
  });

  it('startSections runs each hook once, in order, and its stop function undoes them in reverse', async () => {
    const tb = await openTestBackend();
    const calls: string[] = [];
    const section = (name: string, withStop: boolean): Section<unknown> => ({
      name,
      args: {},
      create: () => ({}),
      onStart: () => {
        calls.push(`start ${name}`);
        return withStop ? () => calls.push(`stop ${name}`) : undefined;
      },
    });
    const ctx = { dataFile: tb.file, mode: 'browser' as const, version: 'test', backups: null };
    const stop = startSections(tb.opened.db, ctx, [
      section('a', true),
      { name: 'b', args: {}, create: () => ({}) },
      section('c', true),
      section('d', false),
    ]);
    expect(calls).toEqual(['start a', 'start c', 'start d']);
    stop();
    stop();
    expect(calls).toEqual(['start a', 'start c', 'start d', 'stop c', 'stop a']);
  });
});
