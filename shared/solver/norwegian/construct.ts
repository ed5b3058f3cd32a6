/**
 * The greedy start of the product model (and its final polish): the weekends of a weekend
 * rhythm first, each by its exact assignment (weekend-construct.ts), then day by day the best
 * single assignments with a pacing tie-break.
 */
import { EMPTY } from './terms/index';
import type { MoveState } from './moves';
import { weekendInfo } from './terms/weekend';
import { constructWeekends } from './weekend-construct';

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

/** Weight of the pacing tie-break (soft units per minute of hours left per free day left). */
const PACE_WEIGHT = 1;

/**
 * Greedy start (and final polish): per day, while demand is missing, give the shift to the
 * person whose assignment improves the score most without adding a hard violation. Lazy greedy:
 * every candidate is probed once, then only the best cached one is re-probed before it is taken
 * (a candidate's gain only shrinks as the day fills), so a day costs about one probe per
 * candidate instead of one per candidate and step.
 *
 * Pacing: below target every minute scores the same, so equal gains are ordered by how much of
 * her hours a person still has to give per free day she has left (the days not yet filled). A
 * plain tie-break by row fills the first rows up to their band early and leaves the last days
 * of the period to the few with hours left, who cannot take them all (one shift a day, rest).
 */
export function construct(st: MoveState): void {
  const { E, D, S } = st;
  const wanted = new Uint8Array(S);
  constructWeekends(st);
  const order = dayOrder(st);
  // Free days (editable, empty) per person among the days not yet filled.
  const daysLeft = new Int32Array(E);
  for (let e = 0; e < E; e++) for (let d = 0; d < D; d++) if (st.editable[e * D + d] && st.g[e * D + d] === EMPTY) daysLeft[e]++;
  const pace = new Float64Array(E);
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
  for (const d of order) {
    for (let e = 0; e < E; e++) {
      const free = st.editable[e * D + d] && st.g[e * D + d] === EMPTY;
      const left = st.targetMin[e] + Math.min(st.tolMin[e], 1e6) - st.plannedMin[e];
      pace[e] = daysLeft[e] > 0 ? (PACE_WEIGHT * Math.max(0, left)) / daysLeft[e] : 0;
      if (free) daysLeft[e]--;
    }
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
          cd.push(x - pace[e]);
        }
      }
    }
    while (st.dayMissing[d] > 0 && ci.length > 0) {
      let b = 0;
      for (let k = 1; k < cd.length; k++) if (cd[k] < cd[b]) b = k;
      if (cd[b] === Infinity) break;
      const i = ci[b];
      if (st.g[i] !== EMPTY) {
        cd[b] = Infinity;
        continue;
      }
      const x = probe(i, cv[b]);
      const key = x < 0 ? x - pace[(i / D) | 0] : Infinity;
      let second = Infinity;
      for (let k = 0; k < cd.length; k++) if (k !== b && cd[k] < second) second = cd[k];
      if (key < Infinity && key <= second) {
        st.begin();
        st.put(i, cv[b]);
        cd[b] = Infinity;
      } else cd[b] = key;
    }
  }
  st.begin();
}
