/**
 * Cover-preserving pair re-plan of the Curtois solver (issue 20, small instances): for two
 * employees, the set of days on which they exchange their cells is chosen by dynamic programming
 * over the days (2^D choices). An exchange leaves every day's cover as it is, so only the
 * requests of the two rows and their hard rules change; the DP tracks both rows' runs (max and
 * min consecutive shifts, min days off), forbidden successions and the first row's total minutes
 * (the second's follow: their sum is fixed), and takes weekends and per-type maxima as Lagrangian
 * penalties that grow until both rows keep them. It finds combinations of exchanges on several
 * separate days at once that no single block swap reaches, where the cover's weight (100 per
 * missing shift on Instance1–12) freezes every move that changes the cover.
 */
import type { CurtoisCore } from './core';

/** Minute states beyond the final range a partial sum may wander (in units of the gcd). */
const MARGIN_UNITS = 2;
/** The final range of the minute change is capped at ± this many units (bounds the DP's size). */
const MAX_UNITS = 40;

/**
 * Exchange the cells of e1 and e2 on the days the DP chooses; false when nothing changes.
 * The caller judges the result with the incremental score (weekends and per-type maxima are
 * penalties in the DP, so the proposal may still break them when the iterations run out).
 */
export function swapPair(cs: CurtoisCore, e1: number, e2: number): boolean {
  const { D, S } = cs;
  const b1 = e1 * D;
  const b2 = e2 * D;
  // Days on which an exchange is possible and changes something; the minute change per day.
  const can = new Uint8Array(D);
  let g = 0;
  let any = false;
  for (let d = 0; d < D; d++) {
    const v1 = cs.a[b1 + d];
    const v2 = cs.a[b2 + d];
    if (v1 === v2 || !cs.canTake(e1, d, v2) || !cs.canTake(e2, d, v1)) continue;
    can[d] = 1;
    any = true;
    const diff = Math.abs(lenOf(cs, v2) - lenOf(cs, v1));
    if (diff > 0) g = gcd(g, diff);
  }
  if (!any) return false;
  const m1 = cs.minutes[e1];
  const m2 = cs.minutes[e2];
  // The first row's minute change δ (units of g) must keep both rows within their bounds
  // (no exchange changes the minutes when g = 0).
  const lo = g === 0 ? 0 : Math.max(-MAX_UNITS, Math.ceil((cs.minMin[e1] - m1) / g), Math.ceil((m2 - cs.maxMin[e2]) / g));
  const hi = g === 0 ? 0 : Math.min(MAX_UNITS, Math.floor((cs.maxMin[e1] - m1) / g), Math.floor((m2 - cs.minMin[e2]) / g));
  if (lo > 0 || hi < 0) return false;
  if (g === 0) g = 1;
  const margin = lo === hi ? 0 : MARGIN_UNITS;
  const cLo = lo - margin;
  const NC = hi - lo + 1 + 2 * margin;
  const lw = [0, 0];
  const lt = [new Float64Array(S), new Float64Array(S)];
  let bits: Uint8Array | null = null;
  for (let iter = 0; iter < 6; iter++) {
    const found = pairDP(cs, e1, e2, can, g, cLo, NC, lo, hi, lw, lt);
    if (!found) break;
    bits = found;
    // Weekends and per-type counts of both rows with these exchanges.
    let ok = true;
    for (const [k, e, other] of [
      [0, e1, e2],
      [1, e2, e1],
    ]) {
      const row = (d: number) => (bits![d] ? cs.a[other * D + d] : cs.a[e * D + d]);
      let we = 0;
      for (let sat = 5; sat < cs.W * 7; sat += 7) if (row(sat) >= 0 || row(sat + 1) >= 0) we++;
      if (we > cs.maxWe[e]) {
        lw[k] = lw[k] > 0 ? lw[k] * 2 : 5;
        ok = false;
      }
      const counts = new Int32Array(S);
      for (let d = 0; d < D; d++) if (row(d) >= 0) counts[row(d)]++;
      for (let t = 0; t < S; t++) {
        if (counts[t] > cs.maxCnt[e * S + t]) {
          lt[k][t] = lt[k][t] > 0 ? lt[k][t] * 2 : 5;
          ok = false;
        }
      }
    }
    if (ok) break;
  }
  if (!bits) return false;
  for (let d = 0; d < D; d++) {
    if (!bits[d]) continue;
    const v1 = cs.a[b1 + d];
    const v2 = cs.a[b2 + d];
    cs.put(b1 + d, v2);
    cs.put(b2 + d, v1);
  }
  return cs.log.length > 0;
}

const lenOf = (cs: CurtoisCore, v: number): number => (v >= 0 ? cs.len[v] : 0);

