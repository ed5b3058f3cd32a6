import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { nodeIo, type CliIo } from '../../../cli/io';
import { run } from '../../../cli/commands/curtois';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';

function captureIo(cwd: string): CliIo & { out: string[]; err: string[] } {
  const base = nodeIo();
  const out: string[] = [];
  const err: string[] = [];
  return { ...base, cwd, stdout: (t) => out.push(t), stderr: (t) => err.push(t), out, err };
}

describe('turnus curtois', () => {
  it('solves Instance1 and prints the evaluator objective; --out writes the roster', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'curtois-'));
    const io = captureIo(dir);
    const code = await run(
      ['/work/shared/benchmarks/curtois/Instance1.txt', '--seconds', '1', '--seed', '3', '--out', 'r.json', '--json'],
      io,
    );
    expect(code).toBe(0);
    const res = JSON.parse(io.out.join(''));
    expect(res).toMatchObject({ instance: 'Instance1', hardViolations: 0, seed: 3 });
    expect(typeof res.seconds).toBe('number');
    expect(typeof res.firstFeasibleSeconds).toBe('number');
    const written = JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8'));
    expect(Object.keys(written.roster)).toHaveLength(8);
    expect(written.roster.A).toHaveLength(14);
    const inst = parseCurtois(readFileSync('/work/shared/benchmarks/curtois/Instance1.txt', 'utf8'));
    expect(evaluateCurtois(inst, written.roster).objective).toBe(res.objective);
    expect(res.objective).toBeGreaterThanOrEqual(607);
  });

  it('rejects bad input with a Norwegian message and exit code 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'curtois-'));
    const io = captureIo(dir);
    expect(await run(['nope.txt'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/Fant ikke filen «nope.txt»/);
    expect(await run(['/work/shared/benchmarks/curtois/Instance1.txt', '--seconds', 'x'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/--seconds må være et positivt tall/);
    expect(await run(['/work/shared/benchmarks/curtois/Instance1.ros'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/Instance1.ros» er ugyldig: Linje 1/);
    expect(await run(['/work/shared/benchmarks/curtois/Instance1.txt', '--threads', '0'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/--threads må være et helt antall tråder fra 1 til 64, fant «0»/);
  });
});
