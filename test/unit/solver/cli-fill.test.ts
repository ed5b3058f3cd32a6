import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeIo, type CliIo } from '../../../cli/io';
import { main } from '../../../cli/turnus';
import { parsePlanFile } from '../../../shared/planfile/index';
import { checkPlan, isHardViolation } from '../../../shared/rules/engine';
import { generateUnit } from '../../../shared/solver/norwegian/generate';

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { ...nodeIo(), cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t), out, err };
}

/** A small unit with laid langvakter, an extra field the generator must keep, written to a temp dir. */
function planDir(): {
  dir: string;
  raw: Record<string, unknown> & { assignments: { employee: string; date: string; code: string; note?: string }[] };
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'fill-'));
  const plan = generateUnit({ employees: 10, weeks: 3, seed: 5, weekendFrequency: 4, longShiftWeekends: 1, weekendAnchor: '2026-01-10' });
  const raw = {
    ...plan,
    costs: { vikarPerHour: 450 },
    assignments: plan.assignments.map((a, i) => (i === 0 ? { ...a, note: 'avtalt med Kari' } : a)),
  };
  writeFileSync(path.join(dir, 'plan.turnus.json'), JSON.stringify(raw, null, 2));
  return { dir, raw };
}

const key = (a: { employee: string; date: string }) => `${a.employee}|${a.date}`;

describe('turnus fill', () => {
  it('fills the empty cells, keeps every input field and row, and prints the contract figures', { timeout: 60_000 }, async () => {
    const { dir, raw } = planDir();
    const io = captureIo(dir);
    const code = await main(['fill', 'plan.turnus.json', '--out', 'ut.turnus.json', '--seconds', '1', '--seed', '2', '--json'], io);
    expect(io.err.join('')).toBe('');
    expect(code).toBe(0);
    const res = JSON.parse(io.out.join(''));
    expect(res).toMatchObject({ written: 'ut.turnus.json', hardViolations: 0 });
    for (const k of ['changedCells', 'openShifts', 'seconds']) expect(typeof res[k]).toBe('number');
    const text = readFileSync(path.join(dir, 'ut.turnus.json'), 'utf8');
    const written = JSON.parse(text);
    expect(written.costs).toEqual({ vikarPerHour: 450 });
    expect(written.unit).toEqual(raw.unit);
    expect(written.employees).toEqual(raw.employees);
    const after = new Map(written.assignments.map((a: { employee: string; date: string }) => [key(a), a]));
    for (const a of raw.assignments) expect(after.get(key(a))).toEqual(a);
    expect(written.assignments.length - raw.assignments.length).toBe(res.changedCells);
    const parsed = parsePlanFile(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(checkPlan(parsed.plan).filter(isHardViolation)).toEqual([]);
  });

  it('repair changes only the cells of a breach; plain text names what it did', { timeout: 60_000 }, async () => {
    const { dir, raw } = planDir();
    // A late shift before an early one: a daily-rest breach on an otherwise untouched plan.
    const e = (raw.employees as { id: string }[])[0];
    raw.assignments = raw.assignments.filter((a) => a.employee !== e.id || !['2026-01-13', '2026-01-14'].includes(a.date));
    raw.assignments.push({ employee: e.id, date: '2026-01-13', code: 'A' }, { employee: e.id, date: '2026-01-14', code: 'D' });
    writeFileSync(path.join(dir, 'brudd.turnus.json'), JSON.stringify(raw));
    const io = captureIo(dir);
    const code = await main(['fill', 'brudd.turnus.json', '--out', 'rettet.turnus.json', '--mode', 'repair', '--seconds', '1'], io);
    expect(code).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/^Skrev rettet\.turnus\.json \(repair\): [12] celler endret, \d+ åpne vakter \(.* t\), 0 harde regelbrudd/);
    const written = JSON.parse(readFileSync(path.join(dir, 'rettet.turnus.json'), 'utf8'));
    const before = new Map(raw.assignments.map((a) => [key(a), a.code]));
    const changed =
      written.assignments.filter((a: { employee: string; date: string; code: string }) => before.get(key(a)) !== a.code).length +
      raw.assignments.filter((a) => !written.assignments.some((b: { employee: string; date: string }) => key(b) === key(a))).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(2);
  });

  it('replan changes nothing outside the range', { timeout: 60_000 }, async () => {
    const { dir, raw } = planDir();
    const io = captureIo(dir);
    expect(await main(['fill', 'plan.turnus.json', '--out', 'a.json', '--seconds', '1'], io)).toBe(0);
    const io2 = captureIo(dir);
    expect(
      await main(
        ['fill', 'a.json', '--out', 'b.json', '--mode', 'replan', '--from', '2026-01-12', '--to', '2026-01-16', '--seconds', '1', '--json'],
        io2,
      ),
    ).toBe(0);
    const a = JSON.parse(readFileSync(path.join(dir, 'a.json'), 'utf8'));
    const b = JSON.parse(readFileSync(path.join(dir, 'b.json'), 'utf8'));
    const outside = (x: { assignments: { date: string }[] }) =>
      x.assignments
        .filter((r) => r.date < '2026-01-12' || r.date > '2026-01-16')
        .map((r) => JSON.stringify(r))
        .sort();
    expect(outside(b)).toEqual(outside(a));
    expect(raw.assignments.length).toBeGreaterThan(0);
  });

  it('fill with --from/--to fills only those days', { timeout: 60_000 }, async () => {
    const { dir, raw } = planDir();
    const io = captureIo(dir);
    expect(
      await main(
        ['fill', 'plan.turnus.json', '--out', 'uke.json', '--from', '2026-01-12', '--to', '2026-01-18', '--seconds', '1', '--json'],
        io,
      ),
    ).toBe(0);
    const res = JSON.parse(io.out.join(''));
    const written = JSON.parse(readFileSync(path.join(dir, 'uke.json'), 'utf8'));
    const before = new Set(raw.assignments.map((a) => key(a)));
    const added = written.assignments.filter((a: { employee: string; date: string }) => !before.has(key(a)));
    expect(added.length).toBe(res.changedCells);
    expect(added.length).toBeGreaterThan(0);
    for (const a of added) expect(a.date >= '2026-01-12' && a.date <= '2026-01-18').toBe(true);
  });

  it('rejects bad input with a Norwegian message and exit code 2', async () => {
    const { dir } = planDir();
    const io = captureIo(dir);
    expect(await main(['fill', 'plan.turnus.json'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/Mangler --out UT/);
    expect(await main(['fill', 'plan.turnus.json', '--out', 'x.json', '--mode', 'alt'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/--mode må være fill, repair eller replan, fant «alt»/);
    expect(await main(['fill', 'plan.turnus.json', '--out', 'x.json', '--mode', 'replan'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/replan trenger både --from og --to/);
    expect(await main(['fill', 'plan.turnus.json', '--out', 'x.json', '--seconds', '-1'], io)).toBe(2);
    expect(await main(['fill', 'finnes-ikke.json', '--out', 'x.json'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/Fant ikke filen «finnes-ikke.json»/);
  });
});
