/**
 * Weekend start of the greedy (weekend rhythm only): each weekend's open slots (the Friday
 * shifts that reach into Saturday, every Saturday and Sunday shift) may only go to the weekend's
 * group, and one person's shifts on those days must leave the daily rest between them (a
 * Saturday N rules out a Sunday D). Per weekend an exact dynamic programme over the group's free
 * members chooses for each of them one shift or none per day so that the most open slot hours
 * are covered (then: the fewest hours used), and lays that assignment before any weekday is
 * filled: the members' hours go to the weekends only they may work. A member's options are the
 * shift combinations the model accepts without a hard violation in the current plan (rest,
 * hours band, consent, night exemption, fixed cells), so everything laid is legal.
 */
import { WEEKEND_MIN_OVERLAP_MINUTES } from '../../plan/weekends';
import { EMPTY } from './terms/index';
import type { MoveState } from './moves';
import { weekendInfo } from './terms/weekend';

/** Largest state space and work (states × options) of one weekend's programme; a larger weekend is left to the greedy. */
const MAX_STATES = 1 << 18;
const MAX_WORK = 2e7;

interface Slot {
  day: number;
  shift: number;
  comp: number;
  count: number;
  minutes: number;
}

/** One way a member can work the weekend: cells to lay and the slot each one fills. */
interface Combo {
  cells: number[];
  codes: number[];
  slots: number[];
  value: number;
}

/** The weekend's open slots by (day, shift, competence). */
function openSlots(st: MoveState, days: number[], sat: number): Slot[] {
  const { cov, env } = st;
  const slots: Slot[] = [];
  const left = new Int32Array(64);
  for (const d of days) {
    const n0 = cov.needStart[d];
    const n1 = cov.needStart[d + 1];
    if (n1 === n0) continue;
    const out = n1 - n0 <= left.length ? left : new Int32Array(n1 - n0);
    cov.needsLeft(d, out);
    for (let n = n0; n < n1; n++) {
      const count = out[n - n0];
      const s = cov.needShift[n];
      if (count <= 0) continue;
      if (d < sat && env.end(d, s) - env.dayStart(sat) <= WEEKEND_MIN_OVERLAP_MINUTES) continue;
      const same = slots.find((x) => x.day === d && x.shift === s && x.comp === cov.needComp[n]);
      if (same) same.count += count;
      else slots.push({ day: d, shift: s, comp: cov.needComp[n], count, minutes: env.paid(d, s) });
    }
  }
  return slots;
}

/** The combinations of e's free days the model accepts (no hard violation), each with its slots. */
function combosOf(st: MoveState, e: number, days: number[], slots: Slot[]): Combo[] {
  const { D, S, cov } = st;
  // Options per day: none, or (shift, slot) pairs that pass alone.
  const perDay: { code: number; slot: number }[][] = days.map((d) => {
    const opts = [{ code: EMPTY, slot: -1 }];
    const i = e * D + d;
    if (!st.editable[i] || st.g[i] !== EMPTY) return opts;
    for (let x = 0; x < S; x++) {
      if (!st.canTake(e, d, x)) continue;
      let any = false;
      slots.forEach((sl, k) => {
        if (sl.day !== d || !cov.fills(x, sl.shift) || (sl.comp >= 0 && sl.comp !== st.empComp[e])) return;
        opts.push({ code: x, slot: k });
        any = true;
      });
      if (any && !legal(st, [i], [x])) while (opts.length > 1 && opts[opts.length - 1].code === x) opts.pop();
    }
    return opts;
  });
  const combos: Combo[] = [];
  const cells: number[] = [];
  const codes: number[] = [];
  const picked: number[] = [];
  const walk = (j: number): void => {
    if (j === days.length) {
      if (picked.length === 0) return;
      if (cells.length > 1 && !legal(st, cells, codes)) return;
      let value = 0;
      for (const k of picked) value += slots[k].minutes * 1000;
      for (let c = 0; c < cells.length; c++) value -= st.env.paid(cells[c] % D, codes[c]);
      combos.push({ cells: [...cells], codes: [...codes], slots: [...picked], value });
      return;
    }
    for (const o of perDay[j]) {
      if (o.code !== EMPTY) {
        cells.push(e * D + days[j]);
        codes.push(o.code);
        picked.push(o.slot);
      }
      walk(j + 1);
      if (o.code !== EMPTY) {
        cells.pop();
        codes.pop();
        picked.pop();
      }
    }
  };
  walk(0);
  return combos;
}

