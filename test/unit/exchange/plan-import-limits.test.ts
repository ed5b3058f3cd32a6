/**
 * One set of limits (issue 19): a plan file `turnus check` accepts is imported, and one it
 * refuses is refused by the import too, with the same field in plan-file form
 * (`employees[2].name`) and the label the user sees («Navn»); nothing is half-written. The
 * issue's probes one by one, then random changes of a valid file (fast-check) on a real
 * SQLite file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/turnus';
import type { CliIo } from '../../../cli/io';
import type { RpcResult } from '../../../shared/api/rpc';
import type { PlanDetail } from '../../../shared/api/core';
import { cleanName } from '../../../shared/plan/limits';
import { openTestBackend, type TestBackend } from '../backend/helpers';

// biome-ignore lint/suspicious/noExplicitAny: a plan file under test is any JSON
type Json = any;

/** A small valid plan file: three employees, two weeks, a bemanningsplan, some cells. */
function basePlan(): Json {
  const days = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11'];
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: 'Solsiden', heltidThreshold: 0.8, weekendFrequency: 4, weekendAnchor: '2026-01-10' },
    period: { start: '2026-01-05', end: '2026-01-18' },
    rules: { holidayReduction: 'MONSAT_T_OVER_6', agreements: { dailyRestMinHours: 11, maxShiftHours: 12.5 }, maxConsecutiveDays: 6 },
    shiftTypes: [
      { code: 'D', start: '07:30', end: '15:00', name: 'Dag', color: '#cfe8ff' },
      { code: 'A', start: '15:00', end: '22:30', unpaidBreakMinutes: 30 },
      { code: 'L', start: '08:00', end: '20:30', long: true, countsToward: ['D'] },
    ],
    absenceCodes: [{ code: 'KURS', kind: 'training', creditedHours: 7.5 }],
    employees: [
      { id: 'e1', name: 'Kari Nordmann', competence: 'sykepleier', position: 0.75, wantedPosition: 1, employeeNumber: '1001' },
      { id: 'e2', name: 'Ola Hansen', competence: 'helsefagarbeider', position: 0.5, weeklyHours: 35.5, weekendGroup: 1 },
      { id: 'e3', name: 'Aisha Khan', competence: 'assistent', position: 1, consentsLongShifts: true },
    ],
    demand: [
      { dayType: 'weekday', shift: 'D', competence: 'any', count: 2 },
      { dayType: 'saturday', shift: 'L', competence: 'sykepleier', count: 1 },
      { date: '2026-01-07', shift: 'A', competence: 'any', count: 1 },
    ],
    assignments: days.flatMap((date, d) => [
      { employee: 'e1', date, code: d % 2 ? 'D' : 'A' },
      { employee: 'e2', date, code: d === 2 ? 'KURS' : 'D', ...(d === 0 ? { pinned: true } : {}) },
    ]),
    costs: { hourlyRate: 420, extra: { weekend: 1.5 } },
  };
}

interface CheckOutcome {
  code: number;
  errors: { field: string; message: string }[];
}

/** `turnus check FILE --json`, in this process (the file is handed over by the io). */
async function turnusCheck(text: string): Promise<CheckOutcome> {
  let out = '';
  const io: CliIo = {
    stdout: (t) => {
      out += t;
    },
    stderr: () => {},
    readFile: async () => text,
    writeFile: async () => {},
    cwd: '/',
  };
  const code = await main(['check', 'plan.turnus.json', '--json'], io);
  const json = out ? JSON.parse(out) : {};
  return { code, errors: json.errors ?? [] };
}

