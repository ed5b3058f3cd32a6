/**
 * The random local moves of the Curtois solver: change a cell, swap employees on a day or a block
 * of days, rotate a stretch of a row, change two consecutive days, move a shift to another day.
 * Each move records its cell changes in the state's move log (the caller opens it with `begin`).
 */
import type { Rng } from '../anneal/rng';
import type { CurtoisCore } from './core';

/** Apply one random move (the caller has called `begin`); false when nothing changed. */
export function randomMove(cs: CurtoisCore, rng: Rng): boolean {
  const { E, D } = cs;
  const r = rng.next();
  if (r < 0.38 || E < 2) {
    // Change one cell.
    const i = cs.freeCells[rng.int(cs.freeCells.length)];
    if (i === undefined) return false;
    const e = (i / D) | 0;
    const list = cs.allowedList[e];
    const v = list[rng.int(list.length)];
    if (v === cs.a[i]) return false;
    cs.put(i, v);
  } else if (r < 0.62) {
    // Swap two employees on one day.
    const e1 = rng.int(E);
    let e2 = rng.int(E - 1);
    if (e2 >= e1) e2++;
    const d = rng.int(D);
    swapBlock(cs, e1, e2, d, d);
  } else if (r < 0.8) {
    // Block swap (2–7 days) between two employees; one in four starts on a Saturday (weekend swap).
    const e1 = rng.int(E);
    let e2 = rng.int(E - 1);
    if (e2 >= e1) e2++;
    let d0: number;
    let k: number;
    if (rng.next() < 0.25 && D >= 7) {
      d0 = 7 * rng.int(Math.floor(D / 7)) + 5;
      k = 2;
    } else {
      k = 2 + rng.int(6);
      d0 = rng.int(D);
    }
    swapBlock(cs, e1, e2, d0, Math.min(D - 1, d0 + k - 1));
  } else if (r < 0.88) {
    // Rotate the free cells of a stretch of one employee's row by one position (shifts every
    // run inside it at once; needed for densely packed rows such as Instance20–22). Half of the
    // time the wrapped-around cell gets a new value instead: that deletes one day's value at
    // one end of the stretch and inserts another at the other end. Fixed days off stay put.
    const e = rng.int(E);
    const len = 3 + rng.int(Math.min(D - 2, 40));
    const a = rng.int(D - len + 1);
    const base = e * D;
    if (cs.rotIdx.length < len) cs.rotIdx = new Int32Array(len * 2);
    if (cs.rotBuf.length < len) cs.rotBuf = new Int16Array(len * 2);
    const idx = cs.rotIdx;
    const tmp = cs.rotBuf;
    let m = 0;
    for (let d = a; d < a + len; d++) {
      if (cs.frozen[base + d]) continue;
      idx[m] = base + d;
      tmp[m] = cs.a[base + d];
      m++;
    }
    if (m < 2) return false;
    const left = rng.next() < 0.5;
    for (let k = 0; k < m; k++) cs.put(idx[k], tmp[left ? (k + 1) % m : (k + m - 1) % m]);
    if (rng.next() < 0.5) {
      const list = cs.allowedList[e];
      const at = idx[left ? m - 1 : 0];
      const v = cs.a[at] >= 0 ? -1 : (list[1 + rng.int(list.length - 1)] ?? -1);
      cs.put(at, v);
    }
  } else if (r < 0.95) {
    // Change two consecutive days of one employee (a weekend one time in three): both off,
    // or both to one random allowed value.
    const e = rng.int(E);
    const d0 = rng.next() < 0.33 && D >= 7 ? 7 * rng.int(Math.floor(D / 7)) + 5 : rng.int(D - 1);
    const list = cs.allowedList[e];
    const v = rng.next() < 0.5 ? -1 : list[rng.int(list.length)];
    for (let d = d0; d <= d0 + 1 && d < D; d++) if (!cs.frozen[e * D + d]) cs.put(e * D + d, v);
  } else {
    // Move a shift to another day for the same employee.
    const e = rng.int(E);
    const d1 = rng.int(D);
    // Half of the time a nearby day (moves the edge of a run), otherwise anywhere.
    const d2 = rng.next() < 0.5 ? Math.min(D - 1, Math.max(0, d1 + (rng.next() < 0.5 ? -1 : 1) * (1 + rng.int(3)))) : rng.int(D);
    const i1 = e * D + d1;
    const i2 = e * D + d2;
    const v1 = cs.a[i1];
    const v2 = cs.a[i2];
    if (v1 === v2 || cs.frozen[i1] || cs.frozen[i2]) return false;
    cs.put(i1, v2);
    cs.put(i2, v1);
  }
  return cs.log.length > 0;
}

/** Swap the values of employees e1 and e2 on days [d0, d1]. */
function swapBlock(cs: CurtoisCore, e1: number, e2: number, d0: number, d1: number): void {
  const D = cs.D;
  for (let d = d0; d <= d1; d++) {
    const i1 = e1 * D + d;
    const i2 = e2 * D + d;
    const v1 = cs.a[i1];
    const v2 = cs.a[i2];
    if (v1 === v2 || !cs.canTake(e1, d, v2) || !cs.canTake(e2, d, v1)) continue;
    cs.put(i1, v2);
    cs.put(i2, v1);
  }
}
