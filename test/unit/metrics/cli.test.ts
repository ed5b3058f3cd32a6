import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/turnus';
import type { CliIo } from '../../../cli/io';
import { FIXTURES } from '../../paths';
import { buildDist } from '../backend/build';

const ROOT = path.resolve(__dirname, '../../..');

function memoryIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [],
    err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => {
      out.push(t);
    },
    stderr: (t) => {
      err.push(t);
    },
    readFile: async (f) => readFileSync(f, 'utf8'),
    writeFile: async (f, d) => {
      writeFileSync(f, d);
    },
    cwd: ROOT,
  };
}

describe('turnus report / helgekalkulator in process', () => {
  it('report --json has the contract shape', async () => {
    const io = memoryIo();
    expect(await main(['report', `${FIXTURES}/christmas-report.turnus.json`, '--json'], io)).toBe(0);
    const r = JSON.parse(io.out.join(''));
    expect(Object.keys(r.employees[0])).toEqual(
      expect.arrayContaining(['id', 'plannedHours', 'targetHours', 'resultingPosition', 'weekendsWorked', 'longShifts']),
    );
    expect(Object.keys(r.unit)).toEqual(
      expect.arrayContaining(['heltidsandel', 'averagePosition', 'neededHours', 'uncoveredShifts', 'uncoveredHours']),
    );
    expect(r.unit.uncoveredHours).toBe(155);
  });
  it('report of an invalid file exits 2 and names the field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'turnus-report-'));
    const file = path.join(dir, 'feil.turnus.json');
    const plan = JSON.parse(readFileSync(`${FIXTURES}/christmas-report.turnus.json`, 'utf8'));
    plan.employees[1].position = 'førti';
    writeFileSync(file, JSON.stringify(plan));
    const io = memoryIo();
    expect(await main(['report', file], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/employees\[1\]\.position/);
  });
  it('helgekalkulator prints Norwegian text and exit 2 naming a bad flag', async () => {
    const io = memoryIo();
    expect(await main(['helgekalkulator', '--weekend-ratio', '1', '--shift-hours', '7,5', '--frequency', '3'], io)).toBe(0);
    expect(io.out.join('')).toContain('Største gjennomsnittlige stilling:  49,3 %');
    const bad = memoryIo();
    expect(await main(['helgekalkulator', '--weekend-ratio', '1', '--shift-hours', 'lang', '--frequency', '3'], bad)).toBe(2);
    expect(bad.err.join('')).toMatch(/^--shift-hours: «lang» er ikke et tall/);
    const missing = memoryIo();
    expect(await main(['helgekalkulator', '--weekend-ratio', '1', '--shift-hours', '7.5'], missing)).toBe(2);
    expect(missing.err.join('')).toMatch(/^--frequency: mangler/);
    const range = memoryIo();
    expect(
      await main(['helgekalkulator', '--weekend-ratio', '1', '--shift-hours', '7.5', '--frequency', '3', '--vacation-share', '1.2'], range),
    ).toBe(2);
    expect(range.err.join('')).toMatch(/^--vacation-share: ferieandelen/);
  });
});

describe('the built turnus command (npm run build:node, node bin/turnus.js)', () => {
  beforeAll(() => {
    buildDist();
    expect(existsSync(path.join(ROOT, 'dist/cli/commands/report.js'))).toBe(true);
  }, 180_000);

  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace('.expected.json', ''))
    .sort();
  it.each(fixtures)('report %s --json matches the expected numbers', (name) => {
    const r = spawnSync(process.execPath, ['bin/turnus.js', 'report', `${FIXTURES}/${name}.turnus.json`, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'Europe/Oslo' },
    });
    expect(r.status).toBe(0);
    const got = JSON.parse(r.stdout);
    const exp = JSON.parse(readFileSync(`${FIXTURES}/${name}.expected.json`, 'utf8'));
    for (const e of exp.employees) {
      const g = got.employees.find((x: { id: string }) => x.id === e.id);
      expect(Math.abs(g.plannedHours - e.plannedHours)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(g.targetHours - e.targetHours)).toBeLessThanOrEqual(0.01);
      expect(Math.abs(g.resultingPosition - e.resultingPosition)).toBeLessThanOrEqual(0.0005);
      expect(g.weekendsWorked).toBe(e.weekendsWorked);
      expect(g.longShifts).toBe(e.longShifts);
    }
    expect(got.unit.uncoveredShifts).toBe(exp.unit.uncoveredShifts);
    expect(Math.abs(got.unit.neededHours - exp.unit.neededHours)).toBeLessThanOrEqual(0.01);
    expect(Math.abs(got.unit.averagePosition.resulting - exp.unit.averagePosition.resulting)).toBeLessThanOrEqual(0.0005);
  });

  it('helgekalkulator --json gives 0.616 for 12.5 h every 4th weekend', () => {
    const r = spawnSync(
      process.execPath,
      ['bin/turnus.js', 'helgekalkulator', '--weekend-ratio', '1', '--shift-hours', '12.5', '--frequency', '4', '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).maxAveragePosition).toBeCloseTo(0.616, 3);
  });
});
