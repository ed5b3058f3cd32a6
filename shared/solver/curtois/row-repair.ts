/**
 * Whole-row repair of the Curtois solver by dynamic programming (see `repairRow`), and the sweep
 * that applies it to every employee whose row breaks a hard rule.
 */
import type { CurtoisCore } from './core';

/**
 * Re-plan one employee's whole row by dynamic programming: the work/off pattern that meets the
 * employee's sequence and total-minutes rules at the least cost (requests + cover, the other
 * employees fixed), then the cheapest shift types along it that respect forbidden successions.
 * Weekends and per-type maxima enter as Lagrangian penalties that grow until the row keeps
 * them. Only for employees whose allowed shifts all have the same length (minutes = count ×
 * length). Returns false when it does not apply or finds no pattern.
 */
export function repairRow(cs: CurtoisCore, e: number): boolean {
  return repairWindow(cs, e, 0, cs.D - 1);
}

/**
 * The same over the days [L, R] of the row only (large-neighbourhood moves on long horizons):
 * the days outside stay as they are and enter as the run in progress at L, the run that
 * follows R, and the minutes, weekends and per-type counts they already use. The proposal is
 * heuristic at the window's edges; the state's incremental score judges the result.
 */
export function repairWindow(cs: CurtoisCore, e: number, L: number, R: number): boolean {
  const { S, D } = cs;
  const list = cs.allowedList[e];
  if (list.length < 2 || L > R) return false;
  let lw = 0;
  const lt = new Float64Array(S);
  let chosen: Int16Array | null = null;
  const full = cs.a.slice(e * D, e * D + D);
  // Where the weekends' budget binds and is small (windows: always), the DP counts the weekends
  // exactly (weekendBudget); otherwise they enter as a Lagrangian penalty below.
  const wb = weekendBudget(cs, e, L, R);
  for (let iter = 0; iter < 8; iter++) {
    const win = rowDP(cs, e, lw, lt, L, R, wb);
    if (!win) return chosen ? applyWindow(cs, e, L, chosen) : false;
    chosen = win;
    full.set(win, L);
    // Weekends and per-type counts of the whole row with this window.
    let we = 0;
    for (let sat = 5; sat < cs.W * 7; sat += 7) if (full[sat] >= 0 || full[sat + 1] >= 0) we++;
    const counts = new Int32Array(S);
    for (let d = 0; d < D; d++) if (full[d] >= 0) counts[full[d]]++;
    let ok = true;
    if (we > cs.maxWe[e] && wb.states === 1) {
      lw = lw > 0 ? lw * 2 : 50;
      ok = false;
    }
    for (let t = 0; t < S; t++) {
      if (counts[t] > cs.maxCnt[e * S + t]) {
        lt[t] = lt[t] > 0 ? lt[t] * 2 : 50;
        ok = false;
      }
    }
    if (ok) break;
  }
  return chosen ? applyWindow(cs, e, L, chosen) : false;
}

function applyWindow(cs: CurtoisCore, e: number, L: number, win: Int16Array): boolean {
  const base = e * cs.D;
  for (let k = 0; k < win.length; k++) if (!cs.frozen[base + L + k]) cs.put(base + L + k, win[k]);
  return cs.log.length > 0;
}

/** Length of the run of equal kind (work or off) through day d going in direction dir (±1). */
function runFrom(cs: CurtoisCore, e: number, d: number, dir: number): number {
  const base = e * cs.D;
  const w = cs.a[base + d] >= 0;
  let n = 0;
  for (let x = d; x >= 0 && x < cs.D && cs.a[base + x] >= 0 === w; x += dir) n++;
  return n;
}

/** The DP's work arrays, kept between calls (one DP runs at a time in a thread). */
const dpBuf: Float64Array[] = [new Float64Array(256), new Float64Array(256)];
let parentBuf = new Int32Array(4096);
function scratch(k: number, n: number): Float64Array {
  if (dpBuf[k].length < n) dpBuf[k] = new Float64Array(n * 2);
  return dpBuf[k].subarray(0, n);
}
function scratchParent(n: number): Int32Array {
  if (parentBuf.length < n) parentBuf = new Int32Array(n * 2);
  return parentBuf;
}

/** Largest number of weekend-count states for which the DP counts weekends exactly. */
const WEEKEND_STATES_MAX = 8;

