import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { TurnusApi } from '../../../shared/api';
import { openTestBackend } from '../backend/helpers';
import { osloToday, droftingWarning } from '../../../electron/backend/sections/review/status';
import { addDays } from '../../../shared/calendar';
import path from 'node:path';
import { FIXTURES } from '../../paths';

const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'rules-november.turnus.json'), 'utf8');

/** A seeded plan: the rules-november fixture imported as a new unit. */
async function seeded() {
  const tb = await openTestBackend(undefined, { backups: false });
  await tb.api.setUserName('Avdelingsleder Test');
  const plan = await tb.api.commitPlanImport(FIXTURE, 'November 2025');
  return { tb, api: tb.api as TurnusApi, plan };
}

describe('plan file import', () => {
  it('imports the fixture as a new unit with staff, shifts and every cell', async () => {
    const { api, plan } = await seeded();
    const src = JSON.parse(FIXTURE);
    expect(plan.name).toBe('November 2025');
    expect(plan.file.period).toEqual(src.period);
    expect(plan.file.employees.map((e) => e.name)).toEqual(src.employees.map((e: { name: string }) => e.name));
    expect(plan.file.assignments).toHaveLength(src.assignments.length);
    expect((await api.listUnits()).map((u) => u.name)).toEqual(['Eksempel regler']);
  });

  it('a broken plan file is refused with the field named, and nothing is written', async () => {
    const tb = await openTestBackend(undefined, { backups: false });
    const bad = JSON.parse(FIXTURE);
    bad.employees[1].position = 1.7;
    const preview = await tb.api.previewPlanImport(JSON.stringify(bad));
    expect(preview.ok).toBe(false);
    expect(preview.errors.join('\n')).toMatch(/employees\[1\]\.position/);
    const res = await tb.dispatch('commitPlanImport', [JSON.stringify(bad)]);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/^Planfilen kan ikke importeres: employees\[1\]\.position/);
    expect(await tb.api.listUnits()).toEqual([]);
  });
});