/** Does laying these cells keep the model free of new hard violations? */
function legal(st: MoveState, cells: number[], codes: number[]): boolean {
  st.begin();
  for (let c = 0; c < cells.length; c++) st.put(cells[c], codes[c]);
  const ok = st.lastDeltaHard <= 0;
  st.undo();
  return ok;
}

/** Lay the best assignment of weekend j's group to its open slots. */
function planWeekend(st: MoveState, j: number): void {
  const info = weekendInfo(st.env);
  const sat = info.sat[j];
  const grp = info.group[j];
  const days = [sat - 1, sat, sat + 1].filter((d) => d >= 0 && d < st.D);
  const slots = openSlots(st, days, sat);
  if (slots.length === 0) return;
  const mult: number[] = [];
  let size = 1;
  for (const s of slots) {
    mult.push(size);
    size *= s.count + 1;
    if (size > MAX_STATES) return;
  }
  const members: number[] = [];
  const options: Combo[][] = [];
  for (let e = 0; e < st.E; e++) {
    const eg = info.empGroup[e];
    if (eg >= 0 && eg !== grp) continue;
    const c = combosOf(st, e, days, slots);
    if (c.length === 0) continue;
    members.push(e);
    options.push(c);
  }
  if (members.length === 0) return;
  let work = 0;
  for (const o of options) work += size * o.length;
  if (work > MAX_WORK) return;
  // State: slots used so far (mixed radix). best[m][state] after member m; choice for the way back.
  const NONE = -Infinity;
  let best = new Float64Array(size).fill(NONE);
  best[0] = 0;
  const choice: Int16Array[] = [];
  const from: Int32Array[] = [];
  for (let m = 0; m < members.length; m++) {
    const next = Float64Array.from(best);
    const ch = new Int16Array(size).fill(-1);
    const fr = new Int32Array(size).fill(-1);
    const opts = options[m];
    for (let s = 0; s < size; s++) {
      const v = best[s];
      if (v === NONE) continue;
      for (let o = 0; o < opts.length; o++) {
        let ns = s;
        let ok = true;
        for (const k of opts[o].slots) {
          if (Math.floor(ns / mult[k]) % (slots[k].count + 1) === slots[k].count) {
            ok = false;
            break;
          }
          ns += mult[k];
        }
        if (!ok || next[ns] >= v + opts[o].value) continue;
        next[ns] = v + opts[o].value;
        ch[ns] = o;
        fr[ns] = s;
      }
    }
    choice.push(ch);
    from.push(fr);
    best = next;
  }
  let s = 0;
  for (let x = 1; x < size; x++) if (best[x] > best[s]) s = x;
  // Back through the members: lay each chosen combination that is still legal.
  for (let m = members.length - 1; m >= 0; m--) {
    const o = choice[m][s];
    if (o < 0) continue;
    const c = options[m][o];
    s = from[m][s];
    st.begin();
    for (let k = 0; k < c.cells.length; k++) st.put(c.cells[k], c.codes[k]);
    if (st.lastDeltaHard > 0) st.undo();
  }
  st.begin();
}

/** Plan every weekend of the rhythm (in order) by its exact assignment. */
export function constructWeekends(st: MoveState): void {
  const info = weekendInfo(st.env);
  if (info.k <= 0) return;
  for (let j = 0; j < info.sat.length; j++) if (info.group[j] >= 0) planWeekend(st, j);
}
