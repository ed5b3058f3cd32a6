/**
 * Moves of the product model (change a cell, swap two employees on a day, swap a block or a
 * weekend, move a shift to a nearby day) and the greedy start.
 */
import type { Rng } from '../anneal/rng';
import { EMPTY, type TermEnv } from './terms/index';
import type { Coverage } from './terms/coverage';
import type { MoveLog } from '../anneal/move-log';
import { weekendOfDay, weekendInfo } from './terms/weekend';

/** What the moves need of the model (model.ts implements it; no import back, no circle). */
export interface MoveState {
  readonly E: number;
  readonly D: number;
  readonly S: number;
  readonly g: Int16Array;
  readonly editable: Uint8Array;
  readonly editableCells: Int32Array;
  readonly allowed: Uint8Array;
  readonly allowedList: Int16Array[];
  readonly env: TermEnv;
  readonly cov: Coverage;
  readonly log: MoveLog;
  readonly dayMissing: Int32Array;
  readonly lastDeltaHard: number;
  readonly lastDeltaSoft: number;
  begin(): void;
  put(i: number, v: number): void;
  undo(): void;
  canTake(e: number, d: number, v: number): boolean;
}

function swapBlock(st: MoveState, e1: number, e2: number, d0: number, d1: number): void {
  const D = st.D;
  for (let d = d0; d <= d1; d++) {
    const i1 = e1 * D + d;
    const i2 = e2 * D + d;
    const v1 = st.g[i1];
    const v2 = st.g[i2];
    if (v1 === v2 || !st.canTake(e1, d, v2) || !st.canTake(e2, d, v1)) continue;
    st.put(i1, v2);
    st.put(i2, v1);
  }
}

export function randomMove(st: MoveState, rng: Rng): boolean {
  st.begin();
  const { E, D } = st;
  const n = st.editableCells.length;
  if (n === 0) return false;
  const r = rng.next();
  if (r < 0.45 || E < 2) {
    const i = st.editableCells[rng.int(n)];
    const e = (i / D) | 0;
    const list = st.allowedList[e];
    const v = list[rng.int(list.length)];
    if (v === st.g[i] || !st.canTake(e, i - e * D, v)) return false;
    st.put(i, v);
  } else if (r < 0.75) {
    const i = st.editableCells[rng.int(n)];
    const e1 = (i / D) | 0;
    const d = i - e1 * D;
    let e2 = rng.int(E - 1);
    if (e2 >= e1) e2++;
    swapBlock(st, e1, e2, d, d);
  } else if (r < 0.92) {
    const i = st.editableCells[rng.int(n)];
    const e1 = (i / D) | 0;
    let e2 = rng.int(E - 1);
    if (e2 >= e1) e2++;
    let d0 = i - e1 * D;
    let len = 2 + rng.int(6);
    const j = weekendOfDay(st.env, d0);
    if (j >= 0 && rng.next() < 0.5) {
      // Weekend swap: Friday to Sunday.
      d0 = Math.max(0, weekendInfo(st.env).sat[j] - 1);
      len = 3;
    }
    swapBlock(st, e1, e2, d0, Math.min(D - 1, d0 + len - 1));
  } else {
    const i = st.editableCells[rng.int(n)];
    const e = (i / D) | 0;
    const d1 = i - e * D;
    const d2 = Math.min(D - 1, Math.max(0, d1 + (rng.next() < 0.5 ? -1 : 1) * (1 + rng.int(3))));
    const i2 = e * D + d2;
    const v1 = st.g[i];
    const v2 = st.g[i2];
    if (v1 === v2 || !st.canTake(e, d1, v2) || !st.canTake(e, d2, v1)) return false;
    st.put(i, v2);
    st.put(i2, v1);
  }
  return st.log.length > 0;
}

/**
 * The days in the greedy's order: the weekends of a weekend rhythm first (Friday to Sunday: only
 * the weekend's group may work them), then the other days. A chronological greedy spends the
 * group members' hours on weekdays anyone could take and reaches the year's later weekends with
 * their hours gone.
 */
function dayOrder(st: MoveState): Int32Array {
  const info = weekendInfo(st.env);
  const first: number[] = [];
  const rest: number[] = [];
  for (let d = 0; d < st.D; d++) (info.k > 0 && info.dayWeekend[d] >= 0 ? first : rest).push(d);
  return Int32Array.from([...first, ...rest]);
}

/**
 * Greedy start (and final polish): per day, while demand is missing, give the shift to the
 * person whose assignment improves the score most without adding a hard violation. Lazy greedy:
 * every candidate is probed once, then only the best cached one is re-probed before it is taken
 * (a candidate's gain only shrinks as the day fills), so a day costs about one probe per
 * candidate instead of one per candidate and step.
 */
export function construct(st: MoveState): void {
  const { E, D, S } = st;
  const wanted = new Uint8Array(S);
  const ci: number[] = [];
  const cv: number[] = [];
  const cd: number[] = [];
  const probe = (i: number, v: number): number => {
    st.begin();
    st.put(i, v);
    const dh = st.lastDeltaHard;
    const delta = st.lastDeltaSoft;
    st.undo();
    return dh > 0 ? Infinity : delta;
  };
  for (const d of dayOrder(st)) {
    if (st.dayMissing[d] === 0) continue;
    wanted.fill(0);
    for (const s of st.cov.shiftsWanted(d)) wanted[s] = 1;
    ci.length = cv.length = cd.length = 0;
    for (let e = 0; e < E; e++) {
      const i = e * D + d;
      if (!st.editable[i] || st.g[i] !== EMPTY) continue;
      for (let s = 0; s < S; s++) {
        if (!wanted[s] || !st.canTake(e, d, s)) continue;
        const x = probe(i, s);
        if (x < 0) {
          ci.push(i);
          cv.push(s);
          cd.push(x);
        }
      }
    }
    while (st.dayMissing[d] > 0 && ci.length > 0) {
      let b = 0;
      for (let k = 1; k < cd.length; k++) if (cd[k] < cd[b]) b = k;
      if (!(cd[b] < 0)) break;
      const i = ci[b];
      if (st.g[i] !== EMPTY) {
        cd[b] = Infinity;
        continue;
      }
      const x = probe(i, cv[b]);
      let second = Infinity;
      for (let k = 0; k < cd.length; k++) if (k !== b && cd[k] < second) second = cd[k];
      if (x < 0 && x <= second) {
        st.begin();
        st.put(i, cv[b]);
        cd[b] = Infinity;
      } else cd[b] = x;
    }
  }
  st.begin();
}