describe('status, versions and the aml § 10-3 notice', () => {
  it('utkast → til drøfting → godkjent saves named versions and warns when drøfting is late', async () => {
    const { api, plan } = await seeded();
    let st = await api.getReviewState(plan.id);
    expect(st.status).toBe('utkast');
    expect(st.droftingDeadline).toBe('2025-10-20');

    st = await api.setPlanStatus(plan.id, { status: 'til_drofting', date: '2025-10-25', names: ['Tone Tillitsvalgt'] });
    expect(st.status).toBe('til_drofting');
    expect(st.droftingDate).toBe('2025-10-25');
    expect(st.droftingNames).toEqual(['Tone Tillitsvalgt']);
    expect(st.warnings).toHaveLength(1);
    expect(st.warnings[0]).toContain('aml § 10-3');
    expect(st.warnings[0]).toContain('20.10.2025');
    expect(st.versions.map((v) => v.name)).toEqual(['Til drøfting 25.10.2025']);
    expect((await api.getPlan(plan.id)).status).toBe('til_drofting');

    st = await api.setPlanStatus(plan.id, { status: 'godkjent', date: '2025-10-28', names: ['Tone Tillitsvalgt', 'Leder Lise'] });
    expect(st.status).toBe('godkjent');
    expect(st.godkjentDate).toBe('2025-10-28');
    expect(st.godkjentNames).toEqual(['Tone Tillitsvalgt', 'Leder Lise']);
    expect(st.lastApprovedVersionId).toBe(st.versions[0].id);
    expect(st.history.map((h) => [h.status, h.userName])).toEqual([
      ['til_drofting', 'Avdelingsleder Test'],
      ['godkjent', 'Avdelingsleder Test'],
    ]);
  });

  it('warns when cells change after the plan was approved', async () => {
    const { api, plan } = await seeded();
    await api.setPlanStatus(plan.id, { status: 'til_drofting', date: '2025-10-01', names: ['Tone'] });
    await api.setPlanStatus(plan.id, { status: 'godkjent', date: '2025-10-02', names: ['Tone'] });
    expect((await api.getReviewState(plan.id)).warnings).toEqual([]);
    const e = plan.file.employees[0];
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2025-11-21', code: 'D' }]);
    const st = await api.getReviewState(plan.id);
    expect(st.warnings).toEqual([
      '1 celle er endret etter at planen ble satt til «godkjent» 02.10.2025. Endringene står i diffen mot den lagrede versjonen; vesentlige endringer bør drøftes på nytt.',
    ]);
  });

  it('drøfting in time gives no warning', async () => {
    const { api, plan } = await seeded();
    const st = await api.setPlanStatus(plan.id, { status: 'til_drofting', date: '2025-10-20', names: ['Tone'] });
    expect(st.warnings).toEqual([]);
    expect(droftingWarning({ period: { start: '2025-11-03', end: '2025-11-30' } }, '2025-10-21')).toMatch(
      /senere enn fristen 20\.10\.2025/,
    );
  });

  it('a plan cannot be approved before drøfting, and drøfting needs a name', async () => {
    const { tb, plan } = await seeded();
    const r1 = await tb.dispatch('setPlanStatus', [plan.id, { status: 'godkjent', date: '2025-10-01', names: ['A'] }]);
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.error.message).toMatch(/må legges fram til drøfting/);
    const r2 = await tb.dispatch('setPlanStatus', [plan.id, { status: 'til_drofting', date: '2025-10-01', names: [] }]);
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error.message).toMatch(/minst én tillitsvalgt/);
    const r3 = await tb.dispatch('setPlanStatus', [plan.id, { status: 'sendt', date: '2025-10-01', names: ['A'] }]);
    expect(r3.ok).toBe(false);
    if (!r3.ok) expect(r3.error.message).toMatch(/utkast, til_drofting eller godkjent/);
  });

  it('a saved version is immutable, also for SQL', async () => {
    const { tb, api, plan } = await seeded();
    const v = await api.createVersion(plan.id, 'Før helgeendring');
    expect(() => tb.opened.db.prepare('UPDATE plan_versions SET file = ? WHERE id = ?').run('{}', v.id)).toThrow(/kan ikke endres/);
    const got = await api.getVersion(v.id);
    expect(got.file.assignments).toEqual(plan.file.assignments);
  });

  it('the status survives a restart', async () => {
    const { tb, plan } = await seeded();
    await tb.api.setPlanStatus(plan.id, { status: 'til_drofting', date: '2025-10-10', names: ['Tone'] });
    const again = await tb.reopen();
    const st = await again.api.getReviewState(plan.id);
    expect(st.status).toBe('til_drofting');
    expect(st.versions).toHaveLength(1);
  });

  it('osloToday is a date and the warning compares against start − 14 days', () => {
    expect(osloToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(droftingWarning({ period: { start: '2026-01-15', end: '2026-04-15' } }, addDays('2026-01-15', -14))).toBeNull();
  });
});

