/**
 * Moves of the product model (change a cell, swap two employees on a day, swap a block or a
 * weekend, move a shift to a nearby day) and the greedy start.
 */
import type { Rng } from '../anneal/rng';
import type { TermEnv } from './terms/index';
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
  readonly empComp: Int32Array;
  /** Planned minutes, target minutes and accepted minutes above target per employee. */
  readonly plannedMin: Float64Array;
  readonly targetMin: Float64Array;
  readonly tolMin: Float64Array;
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
