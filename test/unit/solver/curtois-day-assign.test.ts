/**
 * The day re-assignment move of the Curtois solver (issue 20): on one day it re-assigns the shift
 * types among the employees working that day by an exact min-cost assignment. It keeps who works,
 * keeps the incremental score exact, never breaks a hard rule that held, and finds the best
 * assignment (checked against brute force on small random days).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../shared/solver/anneal/rng';
import { aimWindow } from '../../../shared/solver/curtois/aim';
import { reassignDay } from '../../../shared/solver/curtois/day-assign';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { CurtoisState, solveCurtois } from '../../../shared/solver/curtois/model';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import type { CurtoisInstance } from '../../../shared/solver/curtois/types';
import { CURTOIS_DIR } from '../../paths';
import { expectExactMoveAndUndo } from './curtois-move-check';

const load = (n: number) => parseCurtois(readFileSync(`${CURTOIS_DIR}/Instance${n}.txt`, 'utf8'));

const staff = (id: string, maxShifts: Record<string, number> = {}, minM = 0, maxM = 100_000) => ({
  id,
  maxShifts,
  maxTotalMinutes: maxM,
  minTotalMinutes: minM,
  maxConsecutiveShifts: 9,
  minConsecutiveShifts: 1,
  minConsecutiveDaysOff: 1,
  maxWeekends: 9,
});

/** Set the roster (values per employee and day, -1 off) and rescore. */
function setRoster(st: CurtoisState, rows: number[][]): void {
  rows.forEach((row, e) => {
    row.forEach((v, d) => {
      st.a[e * st.D + d] = v;
    });
  });
  st.recompute();
}

