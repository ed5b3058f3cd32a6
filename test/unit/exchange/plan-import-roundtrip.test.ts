/**
 * Nothing lost (issue 19): a leader who imports a plan file and exports the plan again gets the
 * same plan. Every fixture plan file of the handbook and of the repository, then random valid
 * plan files (fast-check), go through the import and the plan-file export on a real SQLite
 * file; the two files are equal once ids, order and defaults are normalised (plan-roundtrip.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanImportPreview } from '../../../shared/api/exchange';
import { AGREEMENT_KEYS, type TurnusPlan } from '../../../shared/plan/model';
import { FIXTURES, HANDBOOK } from '../../paths';
import { openTestBackend } from '../backend/helpers';
import { addDays } from '../../../shared/calendar';
import { arbWithActivities } from '../core/arbitraries';
import { expectRoundTrip, importAndExport } from './plan-roundtrip';

const fixtureFiles = [path.join(HANDBOOK, 'fixtures'), FIXTURES].flatMap((dir) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.turnus.json'))
        .map((f) => path.join(dir, f))
    : [],
);

/** The extensions the fixtures may lack: agreements on file, delt vakt, averaging, activities, pins. */
function withEverything(plan: TurnusPlan): TurnusPlan {
  const [e1, e2] = plan.employees;
  const start = plan.period.start;
  return {
    ...plan,
    unit: { ...plan.unit, weekendFrequency: plan.unit.weekendFrequency ?? 4 },
    rules: {
      ...plan.rules,
      agreements: { ...plan.rules?.agreements, dailyRestMinHours: 9 },
      splitShiftMaxBreakHours: 3,
      averagingWeeks: 8,
      agreementRecords: [
        { key: 'dailyRestMinHours', signedDate: '2025-11-01', parties: 'Fagforbundet og NSF', validUntil: '2027-12-31' },
        { key: 'splitShiftMaxBreakHours', signedDate: '2025-10-15', parties: 'Fagforbundet' },
      ],
    },
    employees: plan.employees.map((e, i) => ({
      ...e,
      employeeNumber: `A-${100 + i}`,
      wantedPosition: 1,
      consentsLongShifts: true,
      longShiftConsentDate: '2025-09-01',
      nightExempt: i === 0,
      age60plus: i === 1,
      wantsHovedferie: true,
      weekendGroup: i % 4,
    })),
    assignments: plan.assignments.map((a, i) => (i % 5 === 0 ? { ...a, pinned: true } : a)),
    activities: [
      { code: 'MØTE', date: start, start: '13:00', end: '14:30', employees: 'all' },
      { code: 'KURS', date: start, start: '08:00', end: '15:30', employees: e2 ? [e1.id, e2.id] : [e1.id] },
    ],
  };
}

const PARTIES = ['Fagforbundet', 'NSF ved hovedtillitsvalgt', 'Delta og Fagforbundet'];

/** arbWithActivities with the rest of the format at random: agreements on file, averaging, staff details, absence codes, demand, pins, costs. */
const arbFullPlan = arbWithActivities.chain((plan) =>
  fc
    .record({
      records: fc.array(
        fc.record({
          key: fc.constantFrom(...AGREEMENT_KEYS),
          day: fc.integer({ min: 0, max: 700 }),
          parties: fc.constantFrom(...PARTIES),
          until: fc.boolean(),
        }),
        { maxLength: 4 },
      ),
      averagingWeeks: fc.option(fc.integer({ min: 1, max: 52 }), { nil: undefined }),
      holidayReduction: fc.option(fc.constantFrom('MONSAT_T_OVER_6' as const, 'MONFRI_T_OVER_5' as const, 'NONE' as const), {
        nil: undefined,
      }),
      heltid: fc.option(fc.constantFrom(0.75, 0.8, 1), { nil: undefined }),
      staff: fc.array(
        fc.record({
          number: fc.boolean(),
          wanted: fc.boolean(),
          weekly: fc.option(fc.constantFrom(33.6, 35.5, 37.5), { nil: undefined }),
          consentDate: fc.boolean(),
          age60: fc.boolean(),
          competence: fc.constantFrom('sykepleier', 'helsefagarbeider', 'assistent'),
        }),
        { minLength: 3, maxLength: 3 },
      ),
      credited: fc.option(fc.constantFrom(2, 7.5), { nil: undefined }),
      demand: fc.array(
        fc.record({
          dayType: fc.constantFrom('weekday' as const, 'saturday' as const, 'sunday' as const, 'holiday' as const),
          shift: fc.constantFrom('D', 'A', 'N', 'L'),
          competence: fc.constantFrom('any', 'sykepleier'),
          count: fc.integer({ min: 0, max: 5 }),
        }),
        { maxLength: 6 },
      ),
      pinEvery: fc.integer({ min: 0, max: 4 }),
      costs: fc.option(fc.record({ hourlyRate: fc.integer({ min: 300, max: 600 }), weekendFactor: fc.constantFrom(1.25, 1.5) }), {
        nil: undefined,
      }),
    })
    .map(
      (r): TurnusPlan => ({
        ...plan,
        unit: { ...plan.unit, ...(r.heltid !== undefined ? { heltidThreshold: r.heltid } : {}) },
        rules: {
          ...plan.rules,
          ...(r.holidayReduction ? { holidayReduction: r.holidayReduction } : {}),
          ...(r.averagingWeeks !== undefined ? { averagingWeeks: r.averagingWeeks } : {}),
          ...(r.records.length > 0
            ? {
                agreementRecords: r.records.map((a) => ({
                  key: a.key,
                  signedDate: addDays('2024-01-01', a.day),
                  parties: a.parties,
                  ...(a.until ? { validUntil: addDays('2026-01-01', a.day) } : {}),
                })),
              }
            : {}),
        },
        absenceCodes:
          r.credited !== undefined ? [{ code: 'MØTE', kind: 'meeting', creditedHours: r.credited, name: 'Personalmøte' }] : undefined,
        employees: plan.employees.map((e, i) => {
          const x = r.staff[i];
          return {
            ...e,
            competence: x.competence,
            ...(x.number ? { employeeNumber: `${1000 + i}` } : {}),
            ...(x.wanted ? { wantedPosition: 1 } : {}),
            ...(x.weekly !== undefined ? { weeklyHours: x.weekly } : {}),
            ...(x.consentDate && e.consentsLongShifts ? { longShiftConsentDate: '2025-06-01' } : {}),
            ...(x.age60 ? { age60plus: true } : {}),
          };
        }),
        demand: r.demand,
        assignments: plan.assignments.map((a, i) =>
          r.pinEvery > 0 && i % r.pinEvery === 0 && a.date >= plan.period.start && a.date <= plan.period.end ? { ...a, pinned: true } : a,
        ),
        ...(r.costs ? { costs: r.costs } : {}),
      }),
    ),
);

