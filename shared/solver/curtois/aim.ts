/**
 * Aimed window moves of the Curtois solver (issue 20): instead of a random place, the window
 * covers a day with open cover (a type short of its requirement), and its first employee is one
 * who is off that day and may take the missing type, so the window DP (repairWindow) can plan
 * that shift into the row. On the year-long instances with many shift types most of the
 * objective is under-cover on weekends (docs/benchmarks.md, issue 20, fifth pass).
 */
import type { Rng } from '../anneal/rng';
import type { CurtoisCore } from './core';

/** Random tries to find a day with open cover, and an employee off that day who may take it. */
const TRIES = 24;

/**
 * A window from L of `len` days containing `day`, on which `type` has open cover, and `k` employees, the first of them
 * off that day, allowed the missing type and (on a weekend) not using up one more weekend; null
 * when the tries found none.
 */
export function aimWindow(
  cs: CurtoisCore,
  rng: Rng,
  len: number,
  k: number,
): { L: number; day: number; type: number; group: number[] } | null {
  const { D, E, S } = cs;
  let day = -1;
  let type = -1;
  for (let tr = 0; tr < TRIES && day < 0; tr++) {
    const d = rng.int(D);
    const t0 = rng.int(S);
    for (let j = 0; j < S; j++) {
      const t = (t0 + j) % S;
      if (cs.cnt[d * S + t] < cs.req[d * S + t]) {
        day = d;
        type = t;
        break;
      }
    }
  }
  if (day < 0) return null;
  let first = -1;
  for (let tr = 0; tr < TRIES && first < 0; tr++) {
    const e = rng.int(E);
    const i = e * D + day;
    if (cs.a[i] < 0 && !cs.frozen[i] && cs.allowed[e * (S + 1) + type + 1] && weekendFree(cs, e, day)) first = e;
  }
  if (first < 0) return null;
  const group = [first];
  while (group.length < Math.min(k, E)) {
    const e = rng.int(E);
    if (!group.includes(e)) group.push(e);
  }
  const L = Math.max(0, Math.min(D - len, day - rng.int(len)));
  return { L, day, type, group };
}

/**
 * Whether e can work day d without one more worked weekend: d is a weekday, the other day of
 * its weekend is worked already, or e has weekends to spare.
 */
function weekendFree(cs: CurtoisCore, e: number, d: number): boolean {
  if (d % 7 < 5 || d >= cs.W * 7) return true;
  const other = d % 7 === 5 ? d + 1 : d - 1;
  return cs.a[e * cs.D + other] >= 0 || cs.weCount[e] < cs.maxWe[e];
}