/**
 * The weekends e may still start inside [L, R]: `states` = budget + 1 when the DP counts them
 * exactly (`cs.exactWeekends`, the row's maximum binds there and the budget is small), else 1
 * (Lagrangian penalty).
 * A weekend counts outside the window when a worked day of it lies outside.
 */
export function weekendBudget(cs: CurtoisCore, e: number, L: number, R: number): { states: number } {
  const base = e * cs.D;
  let outside = 0;
  let inside = 0;
  for (let sat = 5; sat < cs.W * 7; sat += 7) {
    const satIn = sat >= L && sat <= R;
    const sunIn = sat + 1 >= L && sat + 1 <= R;
    if ((!satIn && cs.a[base + sat] >= 0) || (!sunIn && cs.a[base + sat + 1] >= 0)) outside++;
    else if (satIn || sunIn) inside++;
  }
  const budget = Math.max(0, cs.maxWe[e] - outside);
  return { states: cs.exactWeekends && budget < inside && budget + 1 <= WEEKEND_STATES_MAX ? budget + 1 : 1 };
}

/** The window [L, R] of e's row by DP (see repairWindow); index k of the result is day L + k. */
function rowDP(cs: CurtoisCore, e: number, lw: number, lt: Float64Array, L: number, R: number, wb: { states: number }): Int16Array | null {
  const { D, S } = cs;
  const list = cs.allowedList[e];
  const K = list.length - 1;
  const N = R - L + 1;
  // Minutes are counted in units of the gcd of the allowed shift lengths.
  const lengths: number[] = [];
  for (let k = 1; k < list.length; k++) if (!lengths.includes(cs.len[list[k]])) lengths.push(cs.len[list[k]]);
  let g = 0;
  for (const l of lengths) g = gcd(g, l);
  if (g <= 0) return null;
  const units = lengths.map((l) => l / g);
  const maxU = Math.max(...units);
  const NL = lengths.length;
  const typeLen = new Int32Array(K);
  for (let k = 0; k < K; k++) typeLen[k] = lengths.indexOf(cs.len[list[k + 1]]);
  const base = e * D;
  // Minutes outside the window are fixed.
  let outside = cs.minutes[e];
  for (let d = L; d <= R; d++) if (cs.a[base + d] >= 0) outside -= cs.len[cs.a[base + d]];
  let cMin = Math.max(0, Math.ceil((cs.minMin[e] - outside) / g));
  let cMax = Math.floor((cs.maxMin[e] - outside) / g);
  if (N < D) {
    // A window holds at most N of the longest shifts: that caps the minute states (the DP's
    // size); the minutes it cannot reach are left to the rest of the row.
    cMax = Math.max(0, Math.min(cMax, N * maxU));
    cMin = Math.min(cMin, cMax);
  }
  if (cMin > cMax || cMax > 1500) return null;
  const maxC = Math.max(1, cs.maxCons[e]);
  const minC = cs.minCons[e];
  const minO = Math.max(1, cs.minOff[e]);
  // Cost of each shift type on each day with this employee taken out of the cover counts;
  // the cheapest type per length class.
  const typeCost = new Float64Array(N * K);
  const workCost = new Float64Array(N * NL);
  const offCost = new Float64Array(N);
  for (let x = 0; x < N; x++) {
    const d = L + x;
    const i = base + d;
    const cur = cs.a[i];
    offCost[x] = cs.pref[i * (S + 1)];
    for (let li = 0; li < NL; li++) workCost[x * NL + li] = Infinity;
    if (cs.frozen[i]) continue;
    for (let k = 0; k < K; k++) {
      const sh = list[k + 1];
      const kk = d * S + sh;
      const c = cs.cnt[kk] - (cur === sh ? 1 : 0);
      const cost = cs.pref[i * (S + 1) + sh + 1] + cs.coverCost(kk, c + 1) - cs.coverCost(kk, c) + lt[sh];
      typeCost[x * K + k] = cost;
      const li = typeLen[k];
      if (cost < workCost[x * NL + li]) workCost[x * NL + li] = cost;
    }
  }
  const weekendDay = (d: number) => (d < cs.W * 7 ? d % 7 : -1); // 5 = Saturday, 6 = Sunday
  // States: work run length 1..maxC (index L-1) and off run length 1..minO (capped; index
  // maxC+L-1), × minute units 0..cMax, × weekends started in the window 0..NW-1 (exact count).
  const NS = maxC + minO;
  const NC = cMax + 1;
  const NW = wb.states;
  const exact = NW > 1;
  const SC = NC * NW;
  const size = NS * SC;
  let cur = scratch(0, size).fill(Infinity);
  let nxt = scratch(1, size).fill(Infinity);
  const parent = scratchParent(N * size);
  // A Saturday at R whose Sunday after the window is worked was counted outside (weekendBudget).
  const satCounted = R < D - 1 && weekendDay(R) === 5 && cs.a[base + R + 1] >= 0;
  let first = L;
  if (L === 0) {
    for (let li = 0; li < NL; li++) {
      const u = units[li];
      if (workCost[li] < Infinity && u < NC && workCost[li] < cur[u * NW]) cur[u * NW] = workCost[li];
    }
    cur[maxC * SC] = offCost[0];
    first = 1;
  } else {
    // The run in progress on day L − 1, as the state the window starts from.
    const n = runFrom(cs, e, L - 1, -1);
    cur[(cs.a[base + L - 1] >= 0 ? Math.min(n, maxC) - 1 : maxC + Math.min(n, minO) - 1) * SC] = 0;
  }
  for (let d = first; d <= R; d++) {
    const x = d - L;
    nxt.fill(Infinity);
    const pBase = x * size;
    const wd = weekendDay(d);
    // Only minute states reachable by now that can still reach cMin by R.
    const cLo = Math.max(0, cMin - (N - x) * maxU);
    const cHi = Math.min(NC - 1, x * maxU);
    for (let st = 0; st < NS; st++) {
      const working = st < maxC;
      const len = working ? st + 1 : st - maxC + 1;
      // A worked day starts a weekend on Saturday or on a Sunday after a free Saturday: counted
      // exactly, or as the Lagrangian penalty lw.
      const starts = (wd === 5 && !(d === R && satCounted)) || (wd === 6 && !working);
      const wePen = starts && !exact ? lw : 0;
      const wInc = starts && exact ? 1 : 0;
      let ws = -1;
      if (working) {
        if (len + 1 <= maxC) ws = len;
      } else if (len >= minO || len === d) ws = 0;
      let ns = -1;
      if (!working) ns = maxC + Math.min(minO, len + 1) - 1;
      else if (len >= minC || len === d) ns = maxC;
      for (let c = cLo; c <= cHi; c++) {
        for (let w = 0; w < NW; w++) {
          const from = st * SC + c * NW + w;
          const v = cur[from];
          if (v === Infinity) continue;
          if (ws >= 0 && w + wInc < NW) {
            for (let li = 0; li < NL; li++) {
              const wc = workCost[x * NL + li];
              const c2 = c + units[li];
              if (wc === Infinity || c2 >= NC) continue;
              const to = ws * SC + c2 * NW + w + wInc;
              const nv = v + wc + wePen;
              if (nv < nxt[to]) {
                nxt[to] = nv;
                parent[pBase + to] = from;
              }
            }
          }
          if (ns >= 0) {
            const to = ns * SC + c * NW + w;
            const nv = v + offCost[x];
            if (nv < nxt[to]) {
              nxt[to] = nv;
              parent[pBase + to] = from;
            }
          }
        }
      }
    }
    const t = cur;
    cur = nxt;
    nxt = t;
  }
  // The state after R must fit the run that follows the window.
  const nextWork = R < D - 1 ? cs.a[base + R + 1] >= 0 : null;
  const nextRun = R < D - 1 ? runFrom(cs, e, R + 1, 1) : 0;
  const nextToEnd = R + nextRun >= D - 1;
  const fits = (st: number): boolean => {
    if (nextWork === null) return true;
    const working = st < maxC;
    const len = working ? st + 1 : st - maxC + 1;
    if (nextWork) return working ? len + nextRun <= maxC : len >= minO || len === R + 1;
    return working ? len >= minC || len === R + 1 : len + nextRun >= minO || nextToEnd;
  };
  let bestEnd = -1;
  let bestVal = Infinity;
  for (let st = 0; st < NS; st++) {
    if (!fits(st)) continue;
    for (let c = cMin; c <= cMax; c++) {
      for (let w = 0; w < NW; w++) {
        const v = cur[st * SC + c * NW + w];
        if (v < bestVal) {
          bestVal = v;
          bestEnd = st * SC + c * NW + w;
        }
      }
    }
  }
  if (bestEnd < 0) return null;
  const work = new Uint8Array(N);
  const dayLen = new Int32Array(N).fill(-1);
  let at = bestEnd;
  for (let x = N - 1; x >= 0; x--) {
    work[x] = Math.floor(at / SC) < maxC ? 1 : 0;
    const hasParent = x > 0 || L > 0;
    const prev = hasParent ? parent[x * size + at] : -1;
    if (work[x]) {
      const du = (Math.floor(at / NW) % NC) - (hasParent ? Math.floor(prev / NW) % NC : 0);
      dayLen[x] = units.indexOf(du);
    }
    if (hasParent) at = prev;
  }
  // Shift types along each work run (Viterbi; a day off breaks every succession). The fixed
  // neighbours of the window: a forbidden succession with them costs as much as a violation.
  const edge = 1e6;
  const before = L > 0 ? cs.a[base + L - 1] : -1;
  const after = R < D - 1 ? cs.a[base + R + 1] : -1;
  const vit = new Float64Array(N * K).fill(Infinity);
  const back = new Int32Array(N * K).fill(-1);
  const row = new Int16Array(N).fill(-1);
  for (let x = 0; x < N; x++) {
    if (!work[x]) continue;
    for (let k = 0; k < K; k++) {
      if (typeLen[k] !== dayLen[x]) continue;
      let cost = typeCost[x * K + k];
      if (x === N - 1 && after >= 0 && cs.forbid[list[k + 1] * S + after]) cost += edge;
      if (x > 0 && work[x - 1]) {
        let bv = Infinity;
        let bk = -1;
        for (let q = 0; q < K; q++) {
          const pv = vit[(x - 1) * K + q];
          if (pv < bv && !cs.forbid[list[q + 1] * S + list[k + 1]]) {
            bv = pv;
            bk = q;
          }
        }
        if (bk < 0) continue;
        vit[x * K + k] = bv + cost;
        back[x * K + k] = bk;
      } else vit[x * K + k] = cost + (x === 0 && before >= 0 && cs.forbid[before * S + list[k + 1]] ? edge : 0);
    }
    if (x + 1 >= N || !work[x + 1]) {
      let bk = -1;
      for (let k = 0; k < K; k++) if (vit[x * K + k] < Infinity && (bk < 0 || vit[x * K + k] < vit[x * K + bk])) bk = k;
      if (bk < 0) return null;
      let xx = x;
      let k = bk;
      while (xx >= 0 && work[xx]) {
        row[xx] = list[k + 1];
        const pk = back[xx * K + k];
        xx--;
        if (pk < 0) break;
        k = pk;
      }
    }
  }
  return row;
}