const TABLES = ['units', 'shift_types', 'employees', 'demand_rows', 'plans', 'assignments'];
function rowCounts(tb: TestBackend): number[] {
  return TABLES.map((t) => (tb.opened.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
}

/**
 * Runs the file through `turnus check` and the import and asserts they agree. Returns the
 * refused field (or null when both accepted). After an accepted import the unit is deleted
 * again, so every call starts from the same data.
 */
async function agree(tb: TestBackend, file: Json): Promise<string | null> {
  // JSON.stringify itself overflows on 20 000 levels: deep values are spliced in as text.
  const text = typeof file === 'string' ? file : JSON.stringify(file).replace(/"__DEEP_(\d+)__"/g, (_, n) => deepText(Number(n)));
  const check = await turnusCheck(text);
  const before = rowCounts(tb);
  const res: RpcResult = await tb.dispatch('commitPlanImport', [text]);
  if (!res.ok) expect(res.error.code, res.error.message).toBe('VALIDATION');
  if (check.code !== 2) {
    expect(res.ok ? null : res.error.message, 'turnus check accepted the file; the import must too').toBeNull();
    if (res.ok) {
      expectImportedAsWritten(JSON.parse(text), res.result as PlanDetail);
      // Gone for good (a deleted unit's name would stay taken), rows and all (ON DELETE CASCADE).
      tb.opened.db.prepare('DELETE FROM units WHERE id = ?').run((res.result as PlanDetail).unitId);
    }
    return null;
  }
  expect(res.ok, `turnus check refused ${check.errors[0]?.field}; the import must too`).toBe(false);
  if (res.ok) return null;
  const field = check.errors[0].field;
  expect(res.error.field, res.error.message).toBe(field);
  if (field !== '(fil)') {
    expect(res.error.message).toContain(`${field}: «`); // the field in plan-file form, then the label
    expect(res.error.message).not.toMatch(/Endringen ble avvist|uventet/);
  }
  expect(rowCounts(tb), 'a refused import wrote something').toEqual(before);
  return field;
}

/** What the file says is what the app stores (names as the API cleans them). */
function expectImportedAsWritten(src: Json, plan: PlanDetail): void {
  const f = plan.file;
  expect(f.unit.name).toBe(cleanName(src.unit.name));
  expect(f.period).toEqual({ start: src.period.start, end: src.period.end });
  expect(f.shiftTypes.map((s) => s.code)).toEqual(src.shiftTypes.map((s: Json) => s.code));
  const byName = (a: Json, b: Json) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  expect(f.employees.map((e) => [e.name, e.competence, e.position]).sort(byName), 'employees').toEqual(
    src.employees.map((e: Json) => [cleanName(e.name), cleanName(e.competence), e.position]).sort(byName),
  );
  expect(f.demand.map((d) => d.count)).toEqual(src.demand.map((d: Json) => d.count));
  const srcIdOf = new Map(src.employees.map((e: Json) => [cleanName(e.name), e.id]));
  const idOf = new Map(f.employees.map((e) => [e.id, srcIdOf.get(e.name)]));
  const cells = (list: Json[]) =>
    list
      .filter((a) => a.date >= src.period.start && a.date <= src.period.end)
      .map((a) => `${a.employee}|${a.date}|${a.code}|${a.pinned === true}`)
      .sort();
  expect(cells(f.assignments.map((a) => ({ ...a, employee: idOf.get(a.employee) })))).toEqual(cells(src.assignments));
}

function nested(depth: number): Json {
  let v: Json = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}
const deepText = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** The probes and a few more: [what, change, the field both must name (null = both accept)]. */
const PROBES: [string, (p: Json) => void, string | null][] = [
  ['the file as it is', () => {}, null],
  ['a 600-minute pause', (p) => (p.shiftTypes[1].unpaidBreakMinutes = 600), 'shiftTypes[1].unpaidBreakMinutes'],
  ['a 240-minute pause', (p) => (p.shiftTypes[1].unpaidBreakMinutes = 240), null],
  ['an 11-character code', (p) => p.shiftTypes.push({ code: 'ABCDEFGHIJK', start: '07:00', end: '12:00' }), 'shiftTypes[3].code'],
  ['a shift code with a space', (p) => p.shiftTypes.push({ code: 'D 2', start: '07:00', end: '12:00' }), 'shiftTypes[3].code'],
  ['an absence code with a space', (p) => p.absenceCodes.push({ code: 'FE 2', kind: 'vacation' }), 'absenceCodes[1].code'],
  ['an empty name', (p) => (p.employees[2].name = ''), 'employees[2].name'],
  ['a name of spaces', (p) => (p.employees[2].name = '   '), 'employees[2].name'],
  ['a NUL-only name', (p) => (p.employees[2].name = '\u0000'), 'employees[2].name'],
  ['a NUL-only competence in the bemanningsplan', (p) => (p.demand[2].competence = '\u0000'), 'demand[2].competence'],
  ['a NUL-only competence of an employee', (p) => (p.employees[1].competence = '\u0000'), 'employees[1].competence'],
  ['a 300-character name', (p) => (p.employees[2].name = 'x'.repeat(300)), 'employees[2].name'],
  ['a 200-character name', (p) => (p.employees[2].name = 'x'.repeat(200)), null],
  ['an empty unit name', (p) => (p.unit.name = ''), 'unit.name'],
  ['demand 500', (p) => (p.demand[0].count = 500), 'demand[0].count'],
  ['demand 200', (p) => (p.demand[0].count = 200), null],
  ['costs nested 20 000 deep', (p) => (p.costs = { deep: '__DEEP_20000__' }), 'costs'],
  ['costs nested 5 deep', (p) => (p.costs = { deep: nested(5) }), null],
  ['weekly hours 45 (the API allows 48)', (p) => (p.employees[1].weeklyHours = 45), null],
  ['weekly hours 50', (p) => (p.employees[1].weeklyHours = 50), 'employees[1].weeklyHours'],
  ['weekend group 20', (p) => (p.employees[1].weekendGroup = 20), 'employees[1].weekendGroup'],
  ['every 20th weekend', (p) => (p.unit.weekendFrequency = 20), 'unit.weekendFrequency'],
  ['an anchor on a Sunday', (p) => (p.unit.weekendAnchor = '2026-01-11'), 'unit.weekendAnchor'],
  ['20 days in a row', (p) => (p.rules.maxConsecutiveDays = 20), 'rules.maxConsecutiveDays'],
  ['daily rest 20 hours', (p) => (p.rules.agreements.dailyRestMinHours = 20), 'rules.agreements.dailyRestMinHours'],
  ['wanted position below the position', (p) => (p.employees[0].wantedPosition = 0.5), 'employees[0].wantedPosition'],
  ['a 70-character competence', (p) => (p.employees[0].competence = 'k'.repeat(70)), 'employees[0].competence'],
  ['a colour that is not CSS', (p) => (p.shiftTypes[0].color = 'rød; x'), 'shiftTypes[0].color'],
  ['a shift that starts when it ends', (p) => (p.shiftTypes[0].end = '07:30'), 'shiftTypes[0].end'],
  [
    'one ansattnr twice',
    (p) => {
      p.employees[1].employeeNumber = '1001';
    },
    'employees[1].employeeNumber',
  ],
  ['an ansattnr with a space', (p) => (p.employees[1].employeeNumber = '10 01'), 'employees[1].employeeNumber'],
  ['not JSON', () => {}, '(fil)'],
];

describe('one set of limits: turnus check and the plan import agree', () => {
  it('the issue probes: accepted by both, or refused by both naming the same field and its label', async () => {
    const tb = await openTestBackend(undefined, { backups: false });
    for (const [what, change, field] of PROBES) {
      const p = basePlan();
      change(p);
      const got = await agree(tb, what === 'not JSON' ? '{"format": "turnusplan",' : p);
      expect(got, what).toBe(field);
    }
    expect(await tb.api.listUnits()).toEqual([]);
  });

  it('the refusal reads as the user sees the field: «Navn» in row 3 of the staff list', async () => {
    const tb = await openTestBackend(undefined, { backups: false });
    const p = basePlan();
    p.employees[2].name = '';
    const res = await tb.dispatch('commitPlanImport', [JSON.stringify(p)]);
    expect(res).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'employees[2].name',
        message: 'Planfilen kan ikke importeres: employees[2].name: «Navn» (rad 3 i ansattlisten): kan ikke være tom.',
      },
    });
    const preview = await tb.api.previewPlanImport(JSON.stringify(p));
    expect(preview.errors).toEqual(['employees[2].name: «Navn» (rad 3 i ansattlisten): kan ikke være tom.']);
  });

  it('a 200-character unit name imported twice: the second unit is «… (importert 2)», cut to fit 200', async () => {
    const tb = await openTestBackend(undefined, { backups: false });
    const p = basePlan();
    p.unit.name = 'Å'.repeat(200);
    await tb.api.commitPlanImport(JSON.stringify(p));
    const second = await tb.api.commitPlanImport(JSON.stringify(p));
    const name = (await tb.api.getUnit(second.unitId)).name;
    expect(name).toBe(`${'Å'.repeat(200 - ' (importert 2)'.length)} (importert 2)`);
  });

  it('property: a valid file with one value changed is imported as written or refused by both with a field; never INTERNAL, never half-written', async () => {
    const tb = await openTestBackend(undefined, { backups: false });
    const paths = (v: Json, at: (string | number)[] = []): (string | number)[][] =>
      v !== null && typeof v === 'object'
        ? [at, ...Object.keys(v).flatMap((k) => paths(v[k], [...at, Array.isArray(v) ? Number(k) : k]))]
        : [at];
    const all = paths(basePlan()).filter((p) => p.length > 0);
    const value = fc.oneof(
      fc.constantFrom(
        '',
        ' ',
        'D',
        'A',
        'L',
        'KURS',
        'D 2',
        ' D',
        'ABCDEFGHIJK',
        '\u0000',
        'x'.repeat(300),
        'any',
        '2026-01-10',
        '2026-01-11',
        '07:30',
      ),
      fc.constantFrom('e1', 'e2', 'e3', '#fff', 'red', 'rød; x', '1001', 'MONFRI_T_OVER_5', 'weekday', 'sunday'),
      fc.string({ maxLength: 12 }),
      fc.integer({ min: -3, max: 1000 }),
      fc.constantFrom(0, 0.5, 1, 1.5, 8, 11, 12, 14, 16, 24, 35, 48, 52, 200, 201, 240, 241),
      fc.double({ min: -10, max: 100, noNaN: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined), // the field is removed
      fc.integer({ min: 1, max: 30 }).map(nested),
      fc.constant([]),
      fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: all.length - 1 }), value, async (i, v) => {
        const p = basePlan();
        const at = all[i];
        let parent = p;
        for (const k of at.slice(0, -1)) parent = parent[k];
        const last = at[at.length - 1];
        if (v === undefined && Array.isArray(parent)) parent.splice(Number(last), 1);
        else if (v === undefined) delete parent[last];
        else parent[last] = v;
        await agree(tb, p);
      }),
      { numRuns: Number(process.env.TURNUS_PROPERTY_RUNS ?? 150) },
    );
    expect(await tb.api.listUnits()).toEqual([]);
  }, 120_000);
});
