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
  const { S, D } = cs;
  const list = cs.allowedList[e];
  if (list.length < 2) return false;
  let lw = 0;
  const lt = new Float64Array(S);
  let chosen: Int16Array | null = null;
  for (let iter = 0; iter < 8; iter++) {
    const row = rowDP(cs, e, lw, lt);
    if (!row) return chosen ? applyRow(cs, e, chosen) : false;
    chosen = row;
    // Weekends and per-type counts of this row.
    let we = 0;
    for (let sat = 5; sat < cs.W * 7; sat += 7) if (row[sat] >= 0 || row[sat + 1] >= 0) we++;
    const counts = new Int32Array(S);
    for (let d = 0; d < D; d++) if (row[d] >= 0) counts[row[d]]++;
    let ok = true;
    if (we > cs.maxWe[e]) {
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
  return chosen ? applyRow(cs, e, chosen) : false;
}

function applyRow(cs: CurtoisCore, e: number, row: Int16Array): boolean {
  const base = e * cs.D;
  for (let d = 0; d < cs.D; d++) if (!cs.frozen[base + d]) cs.put(base + d, row[d]);
  return cs.log.length > 0;
}

function rowDP(cs: CurtoisCore, e: number, lw: number, lt: Float64Array): Int16Array | null {
  const { D, S } = cs;
  const list = cs.allowedList[e];
  const K = list.length - 1;
  // Minutes are counted in units of the gcd of the allowed shift lengths.
  const lengths: number[] = [];
  for (let k = 1; k < list.length; k++) if (!lengths.includes(cs.len[list[k]])) lengths.push(cs.len[list[k]]);
  let g = 0;
  for (const l of lengths) g = gcd(g, l);
  if (g <= 0) return null;
  const units = lengths.map((l) => l / g);
  const NL = lengths.length;
  const typeLen = new Int32Array(K);
  for (let k = 0; k < K; k++) typeLen[k] = lengths.indexOf(cs.len[list[k + 1]]);
  const cMin = Math.ceil(cs.minMin[e] / g);
  const cMax = Math.floor(cs.maxMin[e] / g);
  if (cMin > cMax || cMax > 1500) return null;
  const maxC = Math.max(1, cs.maxCons[e]);
  const minC = cs.minCons[e];
  const minO = Math.max(1, cs.minOff[e]);
  const base = e * D;
  // Cost of each shift type on each day with this employee taken out of the cover counts;
  // the cheapest type per length class.
  const typeCost = new Float64Array(D * K);
  const workCost = new Float64Array(D * NL);
  const offCost = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const i = base + d;
    const cur = cs.a[i];
    offCost[d] = cs.pref[i * (S + 1)];
    for (let li = 0; li < NL; li++) workCost[d * NL + li] = Infinity;
    if (cs.frozen[i]) continue;
    for (let k = 0; k < K; k++) {
      const sh = list[k + 1];
      const kk = d * S + sh;
      const c = cs.cnt[kk] - (cur === sh ? 1 : 0);
      const cost = cs.pref[i * (S + 1) + sh + 1] + cs.coverCost(kk, c + 1) - cs.coverCost(kk, c) + lt[sh];
      typeCost[d * K + k] = cost;
      const li = typeLen[k];
      if (cost < workCost[d * NL + li]) workCost[d * NL + li] = cost;
    }
  }
  const weekendDay = (d: number) => (d < cs.W * 7 ? d % 7 : -1); // 5 = Saturday, 6 = Sunday
  // States: work run length 1..maxC (index L-1) and off run length 1..minO (capped; index maxC+L-1).
  const NS = maxC + minO;
  const NC = cMax + 1;
  const size = NS * NC;
  let cur = new Float64Array(size).fill(Infinity);
  let nxt = new Float64Array(size).fill(Infinity);
  const parent = new Int32Array(D * size);
  for (let li = 0; li < NL; li++) {
    const u = units[li];
    if (workCost[li] < Infinity && u < NC && workCost[li] < cur[u]) cur[u] = workCost[li];
  }
  cur[maxC * NC] = offCost[0];
  for (let d = 1; d < D; d++) {
    nxt.fill(Infinity);
    const pBase = d * size;
    const wd = weekendDay(d);
    for (let st = 0; st < NS; st++) {
      const working = st < maxC;
      const L = working ? st + 1 : st - maxC + 1;
      // Weekend penalty: once per weekend, on Saturday or on a Sunday after a free Saturday.
      const wePen = wd === 5 || (wd === 6 && !working) ? lw : 0;
      for (let c = 0; c < NC; c++) {
        const v = cur[st * NC + c];
        if (v === Infinity) continue;
        const from = st * NC + c;
        let ws = -1;
        if (working) {
          if (L + 1 <= maxC) ws = L;
        } else if (L >= minO || L === d) ws = 0;
        if (ws >= 0) {
          for (let li = 0; li < NL; li++) {
            const wc = workCost[d * NL + li];
            const c2 = c + units[li];
            if (wc === Infinity || c2 >= NC) continue;
            const to = ws * NC + c2;
            const nv = v + wc + wePen;
            if (nv < nxt[to]) {
              nxt[to] = nv;
              parent[pBase + to] = from;
            }
          }
        }
        let ns = -1;
        if (!working) ns = maxC + Math.min(minO, L + 1) - 1;
        else if (L >= minC || L === d) ns = maxC;
        if (ns >= 0) {
          const to = ns * NC + c;
          const nv = v + offCost[d];
          if (nv < nxt[to]) {
            nxt[to] = nv;
            parent[pBase + to] = from;
          }
        }
      }
    }
    const t = cur;
    cur = nxt;
    nxt = t;
  }
  let bestEnd = -1;
  let bestVal = Infinity;
  for (let st = 0; st < NS; st++) {
    for (let c = cMin; c <= cMax; c++) {
      const v = cur[st * NC + c];
      if (v < bestVal) {
        bestVal = v;
        bestEnd = st * NC + c;
      }
    }
  }
  if (bestEnd < 0) return null;
  const work = new Uint8Array(D);
  const dayLen = new Int32Array(D).fill(-1);
  let at = bestEnd;
  for (let d = D - 1; d >= 0; d--) {
    work[d] = Math.floor(at / NC) < maxC ? 1 : 0;
    const prev = d > 0 ? parent[d * size + at] : -1;
    if (work[d]) {
      const du = (at % NC) - (d > 0 ? prev % NC : 0);
      dayLen[d] = units.indexOf(du);
    }
    if (d > 0) at = prev;
  }
  // Shift types along each work run (Viterbi; a day off breaks every succession).
  const vit = new Float64Array(D * K).fill(Infinity);
  const back = new Int32Array(D * K).fill(-1);
  const row = new Int16Array(D).fill(-1);
  for (let d = 0; d < D; d++) {
    if (!work[d]) continue;
    for (let k = 0; k < K; k++) {
      if (typeLen[k] !== dayLen[d]) continue;
      const cost = typeCost[d * K + k];
      if (d > 0 && work[d - 1]) {
        let bv = Infinity;
        let bk = -1;
        for (let q = 0; q < K; q++) {
          const pv = vit[(d - 1) * K + q];
          if (pv < bv && !cs.forbid[list[q + 1] * S + list[k + 1]]) {
            bv = pv;
            bk = q;
          }
        }
        if (bk < 0) continue;
        vit[d * K + k] = bv + cost;
        back[d * K + k] = bk;
      } else vit[d * K + k] = cost;
    }
    if (d + 1 >= D || !work[d + 1]) {
      let bk = -1;
      for (let k = 0; k < K; k++) if (vit[d * K + k] < Infinity && (bk < 0 || vit[d * K + k] < vit[d * K + bk])) bk = k;
      if (bk < 0) return null;
      let dd = d;
      let k = bk;
      while (dd >= 0 && work[dd]) {
        row[dd] = list[k + 1];
        const pk = back[dd * K + k];
        dd--;
        if (pk < 0) break;
        k = pk;
      }
    }
  }
  return row;
}

/** One pass of row repairs over the employees whose rows break a hard rule; keeps improvements. */
export function repairSweep(cs: CurtoisCore): void {
  for (const e of cs.employeesWithHard()) {
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
