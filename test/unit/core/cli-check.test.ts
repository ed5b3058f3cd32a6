// `turnus check` through the built command line (bin/turnus.js → dist/cli/turnus.js), as a
// user runs it, plus the human output in-process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/check';
import type { CliIo } from '../../../cli/io';
import { CONTRACT_RULE_IDS } from '../../../shared/rules/index';
import { FIXTURES, loadFixture, makePlan } from './helpers';
import { buildDist } from '../backend/build';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/turnus.js');

function turnus(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'Europe/Oslo' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  buildDist();
  if (!existsSync(path.join(ROOT, 'dist/cli/turnus.js'))) throw new Error('npm run build:node did not produce dist/cli/turnus.js');
}, 180_000);

const contract = new Set<string>(CONTRACT_RULE_IDS);

/** The `--json` output of `turnus check` for a readable plan. */
interface CheckJson {
  violations: { rule: string; employee: string; date: string; severity: string; message: string }[];
}
const sortT = (l: unknown[][]) => l.map((t) => JSON.stringify(t)).sort();

describe('turnus check (built CLI)', () => {
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.replace('.expected.json', ''))
    .sort();
  for (const name of fixtures) {
    it(`${name}: exactly the expected contract violations, exit 1 when one is an error`, () => {
      const r = turnus('check', path.join(FIXTURES, `${name}.turnus.json`), '--json');
      const errors = (JSON.parse(r.stdout || '{"violations":[]}') as CheckJson).violations.some((v) => v.severity === 'error');
      if (r.code !== (errors ? 1 : 0)) throw new Error(`exit ${r.code}; stderr: ${r.stderr}`);
      const out = JSON.parse(r.stdout) as CheckJson;
      const got = out.violations.filter((v) => contract.has(v.rule)).map((v) => [v.rule, v.employee, v.date]);
      expect(sortT(got)).toEqual(sortT(loadFixture(name).expected.violations));
      for (const v of out.violations)
        expect(Object.keys(v)).toEqual(expect.arrayContaining(['rule', 'employee', 'date', 'severity', 'message']));
    });
  }

  it('exit 0 for a plan with warnings only, 2 for an invalid file naming the field', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'turnus-check-'));
    const ok = path.join(dir, 'ok.turnus.json');
    writeFileSync(
      ok,
      JSON.stringify(
        makePlan({ period: { start: '2026-01-05', end: '2026-01-11' }, assignments: [{ employee: 'e1', date: '2026-01-10', code: 'L' }] }),
      ),
    );
    const r0 = turnus('check', ok, '--json');
    expect(r0.code).toBe(0);
    // A 12,5 h langvakt without consent, under the default 12,5 h limit that no agreement on file backs.
    expect((JSON.parse(r0.stdout) as CheckJson).violations.map((v) => [v.rule, v.severity])).toEqual([
      ['AGREEMENT-ON-FILE', 'warning'],
      ['LONG-SHIFT-CONSENT', 'warning'],
    ]);

    const p = loadFixture('rules-november').plan;
    p.employees[2].position = 1.5;
    const badFile = path.join(dir, 'bad.turnus.json');
    writeFileSync(badFile, JSON.stringify(p));
    const r2 = turnus('check', badFile);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('employees[2].position: må være et tall mellom 0 og 1');
    const r2j = turnus('check', badFile, '--json');
    expect(r2j.code).toBe(2);
    expect(JSON.parse(r2j.stdout).errors).toEqual([{ field: 'employees[2].position', message: 'må være et tall mellom 0 og 1' }]);

    const missing = turnus('check', path.join(dir, 'finnes-ikke.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Fant ikke filen');
  });

  it('checks the timed meetings and courses (activities) as the app does: a malformed one is refused, exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'turnus-check-'));
    const write = (name: string, activities: unknown) => {
      const file = path.join(dir, name);
      writeFileSync(file, JSON.stringify({ ...makePlan({ period: { start: '2026-01-05', end: '2026-01-11' } }), activities }));
      return file;
    };
    const good = write('ok.turnus.json', [{ code: 'MØTE', date: '2026-01-07', start: '13:00', end: '15:00', employees: 'all' }]);
    expect(turnus('check', good).code).toBe(0);
    const bad = write('bad.turnus.json', [
      { code: 'MØTE', date: '2026-01-07', start: '13:00', end: '15:00', employees: 'all' },
      { code: 'KURS', date: '2026-13-01', start: '9:00', end: '15:00', employees: ['e1', 'x9'] },
    ]);
    const r = turnus('check', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('activities[1].date: datoen «2026-13-01» er ikke gyldig (åååå-mm-dd)');
    expect(r.stderr).toContain('activities[1].start: starttid «9:00» er ikke et klokkeslett (tt:mm)');
    expect(r.stderr).toContain('activities[1].employees: ukjente deltakere (x9)');
    const j = turnus('check', bad, '--json');
    expect(j.code).toBe(2);
    expect(JSON.parse(j.stdout).errors).toContainEqual({ field: 'activities[1].employees', message: 'ukjente deltakere (x9)' });
    const notList = turnus('check', write('list.turnus.json', { code: 'MØTE' }));
    expect(notList.code).toBe(2);
    expect(notList.stderr).toContain('activities: må være en liste med møter og kurs');
  });

  it('help and usage errors in Norwegian', () => {
    const h = turnus('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Kommandoer:');
    expect(h.stdout).toContain('check');
    expect(turnus('check', '--help').stdout).toContain('Bruk: turnus check FIL');
    expect(turnus().code).toBe(2);
    const u = turnus('finnes-ikke');
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('Ukjent kommando «finnes-ikke»');
    expect(turnus('check').stderr).toContain('Mangler planfil');
  });
});

describe('human output', () => {
  it('is grouped by employee and names the rule, date and paragraph', async () => {
    const out: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
      readFile: async () => loadFixture('rules-november').text,
      writeFile: async () => {},
      cwd: ROOT,
    };
    expect(await run(['plan.json'], io)).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('Kari (k1): 1 feil');
    expect(text).toContain('Knut (k2): 1 feil, 4 advarsler');
    expect(text).toContain('Kari har bare 9 t hvile før vakten tir. 04.11.2025 (krav: 11 t, aml § 10-8 (1)).');
    expect(text.indexOf('Kari (k1)')).toBeLessThan(text.indexOf('Knut (k2)'));
    expect(text).toContain('Sammendrag: 4 feil, 6 advarsler, 0 merknader.');
  });
});
