/**
 * Coverage (soft): per day, the bemanningsplan's needs (`metrics/demand`, named competences
 * first, then `any`, `countsToward` honoured as in `metrics/coverage`) against the people on
 * each shift; cost = uncovered × weight + surplus × weight. Counts are kept incrementally.
 */
import type { TurnusPlan } from '../../../plan/model';
import type { PlanIndex } from '../../../plan/plan-index';
import { ANY, demandOn, demandTable, fillsCodes } from '../../../metrics/demand';

export class Coverage {
  readonly needStart: Int32Array;
  readonly needShift: Int32Array;
  readonly needComp: Int32Array;
  readonly needCount: Int32Array;
  /** toward[x*S+c] = 1 when a worker on shift x may fill demand for c (countsToward, not own). */
  private readonly toward: Uint8Array;
  /** People per (day, shift, competence). */
  readonly cnt: Int32Array;
  readonly dayMissing: Int32Array;
  private readonly have: Int32Array;
  private filled: Int32Array;

  constructor(
    plan: TurnusPlan,
    index: PlanIndex,
    readonly D: number,
    readonly S: number,
    readonly C: number,
    compIdx: Map<string, number>,
    private readonly wUncovered: number,
    private readonly wSurplus: number,
  ) {
    const sIdx = new Map(plan.shiftTypes.map((t, i) => [t.code, i]));
    const table = demandTable(plan.demand);
    const ns: number[] = [],
      nsh: number[] = [],
      nc: number[] = [],
      ncount: number[] = [];
    for (let d = 0; d < D; d++) {
      ns.push(nsh.length);
      for (const need of demandOn(table, index.startDay + d)) {
        const s = sIdx.get(need.shift);
        if (s === undefined) continue;
        nsh.push(s);
        nc.push(need.competence === ANY ? -1 : (compIdx.get(need.competence) ?? -1));
        ncount.push(need.count);
      }
    }
    ns.push(nsh.length);
    this.needStart = Int32Array.from(ns);
    this.needShift = Int32Array.from(nsh);
    this.needComp = Int32Array.from(nc);
    this.needCount = Int32Array.from(ncount);
    this.toward = new Uint8Array(S * S);
    for (let x = 0; x < S; x++) {
      for (const c of fillsCodes(index.shiftTypes, plan.shiftTypes[x].code)) {
        const ci = sIdx.get(c);
        if (ci !== undefined && ci !== x) this.toward[x * S + ci] = 1;
      }
    }
    this.cnt = new Int32Array(D * S * C);
    this.dayMissing = new Int32Array(D);
    this.have = new Int32Array(S * C);
    this.filled = new Int32Array(64);
  }

  /** Does a worker on shift x fill a need for shift c (its own code or `countsToward`)? */
  fills(x: number, c: number): boolean {
    return x === c || this.toward[x * this.S + c] === 1;
  }

  /** Shifts that fill some need of day d (their own code or `countsToward`). */
  shiftsWanted(d: number): number[] {
    const out: number[] = [];
    for (let x = 0; x < this.S; x++) {
      for (let n = this.needStart[d]; n < this.needStart[d + 1]; n++) {
        const c = this.needShift[n];
        if (x === c || this.toward[x * this.S + c]) {
          out.push(x);
          break;
        }
      }
    }
    return out;
  }

  /**
   * Is need n (of day d) short by its own shift code (a cheap test for aiming a move: people of
   * its competence on the shift, or everybody on it against all the day's needs of that shift)?
   */
  short(d: number, n: number): boolean {
    const { S, C } = this;
    const s = this.needShift[n];
    const comp = this.needComp[n];
    const base = (d * S + s) * C;
    if (comp >= 0) return this.cnt[base + comp] < this.needCount[n];
    let have = 0;
    for (let c = 0; c < C; c++) have += this.cnt[base + c];
    let need = 0;
    for (let m = this.needStart[d]; m < this.needStart[d + 1]; m++) if (this.needShift[m] === s) need += this.needCount[m];
    return have < need;
  }

  /** The demand of each need of day d that the current counts leave open (dayCost's allocation), at out[n − needStart[d]]. */
  needsLeft(d: number, out: Int32Array): void {
    this.dayCost(d);
    for (let n = this.needStart[d]; n < this.needStart[d + 1]; n++)
      out[n - this.needStart[d]] = this.needCount[n] - this.filled[n - this.needStart[d]];
  }

  /** Cost of day d with the current counts (sets dayMissing[d]). */
  dayCost(d: number): number {
    const { S, C } = this;
    const have = this.have;
    const base = d * S * C;
    for (let k = 0; k < S * C; k++) have[k] = this.cnt[base + k];
    const n0 = this.needStart[d];
    const n1 = this.needStart[d + 1];
    if (this.filled.length < n1 - n0) this.filled = new Int32Array(n1 - n0);
    const filled = this.filled;
    for (let n = n0; n < n1; n++) filled[n - n0] = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let named = 1; named >= 0; named--) {
        for (let n = n0; n < n1; n++) {
          const comp = this.needComp[n];
          if ((comp >= 0 ? 1 : 0) !== named) continue;
          const c = this.needShift[n];
          let rem = this.needCount[n] - filled[n - n0];
          if (rem <= 0) continue;
          for (let x = 0; x < S && rem > 0; x++) {
            if (pass === 0 ? x !== c : !this.toward[x * S + c]) continue;
            if (comp >= 0) {
              const t = Math.min(rem, have[x * C + comp]);
              have[x * C + comp] -= t;
              rem -= t;
            } else {
              for (let q = 0; q < C && rem > 0; q++) {
                const t = Math.min(rem, have[x * C + q]);
                have[x * C + q] -= t;
                rem -= t;
              }
            }
          }
          filled[n - n0] = this.needCount[n] - rem;
        }
      }
    }
    let missing = 0;
    for (let n = n0; n < n1; n++) missing += this.needCount[n] - filled[n - n0];
    let surplus = 0;
    for (let k = 0; k < S * C; k++) surplus += have[k];
    this.dayMissing[d] = missing;
    return missing * this.wUncovered + surplus * this.wSurplus;
  }
}