describe('plan import → export as plan file: the same plan (issue 19)', () => {
  it('finds the fixtures', () => {
    expect(fixtureFiles.length).toBeGreaterThanOrEqual(11);
  });

  for (const file of fixtureFiles) {
    it(`${path.basename(path.dirname(file))}/${path.basename(file)} as it is`, async () => {
      const tb = await openTestBackend();
      await expectRoundTrip(tb, fs.readFileSync(file, 'utf8'), file);
    });
  }

  it('every fixture with agreements on file, delt vakt, averaging weeks, staff details, pins and activities', async () => {
    const tb = await openTestBackend();
    for (const file of fixtureFiles) {
      const plan = JSON.parse(fs.readFileSync(file, 'utf8')) as TurnusPlan;
      await expectRoundTrip(tb, JSON.stringify(withEverything(plan)), file);
    }
  });

  it('the exported plan imports again to the same plan (a second round trip changes nothing)', async () => {
    const tb = await openTestBackend();
    const file = fixtureFiles[0];
    const { exported } = await importAndExport(tb, JSON.stringify(withEverything(JSON.parse(fs.readFileSync(file, 'utf8')))));
    const second = await importAndExport(tb, JSON.stringify(exported));
    const { unit: _u1, ...a } = exported;
    const { unit: _u2, ...b } = second.exported;
    expect(b.employees.map(({ id: _id, ...e }) => e)).toEqual(a.employees.map(({ id: _id, ...e }) => e));
    expect(b.rules).toEqual(a.rules);
    expect(b.shiftTypes).toEqual(a.shiftTypes);
    expect(b.absenceCodes).toEqual(a.absenceCodes);
    expect(b.demand).toEqual(a.demand);
  });

  it('the preview counts what will be imported and names what will not be kept', async () => {
    const tb = await openTestBackend();
    const plan = withEverything(JSON.parse(fs.readFileSync(fixtureFiles[0], 'utf8')) as TurnusPlan);
    const before = { employee: plan.employees[0].id, date: '2000-01-03', code: plan.shiftTypes[0].code };
    const text = JSON.stringify({
      ...plan,
      employees: plan.employees.map((e, i) => (i === 0 ? { ...e, weeklyHoursFromPlan: true } : e)),
      assignments: [...plan.assignments, before],
      vikarbyraa: { navn: 'X' },
    });
    const res = await tb.dispatch('previewPlanImport', [text]);
    expect(res.ok).toBe(true);
    const p = (res as { result: PlanImportPreview }).result;
    expect(p.ok).toBe(true);
    expect(p.agreementRecords).toBe(2);
    expect(p.activities).toBe(2);
    expect(p.pinned).toBe(plan.assignments.filter((a) => a.pinned).length);
    expect(p.warnings.join('\n')).toMatch(/1 celle ligger utenfor perioden/);
    expect(p.warnings.join('\n')).toMatch(/Ukenorm fra planen.*1 ansatt/);
    expect(p.warnings.join('\n')).toMatch(/vikarbyraa/);
  });

  it('an activity the API would refuse is refused with its field named, and nothing is written', async () => {
    const tb = await openTestBackend();
    const plan = withEverything(JSON.parse(fs.readFileSync(fixtureFiles[0], 'utf8')) as TurnusPlan);
    const bad = (activities: unknown) => JSON.stringify({ ...plan, activities });
    const cases: [unknown, string][] = [
      [[{ code: 'D', date: plan.period.start, start: '08:00', end: '09:00', employees: 'all' }], 'activities[0].code'],
      [[{ code: 'MØTE', date: '1999-01-01', start: '08:00', end: '09:00', employees: 'all' }], 'activities[0].date'],
      [[{ code: 'MØTE', date: plan.period.start, start: '08:00', end: '08:00', employees: 'all' }], 'activities[0].end'],
      [[{ code: 'MØTE', date: plan.period.start, start: '08:00', end: '09:00', employees: ['nobody'] }], 'activities[0].employees'],
    ];
    const units = () => (tb.opened.db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
    const n = units();
    for (const [activities, field] of cases) {
      const res = await tb.dispatch('commitPlanImport', [bad(activities)]);
      expect(res.ok, field).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('VALIDATION');
        expect(res.error.field).toBe(field);
        expect(res.error.message).toContain(`${field}: «`);
      }
      expect(units()).toBe(n);
    }
  });

  it('property: random valid plan files round-trip', async () => {
    const tb = await openTestBackend();
    await fc.assert(
      fc.asyncProperty(arbFullPlan, async (plan) => {
        await expectRoundTrip(tb, JSON.stringify(plan), 'random plan');
      }),
      { numRuns: 40 },
    );
  });
});