describe('day re-assignment', () => {
  it('finds the best assignment of a small hand-made day', () => {
    // Three types: A and B need one each, C none (over-cover of B costs 5, of A and C 1); P prefers
    // not A, Q wants B; R may not take B.
    const inst: CurtoisInstance = {
      horizon: 1,
      shifts: [
        { id: 'A', minutes: 480, forbiddenNext: [] },
        { id: 'B', minutes: 480, forbiddenNext: [] },
        { id: 'C', minutes: 480, forbiddenNext: [] },
      ],
      staff: [staff('P'), staff('Q'), staff('R', { B: 0 })],
      daysOff: {},
      shiftOnRequests: [{ employee: 'Q', day: 0, shift: 'B', weight: 3 }],
      shiftOffRequests: [{ employee: 'P', day: 0, shift: 'A', weight: 2 }],
      cover: [
        { day: 0, shift: 'A', requirement: 1, weightUnder: 100, weightOver: 1 },
        { day: 0, shift: 'B', requirement: 1, weightUnder: 100, weightOver: 5 },
        { day: 0, shift: 'C', requirement: 0, weightUnder: 100, weightOver: 1 },
      ],
    };
    const st = new CurtoisState(inst);
    setRoster(st, [[0], [0], [0]]); // everyone on A: B short (100), A over by 2, P's request (2), Q's (3)
    expect(st.soft).toBe(100 + 2 + 2 + 3);
    st.begin();
    expect(reassignDay(st, 0)).toBe(true);
    // Best: R on A (B not allowed), Q on B, P on C (over by one there): cost 1.
    expect([...st.a]).toEqual([2, 1, 0]);
    expect(st.soft).toBe(1);
    expect(st.hard).toBe(0);
    st.begin();
    expect(reassignDay(st, 0)).toBe(false);
  });

  it('keeps the row minutes: a type of another length only where the row has room', () => {
    const inst: CurtoisInstance = {
      horizon: 1,
      shifts: [
        { id: 'S', minutes: 480, forbiddenNext: [] },
        { id: 'L', minutes: 720, forbiddenNext: [] },
      ],
      staff: [staff('P', {}, 480, 480), staff('Q', {}, 0, 720)],
      daysOff: {},
      shiftOnRequests: [],
      shiftOffRequests: [],
      cover: [
        { day: 0, shift: 'S', requirement: 1, weightUnder: 10, weightOver: 10 },
        { day: 0, shift: 'L', requirement: 1, weightUnder: 10, weightOver: 10 },
      ],
    };
    const st = new CurtoisState(inst);
    setRoster(st, [[0], [0]]);
    st.begin();
    reassignDay(st, 0);
    expect([...st.a]).toEqual([0, 1]);
    expect([st.hard, st.soft]).toEqual([0, 0]);
  });

  it('is the brute-force optimum on random small days, exact and never breaking a rule that held', () => {
    const arb = fc.record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      E: fc.integer({ min: 2, max: 5 }),
      S: fc.integer({ min: 2, max: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ seed, E, S }) => {
        const rng = createRng(seed);
        const ids = Array.from({ length: S }, (_, s) => `T${s}`);
        const inst: CurtoisInstance = {
          horizon: 3,
          shifts: ids.map((id) => ({
            id,
            minutes: rng.next() < 0.5 ? 480 : 600,
            forbiddenNext: ids.filter(() => rng.next() < 0.25),
          })),
          staff: Array.from({ length: E }, (_, e) => {
            const max: Record<string, number> = {};
            for (const id of ids) if (rng.next() < 0.3) max[id] = rng.int(3);
            return staff(`E${e}`, max, rng.int(3) * 480, 1200 + rng.int(3) * 120);
          }),
          daysOff: {},
          shiftOnRequests: Array.from({ length: rng.int(4) }, () => ({
            employee: `E${rng.int(E)}`,
            day: 1,
            shift: ids[rng.int(S)],
            weight: 1 + rng.int(5),
          })),
          shiftOffRequests: Array.from({ length: rng.int(4) }, () => ({
            employee: `E${rng.int(E)}`,
            day: rng.int(3),
            shift: ids[rng.int(S)],
            weight: 1 + rng.int(5),
          })),
          cover: [0, 1, 2].flatMap((day) =>
            ids.map((shift) => ({ day, shift, requirement: rng.int(3), weightUnder: 1 + rng.int(20), weightOver: rng.int(10) })),
          ),
        };
        const st = new CurtoisState(inst);
        setRoster(
          st,
          Array.from({ length: E }, () => [0, 1, 2].map(() => (rng.next() < 0.25 ? -1 : rng.int(S)))),
        );
        const before = st.a.slice();
        const [h0, s0] = [st.hard, st.soft];
        // Brute force over the types of the day's workers, each kept to what the move allows:
        // its own type, or one that adds no hard violation to its row.
        const workers = [...Array(E).keys()].filter((e) => before[e * 3 + 1] >= 0);
        const rowHard = (e: number) => {
          const v = st.a[e * 3 + 1];
          const row = [0, 1, 2].map((d) => st.a[e * 3 + d]);
          const forb = (x: number, y: number) => x >= 0 && y >= 0 && inst.shifts[x].forbiddenNext.includes(ids[y]);
          const n = row.filter((x) => x === v).length;
          const max = inst.staff[e].maxShifts[ids[v]];
          const minutes = row.reduce((t, x) => t + (x >= 0 ? inst.shifts[x].minutes : 0), 0);
          const st0 = inst.staff[e];
          const minPen = Math.max(0, minutes - st0.maxTotalMinutes) + Math.max(0, st0.minTotalMinutes - minutes);
          return { ok: !forb(row[0], v) && !forb(v, row[2]) && (max === undefined || n <= max), minPen };
        };
        const base = workers.map((e) => rowHard(e).minPen);
        let best = Number.POSITIVE_INFINITY;
        const rec = (k: number) => {
          if (k === workers.length) {
            st.recompute();
            best = Math.min(best, st.soft);
            return;
          }
          const e = workers[k];
          for (let t = 0; t < S; t++) {
            st.a[e * 3 + 1] = t;
            const r = rowHard(e);
            if (t === before[e * 3 + 1] || (r.ok && r.minPen <= base[k])) rec(k + 1);
          }
          st.a[e * 3 + 1] = before[e * 3 + 1];
        };
        rec(0);
        st.a.set(before);
        st.recompute();
        st.begin();
        reassignDay(st, 1);
        const [h1, s1] = [st.hard, st.soft];
        expect(s1).toBe(workers.length < 2 ? s0 : best);
        expect(h1).toBeLessThanOrEqual(h0);
        for (let i = 0; i < st.a.length; i++) {
          expect(st.a[i] >= 0).toBe(before[i] >= 0);
          if (i % 3 !== 1) expect(st.a[i]).toBe(before[i]);
        }
        expectExactMoveAndUndo(st, h0, s0, before);
      }),
      { numRuns: 300 },
    );
  });

  it('on a long horizon with 32 shift types it keeps who works, the score exact and fixed days off', () => {
    const inst = load(24);
    const st = new CurtoisState(inst);
    const rng = createRng(5);
    st.construct(rng);
    for (let k = 0; k < 5_000; k++) st.move(rng);
    for (let k = 0; k < 8; k++) {
      const d = rng.int(st.D);
      const before = st.a.slice();
      const [h0, s0] = [st.hard, st.soft];
      st.begin();
      reassignDay(st, d);
      expect(st.soft).toBeLessThanOrEqual(s0);
      expect(st.hard).toBeLessThanOrEqual(h0);
      let wrong = 0;
      for (let i = 0; i < st.a.length; i++) {
        if (i % st.D !== d || st.frozen[i] ? st.a[i] !== before[i] : st.a[i] >= 0 !== before[i] >= 0) wrong++;
      }
      expect(wrong).toBe(0);
      const [h1, s1] = [st.hard, st.soft];
      st.recompute();
      expect([st.hard, st.soft]).toEqual([h1, s1]);
    }
  });

  it('the solver with day moves returns the roster it scores, as the evaluator scores it', () => {
    const inst = load(13);
    const res = solveCurtois(inst, { seed: 2, maxMoves: 150_000, tuning: { dayRate: 0.01 } });
    const ev = evaluateCurtois(inst, res.roster);
    expect(ev.hardViolations === 0).toBe(res.bestHard === 0);
    if (res.bestHard === 0) expect(res.bestSoft).toBe(ev.objective);
  });
});

