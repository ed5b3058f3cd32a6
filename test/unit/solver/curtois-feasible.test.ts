/**
 * Phase A of the Curtois solver (shared/solver/curtois/feasible.ts): the first feasible roster
 * comes after a number of moves set by the instance, not by the budget (issue 20: on Instance22
 * it came later the longer the budget and the busier the machine), and the repair sweeps see
 * every employee whose row breaks a hard rule.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { parseCurtois } from '../../../shared/solver/curtois/parse';
import { evaluateCurtois } from '../../../shared/solver/curtois/evaluate';
import { CurtoisState } from '../../../shared/solver/curtois/model';
import { phaseA } from '../../../shared/solver/curtois/feasible';
import { createRng } from '../../../shared/solver/anneal/rng';
import { CURTOIS_DIR } from '../../paths';

const load = (n: number) => parseCurtois(readFileSync(`${CURTOIS_DIR}/Instance${n}.txt`, 'utf8'));

function runPhaseA(n: number, maxMoves: number) {
  const state = new CurtoisState(load(n));
  state.construct(createRng(5));
  const res = phaseA(state, {
    seed: 9,
    maxMoves,
    hardWeight: 1000 / state.UNIT,
    startTemperature: 1000,
    endTemperature: 1,
    shouldStop: () => false,
    tStart: 0,
    sweepStop: () => false,
  });
  return { res, roster: state.roster('best'), inst: state.inst };
}

describe('Curtois phase A (feasibility first)', () => {
  it('reaches the same feasible roster after the same moves whatever the budget (Instance7)', () => {
    const short = runPhaseA(7, 20_000_000);
    const long = runPhaseA(7, 200_000_000);
    expect(short.res.bestHard).toBe(0);
    expect(evaluateCurtois(short.inst, short.roster).violations).toEqual([]);
    expect(long.res.moves).toBe(short.res.moves);
    expect(long.roster).toEqual(short.roster);
    // Far below the share of the budget it may use (40 % of 20 million moves).
    expect(short.res.moves).toBeLessThan(8_000_000);
  });

  it('lists exactly the employees whose rows the evaluator finds a hard violation in', () => {
    // Random rosters of Instance4 (forbidden successions, per-type maxima, sequences, minutes,
    // weekends): employeesWithHard() must name every row with a violation, else the repair
    // sweeps skip it.
    const inst = load(4);
    const state = new CurtoisState(inst);
    const { E, D } = state;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1 << 30 }), { minLength: E * D, maxLength: E * D }), (xs) => {
        for (let i = 0; i < E * D; i++) {
          if (state.frozen[i]) state.a[i] = -1;
          else {
            const list = state.allowedList[Math.floor(i / D)];
            state.a[i] = list[xs[i] % list.length];
          }
        }
        state.recompute();
        const ids = new Set(evaluateCurtois(inst, state.roster('current')).violations.map((v) => v.employee));
        const listed = new Set(state.employeesWithHard().map((e) => inst.staff[e].id));
        expect(listed).toEqual(ids);
        expect(state.hard > 0).toBe(listed.size > 0);
      }),
      { numRuns: 60, seed: 20 },
    );
  });
});