/**
 * Estimated work of one window DP of `days` days, averaged over the employees (states × minute
 * units × length classes × days), to keep window moves to a share of the search time.
 */
export function windowWork(cs: CurtoisCore, days: number): number {
  let total = 0;
  for (let e = 0; e < cs.E; e++) {
    const lengths = [...new Set(Array.from(cs.allowedList[e].subarray(1), (s) => cs.len[s]))];
    let g = 0;
    for (const l of lengths) g = gcd(g, l);
    if (g <= 0) continue;
    const cap = Math.min(Math.floor(cs.maxMin[e] / g), days * Math.max(...lengths.map((l) => l / g)));
    total += days * (Math.max(1, cs.maxCons[e]) + Math.max(1, cs.minOff[e])) * (cap + 1) * lengths.length;
  }
  return total / Math.max(1, cs.E);
}

/**
 * One pass of row repairs over the employees whose rows break a hard rule; keeps improvements.
 * `stop` is asked before each row (a DP over a year-long row of many shift types takes long).
 */
export function repairSweep(cs: CurtoisCore, stop?: () => boolean): void {
  for (const e of cs.employeesWithHard()) {
    if (stop?.()) break;
    cs.begin();
    if (!repairRow(cs, e)) continue;
    if (cs.lastDeltaHard > 0 || (cs.lastDeltaHard === 0 && cs.lastDeltaSoft > 0)) cs.undo();
  }
  cs.begin();
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}
