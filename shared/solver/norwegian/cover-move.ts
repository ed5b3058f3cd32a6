/**
 * A compound move aimed at an open shift (an ejection chain of length two): give a missing shift
 * of a day to someone free that day, and when that puts her above her hours band, move one of
 * her other shifts to a colleague who is free on that day. The chain frees the hours a weekend
 * group's member needs for the group's weekend and hands her weekday shift to someone with hours
 * left, which one cell change at a time only reaches over an uphill step (an uncovered weekday).
 * The model scores the whole chain as one move (accepted or undone as a unit).
 */
import type { Rng } from '../anneal/rng';
import { EMPTY } from './terms/index';
import { type MoveState, randomMove } from './moves';
import { weekendInfo, weekendOfDay } from './terms/weekend';

const members = new WeakMap<object, Int32Array[]>();

/** Employees who may work weekend group g's weekends: its members, those without a group, the exceptions. */
function groupMembers(st: CoverState, g: number): Int32Array {
  let lists = members.get(st);
  if (!lists) {
    const info = weekendInfo(st.env);
    lists = [];
    for (let k = 0; k < info.k; k++) {
      const l: number[] = [];
      for (let e = 0; e < st.E; e++) if (info.empGroup[e] === k || info.empGroup[e] < 0 || st.env.allowOffGroup[e]) l.push(e);
      lists.push(Int32Array.from(l));
    }
    members.set(st, lists);
  }
  return lists[g];
}

/** What the move needs beyond the plain moves. */
export interface CoverState extends MoveState {
  overLimit(e: number): boolean;
}

/** Random tries to find a day with an open shift, a taker, a shift to hand on and its taker. */
const DAY_TRIES = 8;
const PERSON_TRIES = 12;
const HANDOFF_TRIES = 16;

export function coverMove(st: CoverState, rng: Rng): boolean {
  const { E, D, g, cov } = st;
  let d = -1;
  for (let t = 0; t < DAY_TRIES; t++) {
    const x = rng.int(D);
    if (st.dayMissing[x] > 0) {
      d = x;
      break;
    }
  }
  if (d < 0) return false;
  const n0 = cov.needStart[d];
  const n1 = cov.needStart[d + 1];
  if (n1 === n0) return false;
  // A need that is short (from a random start, the first one).
  let n = n0 + rng.int(n1 - n0);
  for (let t = n1 - n0; t > 0 && !cov.short(d, n); t--) n = n + 1 < n1 ? n + 1 : n0;
  const s = cov.needShift[n];
  const comp = cov.needComp[n];
  // On a weekend only its group may work: draw from the group's members.
  const info = weekendInfo(st.env);
  const j = weekendOfDay(st.env, d);
  const grp = j >= 0 ? info.group[j] : -1;
  const pool = grp >= 0 ? groupMembers(st, grp) : null;
  let e = -1;
  for (let t = 0; t < PERSON_TRIES; t++) {
    const x = pool ? pool[rng.int(pool.length)] : rng.int(E);
    if (x === undefined || g[x * D + d] !== EMPTY || !st.canTake(x, d, s) || (comp >= 0 && st.empComp[x] !== comp)) continue;
    e = x;
    break;
  }
  if (e < 0) return false;
  st.put(e * D + d, s);
  if (!st.overLimit(e)) return true;
  // Hand one of her other shifts on (or drop it when nobody can take it).
  for (let t = 0; t < HANDOFF_TRIES; t++) {
    const d2 = rng.int(D);
    const i2 = e * D + d2;
    const v = g[i2];
    if (d2 === d || v < 0 || !st.editable[i2]) continue;
    st.put(i2, EMPTY);
    for (let u = 0; u < PERSON_TRIES; u++) {
      const e2 = rng.int(E);
      if (e2 === e || g[e2 * D + d2] !== EMPTY || !st.canTake(e2, d2, v)) continue;
      // Half the tries keep the competence (a named need stays covered).
      if ((u & 1) === 0 && st.empComp[e2] !== st.empComp[e]) continue;
      st.put(e2 * D + d2, v);
      break;
    }
    return true;
  }
  return true;
}

/** Share of the moves that aim at an open shift. */
const COVER_SHARE = 0.1;

/** The product model's move: aimed at an open shift, or one of the plain moves (moves.ts). */
export function productMove(st: CoverState, rng: Rng): boolean {
  if (rng.next() < COVER_SHARE) {
    st.begin();
    return coverMove(st, rng) && st.log.length > 0;
  }
  return randomMove(st, rng);
}
