import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { solveCurtois } from '../../../shared/solver/curtois/model';

const tiny = parseCurtois(`SECTION_HORIZON
7
SECTION_SHIFTS
D,480,
N,600,D
SECTION_STAFF
A,D=5|N=2,2400,960,3,2,2,1
B,D=7|N=0,2400,0,5,1,1,1
SECTION_DAYS_OFF
A,6
SECTION_SHIFT_ON_REQUESTS
A,0,D,2
SECTION_SHIFT_OFF_REQUESTS
B,1,D,3
SECTION_COVER
0,D,1,100,1
1,D,2,100,1
2,D,1,100,1
3,D,1,100,1
4,D,1,100,1
5,D,1,100,1
6,D,1,100,1
1,N,0,100,5
`);

describe('Curtois evaluator (hand-checked rosters)', () => {
  it('counts rotation, total minutes and fixed days off, and the objective parts', () => {
    const ev = evaluateCurtois(tiny, {
      A: ['D', 'N', 'D', '', '', 'D', 'D'],
      B: ['', 'D', '', 'D', 'D', 'D', 'D'],
    });
    expect(ev.byKind).toEqual({ SHIFT_ROTATION: 1, MAX_TOTAL_MINUTES: 1, DAY_OFF: 1 });
    expect(ev.hardViolations).toBe(3);
    expect(ev.violations.find((v) => v.kind === 'SHIFT_ROTATION')).toMatchObject({ employee: 'A', day: 2 });
    // A's on-request is met (0); B's off-request is violated (3); day 1 misses one D (100);
    // days 5 and 6 have one D too many (1 + 1); day 1 has an N with requirement 0 (5).
    expect(ev.breakdown).toEqual({ shiftOn: 0, shiftOff: 3, coverUnder: 100, coverOver: 7 });
    expect(ev.objective).toBe(110);
  });

  it('does not penalise minimum runs that touch the first or last day', () => {
    const ev = evaluateCurtois(tiny, {
      A: ['D', '', 'D', 'D', '', '', ''],
      B: ['D', 'D', 'D', 'D', 'D', 'D', ''],
    });
    // A: work run on day 0 touches the start (no MIN_CONSECUTIVE_SHIFTS); the 1-day rest on day 1
    // is inner (MIN_CONSECUTIVE_DAYS_OFF). B: 6 days in a row (max 5) and 2880 minutes (max 2400).
    expect(ev.byKind).toEqual({ MIN_CONSECUTIVE_DAYS_OFF: 1, MAX_CONSECUTIVE_SHIFTS: 1, MAX_TOTAL_MINUTES: 1 });
    expect(ev.breakdown.shiftOn).toBe(0);
    expect(ev.breakdown.shiftOff).toBe(3);
  });

  it('flags a short inner work run, too few minutes, too many weekends and unknown shifts', () => {
    const ev = evaluateCurtois(tiny, {
      A: ['', 'D', '', '', '', 'X', ''],
      B: ['', '', '', '', 'D', 'D', 'D'],
    });
    expect(ev.byKind).toEqual({ UNKNOWN_SHIFT: 1, MIN_CONSECUTIVE_SHIFTS: 1, MIN_TOTAL_MINUTES: 1 });
    const ev2 = evaluateCurtois(
      { ...tiny, horizon: 14, cover: [] },
      { A: ['', '', '', '', '', 'D', 'D', '', '', '', '', '', 'D', 'D'], B: Array(14).fill('') },
    );
    // Two weekends (max 1), and day 6 is A's fixed day off.
    expect(ev2.byKind).toEqual({ MAX_WEEKENDS: 1, DAY_OFF: 1 });
    expect(evaluateCurtois(tiny, { A: ['D'], B: Array(7).fill('') }).byKind.ROSTER_SHAPE).toBe(1);
  });

  it('agrees with the best-known lower bound and its own breakdown on solved instances', () => {
    const best = Object.fromEntries(
      readFileSync('/work/shared/benchmarks/curtois/best_known.csv', 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .map((f) => [f[0], Number(f[4])]),
    );
    for (const n of [1, 2]) {
      const inst = parseCurtois(readFileSync(`/work/shared/benchmarks/curtois/Instance${n}.txt`, 'utf8'));
      const res = solveCurtois(inst, { seed: 3, maxMoves: 300_000 });
      const ev = evaluateCurtois(inst, res.roster);
      const b = ev.breakdown;
      expect(ev.objective).toBe(b.shiftOn + b.shiftOff + b.coverUnder + b.coverOver);
      if (ev.hardViolations === 0) expect(ev.objective).toBeGreaterThanOrEqual(best[`Instance${n}`]);
      // The solver's own incremental score must agree with the independent evaluator.
      expect(res.bestSoft).toBe(ev.objective);
    }
  });
});