describe('diff between versions', () => {
  it('shows changed cells, hours and positions per employee, and rule hits added or removed', async () => {
    const { api, plan } = await seeded();
    const v = await api.createVersion(plan.id, 'Utgangspunkt');
    const kari = plan.file.employees.find((e) => e.name === 'Kari')!;
    // Fix Kari's short daily rest (AML-REST-DAILY on 2025-11-04) and add a day shift on 2025-11-12.
    const kariCells = plan.file.assignments.filter((a) => a.employee === kari.id);
    const onFourth = kariCells.find((a) => a.date === '2025-11-04')!;
    await api.setCells(plan.id, [
      { employeeId: kari.id, date: onFourth.date, code: null },
      { employeeId: kari.id, date: '2025-11-12', code: 'D' },
    ]);
    const d = await api.diffPlan(plan.id, v.id, 'current');
    expect(d.identical).toBe(false);
    expect(d.cells).toEqual([
      { employeeId: kari.id, employeeName: 'Kari', date: '2025-11-04', before: onFourth.code, after: null },
      { employeeId: kari.id, employeeName: 'Kari', date: '2025-11-12', before: null, after: 'D' },
    ]);
    expect(d.employees).toHaveLength(1);
    expect(d.employees[0]).toMatchObject({ name: 'Kari', cellsChanged: 2, plannedHoursBefore: 15 });
    expect(d.rulesRemoved.map((h) => [h.rule, h.date])).toContainEqual(['AML-REST-DAILY', '2025-11-04']);
    const same = await api.diffPlan(plan.id, 'current', 'current');
    expect(same.identical).toBe(true);
  });

  it('a version of another plan is refused', async () => {
    const { tb, api, plan } = await seeded();
    const other = await api.createPlan(plan.unitId, 'Desember', '2025-12-01', 3);
    const v = await api.createVersion(other.id, 'x');
    const r = await tb.dispatch('diffPlan', [plan.id, v.id, 'current']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('NOT_FOUND');
  });
});

describe('comments and the change log', () => {
  it('comments on a cell and on the plan; resolve and delete', async () => {
    const { tb, api, plan } = await seeded();
    const e = plan.file.employees[0];
    const c1 = await api.addComment(plan.id, { employeeId: e.id, date: '2025-11-05', text: 'Kan denne byttes?' });
    const c2 = await api.addComment(plan.id, { text: 'Helgene ser jevne ut.' });
    expect(c1).toMatchObject({ employeeId: e.id, date: '2025-11-05', author: 'Avdelingsleder Test', resolvedAt: null });
    expect(c2.employeeId).toBeNull();
    const r = await api.resolveComment(c1.id, true);
    expect(r.resolvedBy).toBe('Avdelingsleder Test');
    await api.deleteComment(c2.id);
    expect((await api.listComments(plan.id)).map((c) => c.id)).toEqual([c1.id]);
    const bad = await tb.dispatch('addComment', [plan.id, { employeeId: '9999', text: 'x' }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/hører ikke til enheten/);
    const outside = await tb.dispatch('addComment', [plan.id, { date: '2026-01-01', text: 'x' }]);
    expect(outside.ok).toBe(false);
    const empty = await tb.dispatch('addComment', [plan.id, { text: '   ' }]);
    expect(empty.ok).toBe(false);
  });

  it('logs who changed which cell, including changes made by other sections', async () => {
    const { api, plan } = await seeded();
    const e = plan.file.employees[1];
    await api.setUserName('Kari Leder');
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2025-11-20', code: 'A' }]);
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2025-11-20', code: 'D' }]);
    await api.setCells(plan.id, [{ employeeId: e.id, date: '2025-11-20', code: null }]);
    await api.setPlanStatus(plan.id, { status: 'til_drofting', date: '2025-10-01', names: ['Tone'] });
    const log = await api.listChangeLog(plan.id, 4);
    expect(log.map((l) => [l.kind, l.userName, l.employeeName, l.date, l.before, l.after])).toEqual([
      ['status', 'Kari Leder', null, null, null, null],
      ['cell', 'Kari Leder', e.name, '2025-11-20', 'D', null],
      ['cell', 'Kari Leder', e.name, '2025-11-20', 'A', 'D'],
      ['cell', 'Kari Leder', e.name, '2025-11-20', null, 'A'],
    ]);
    expect(log[0].detail).toBe('Status: Utkast → Til drøfting (01.10.2025, Tone)');
    expect(await api.setUserName(null)).not.toBe('Kari Leder');
  });

  it('deleting a plan removes its review data', async () => {
    const { tb, api, plan } = await seeded();
    await api.createVersion(plan.id, 'v1');
    await api.addComment(plan.id, { text: 'x' });
    await api.deletePlan(plan.id);
    const db = tb.opened.db;
    for (const t of ['plan_versions', 'plan_comments', 'plan_changes', 'plan_status_events']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${t} WHERE plan_id = ?`).get(plan.id)).toEqual({ n: 0 });
    }
  });
});
