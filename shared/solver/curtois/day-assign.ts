/**
 * The day re-assignment move of the Curtois solver (issue 20): on one day, who works and who is
 * off stays as it is (so runs, days in a row, days off and weekends do not change), and the shift
 * TYPES are re-assigned among the employees working that day by an exact min-cost assignment.
 *
 * Employee x on type t costs x's shift-on/off request cost for that cell; the k-th employee on
 * type t costs the marginal cover penalty of the k-th unit (convex: −weightUnder up to the
 * requirement, +weightOver beyond). An employee may take a type only when it keeps every hard rule
 * that held in the row: allowed for x, no forbidden succession with the day before and after, the
 * per-type maximum of the row and the row's minutes within [min, max] (each employee changes one
 * cell of its own row, so these checks are exact and independent). The current type is always
 * allowed, so the current day is a feasible assignment and the move never makes the score worse.
 *
 * The assignment is solved by successive shortest paths on a graph compressed to the types: one
 * employee at a time enters; a path moves employees already placed from type to type (edge
 * t1 → t2 costs the cheapest c[x][t2] − c[x][t1] over the employees x on t1) and ends on the type
 * whose next unit of cover is cheapest. Bellman–Ford on the S type nodes (the residual graph of a
 * min-cost partial assignment has no negative cycle). Work per day ≈ n · (n · S + S² · rounds).
 */
import type { CurtoisCore } from './core';

const INF = 1 << 30;

/** Reused buffers (sized for the largest day seen). */
interface Scratch {
  workers: Int32Array;
  cost: Int32Array;
  assign: Int16Array;
  count: Int32Array;
  edge: Int32Array;
  via: Int32Array;
  dist: Int32Array;
  pred: Int32Array;
}

const scratchOf = new WeakMap<CurtoisCore, Scratch>();

function scratch(cs: CurtoisCore): Scratch {
  let s = scratchOf.get(cs);
  if (!s) {
    const { E, S } = cs;
    s = {
      workers: new Int32Array(E),
      cost: new Int32Array(E * S),
      assign: new Int16Array(E),
      count: new Int32Array(S),
      edge: new Int32Array(S * S),
      via: new Int32Array(S * S),
      dist: new Int32Array(S),
      pred: new Int32Array(S),
    };
    scratchOf.set(cs, s);
  }
  return s;
}

/** Cost of employee e taking type t on day d (INF when it would break a hard rule that held). */
function cellCost(cs: CurtoisCore, e: number, d: number, t: number): number {
  const { D, S, a } = cs;
  const i = e * D + d;
  const cur = a[i];
  const p = cs.pref[i * (S + 1) + t + 1];
  if (t === cur) return p;
  if (!cs.allowed[e * (S + 1) + t + 1]) return INF;
  if (d > 0 && a[i - 1] >= 0 && cs.forbid[a[i - 1] * S + t]) return INF;
  if (d < D - 1 && a[i + 1] >= 0 && cs.forbid[t * S + a[i + 1]]) return INF;
  if (cs.empCnt[e * S + t] + 1 > cs.maxCnt[e * S + t]) return INF;
  const m = cs.minutes[e];
  if (cs.minutesPen(e, m - cs.len[cur] + cs.len[t]) > cs.minutesPen(e, m)) return INF;
  return p;
}

/**
 * Re-assign the shift types on day d among the working employees of `group` (all working
 * employees of the day when omitted) by a min-cost assignment; the others stay as they are.
 * Changes go through `put` (the caller has called `begin`). Returns true when a cell changed.
 */
export function reassignDay(cs: CurtoisCore, d: number, group?: ArrayLike<number>): boolean {
  const { D, S, a } = cs;
  const sc = scratch(cs);
  const { workers, cost, assign, count, edge, via, dist, pred } = sc;
  let n = 0;
  const consider = (e: number) => {
    if (a[e * D + d] >= 0 && !cs.frozen[e * D + d]) workers[n++] = e;
  };
  if (group) for (let k = 0; k < group.length; k++) consider(group[k]);
  else for (let e = 0; e < cs.E; e++) consider(e);
  if (n < 2) return false;
  // Cover of the day without the employees re-assigned here.
  for (let t = 0; t < S; t++) count[t] = cs.cnt[d * S + t];
  for (let k = 0; k < n; k++) {
    const e = workers[k];
    count[a[e * D + d]]--;
    for (let t = 0; t < S; t++) cost[k * S + t] = cellCost(cs, e, d, t);
  }
  const marginal = (t: number) => cs.coverCost(d * S + t, count[t] + 1) - cs.coverCost(d * S + t, count[t]);
  for (let k = 0; k < n; k++) {
    // Edges between types through the employees placed so far (0..k-1).
    edge.fill(INF);
    for (let j = 0; j < k; j++) {
      const t1 = assign[j];
      const c1 = cost[j * S + t1];
      for (let t2 = 0; t2 < S; t2++) {
        const c2 = cost[j * S + t2];
        if (t2 === t1 || c2 >= INF) continue;
        const w = c2 - c1;
        if (w < edge[t1 * S + t2]) {
          edge[t1 * S + t2] = w;
          via[t1 * S + t2] = j;
        }
      }
    }
    for (let t = 0; t < S; t++) {
      dist[t] = cost[k * S + t];
      pred[t] = -1;
    }
    // Bellman–Ford over the types.
    for (let round = 0; round < S; round++) {
      let changed = false;
      for (let t1 = 0; t1 < S; t1++) {
        const d1 = dist[t1];
        if (d1 >= INF) continue;
        for (let t2 = 0; t2 < S; t2++) {
          const w = edge[t1 * S + t2];
          if (w < INF && d1 + w < dist[t2]) {
            dist[t2] = d1 + w;
            pred[t2] = t1;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    let end = -1;
    let best = INF;
    for (let t = 0; t < S; t++) {
      if (dist[t] >= INF) continue;
      const v = dist[t] + marginal(t);
      if (v < best) {
        best = v;
        end = t;
      }
    }
    // The current type is always allowed, so there is a path.
    count[end]++;
    let t = end;
    for (let guard = 0; pred[t] >= 0 && guard < S; guard++) {
      const t1 = pred[t];
      assign[via[t1 * S + t]] = t;
      t = t1;
    }
    assign[k] = t;
  }
  const before = cs.log.length;
  for (let k = 0; k < n; k++) {
    const e = workers[k];
    cs.put(e * D + d, assign[k]);
  }
  return cs.log.length > before;
}