/** The DP of swapPair: per day, 1 where the cells are exchanged; null when no plan keeps the rules. */
function pairDP(
  cs: CurtoisCore,
  e1: number,
  e2: number,
  can: Uint8Array,
  g: number,
  cLo: number,
  NC: number,
  lo: number,
  hi: number,
  lw: number[],
  lt: Float64Array[],
): Uint8Array | null {
  const { D, S } = cs;
  const b1 = e1 * D;
  const b2 = e2 * D;
  const maxC1 = Math.max(1, cs.maxCons[e1]);
  const maxC2 = Math.max(1, cs.maxCons[e2]);
  const minO1 = Math.max(1, cs.minOff[e1]);
  const minO2 = Math.max(1, cs.minOff[e2]);
  const NS1 = maxC1 + minO1;
  const NS2 = maxC2 + minO2;
  // State index: ((s1 × NS2 + s2) × NC + c) × 2 + bit (bit: exchanged on the day just planned).
  const size = NS1 * NS2 * NC * 2;
  let cur = new Float64Array(size).fill(Infinity);
  let nxt = new Float64Array(size).fill(Infinity);
  const parent = new Int32Array(D * size);
  const cost = (e: number, d: number, v: number, k: number, prevOff: boolean): number => {
    let c = cs.pref[(e * D + d) * (S + 1) + v + 1];
    if (v >= 0) {
      c += lt[k][v];
      const wd = d < cs.W * 7 ? d % 7 : -1;
      if (wd === 5 || (wd === 6 && prevOff)) c += lw[k];
    }
    return c;
  };
  /** Next run state after a day with (work = true) or without a shift; −1 when a rule breaks. */
  const step = (st: number, work: boolean, d: number, maxC: number, minC: number, minO: number): number => {
    const working = st < maxC;
    const len = working ? st + 1 : st - maxC + 1;
    if (work) {
      if (working) return len + 1 <= maxC ? len : -1;
      return len >= minO || len === d ? 0 : -1;
    }
    if (!working) return maxC + Math.min(minO, len + 1) - 1;
    return len >= minC || len === d ? maxC : -1;
  };
  const dMin = (c: number) => c - cLo;
  for (let d = 0; d < D; d++) {
    const a1 = cs.a[b1 + d];
    const a2 = cs.a[b2 + d];
    const du = (lenOf(cs, a2) - lenOf(cs, a1)) / g;
    const pBase = d * size;
    if (d > 0) nxt.fill(Infinity);
    for (let bit = 0; bit <= can[d]; bit++) {
      const v1 = bit ? a2 : a1;
      const v2 = bit ? a1 : a2;
      if (d === 0) {
        const c = dMin(bit ? du : 0);
        if (c < 0 || c >= NC) continue;
        const s1 = v1 >= 0 ? 0 : maxC1;
        const s2 = v2 >= 0 ? 0 : maxC2;
        cur[((s1 * NS2 + s2) * NC + c) * 2 + bit] = cost(e1, 0, v1, 0, true) + cost(e2, 0, v2, 1, true);
        continue;
      }
      const p1a = cs.a[b1 + d - 1];
      const p2a = cs.a[b2 + d - 1];
      for (let pb = 0; pb < 2; pb++) {
        const p1 = pb ? p2a : p1a;
        const p2 = pb ? p1a : p2a;
        if (p1 >= 0 && v1 >= 0 && cs.forbid[p1 * S + v1]) continue;
        if (p2 >= 0 && v2 >= 0 && cs.forbid[p2 * S + v2]) continue;
        for (let s1 = 0; s1 < NS1; s1++) {
          const n1 = step(s1, v1 >= 0, d, maxC1, cs.minCons[e1], minO1);
          if (n1 < 0) continue;
          const c1 = cost(e1, d, v1, 0, s1 >= maxC1);
          for (let s2 = 0; s2 < NS2; s2++) {
            const n2 = step(s2, v2 >= 0, d, maxC2, cs.minCons[e2], minO2);
            if (n2 < 0) continue;
            const c12 = c1 + cost(e2, d, v2, 1, s2 >= maxC2);
            const fromBase = (s1 * NS2 + s2) * NC;
            const toBase = (n1 * NS2 + n2) * NC;
            for (let c = 0; c < NC; c++) {
              const from = (fromBase + c) * 2 + pb;
              const v = cur[from];
              if (v === Infinity) continue;
              const c2 = bit ? c + du : c;
              if (c2 < 0 || c2 >= NC) continue;
              const to = (toBase + c2) * 2 + bit;
              const nv = v + c12;
              if (nv < nxt[to]) {
                nxt[to] = nv;
                parent[pBase + to] = from;
              }
            }
          }
        }
      }
    }
    if (d > 0) {
      const t = cur;
      cur = nxt;
      nxt = t;
    }
  }
  let bestEnd = -1;
  let bestVal = Infinity;
  for (let st = 0; st < NS1 * NS2; st++) {
    for (let c = dMin(lo); c <= dMin(hi); c++) {
      for (let bit = 0; bit < 2; bit++) {
        const at = (st * NC + c) * 2 + bit;
        if (cur[at] < bestVal) {
          bestVal = cur[at];
          bestEnd = at;
        }
      }
    }
  }
  if (bestEnd < 0) return null;
  const bits = new Uint8Array(D);
  let at = bestEnd;
  for (let d = D - 1; d >= 0; d--) {
    bits[d] = at & 1;
    if (d > 0) at = parent[d * size + at];
  }
  return bits;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return Math.abs(a);
}