describe('aimed window', () => {
  it('covers a day with open cover and starts with an employee off that day who may take the missing type', () => {
    const inst = load(23);
    const st = new CurtoisState(inst);
    st.construct(createRng(4));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 7, max: 14 }), fc.integer({ min: 1, max: 3 }), (seed, len, k) => {
        const aimed = aimWindow(st, createRng(seed), len, k);
        if (!aimed) return;
        const { L, day, type, group } = aimed;
        expect(day).toBeGreaterThanOrEqual(L);
        expect(day).toBeLessThan(L + len);
        expect(L + len).toBeLessThanOrEqual(st.D);
        expect(st.cnt[day * st.S + type]).toBeLessThan(st.req[day * st.S + type]);
        const e = group[0];
        expect(st.a[e * st.D + day]).toBe(-1);
        expect(st.canTake(e, day, type)).toBe(true);
        expect(new Set(group).size).toBe(k);
      }),
      { numRuns: 100 },
    );
  });

  it('the solver with aimed windows and day moves returns the roster it scores, as the evaluator scores it', () => {
    const inst = load(16);
    const res = solveCurtois(inst, { seed: 2, maxMoves: 150_000, tuning: { windowRate: 0.05, windowAim: 0.5, dayRate: 0.005 } });
    const ev = evaluateCurtois(inst, res.roster);
    expect(ev.hardViolations === 0).toBe(res.bestHard === 0);
    if (res.bestHard === 0) expect(res.bestSoft).toBe(ev.objective);
  });
});
