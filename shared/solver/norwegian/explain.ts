/**
 * Norwegian explanations of a generated plan: why each open shift stayed open (counted per
 * candidate and grouped by cause), why a wish was not honoured, and why an employee stayed
 * below her target hours.
 */
import { formatDateNo, isIsoDate, toDay } from '../../calendar';
import type { TurnusPlan } from '../../plan/model';
import { COMPETENCE_LABEL, type Competence } from '../../plan/model';
import { coverage } from '../../metrics/coverage';
import { ANY } from '../../metrics/demand';
import { BLOCKED, EMPTY, type NorwegianState, type Wish } from './model';

/** What changing one cell would do, without keeping it. */
export function probe(
  st: NorwegianState,
  e: number,
  d: number,
  v: number,
): { hard: number; soft: number; cats: number[]; missing: number; hours: number; overLimit: boolean } {
  const missing0 = st.dayMissing[d];
  const m0 = st.plannedMin[e];
  st.begin();
  st.put(e * st.D + d, v);
  const res = {
    hard: st.lastDeltaHard,
    soft: st.lastDeltaSoft,
    cats: Array.from(st.catDelta),
    missing: st.dayMissing[d] - missing0,
    hours: st.hoursCost(e, st.plannedMin[e]) - st.hoursCost(e, m0),
    overLimit: st.overLimit(e) && st.plannedMin[e] > m0,
  };
  st.undo();
  st.begin();
  return res;
}

/** Why an open shift stayed open, in one word (grouping) and in Norwegian. */
export type OpenCause = 'competence' | 'hours' | 'rest' | 'long-consent' | 'night-exempt' | 'weekend-group' | 'mode' | 'other';

export const OPEN_CAUSE_LABEL: Record<OpenCause, string> = {
  competence: 'ikke nok ansatte med riktig kompetanse ledige (fravær, annen vakt eller låst)',
  hours: 'ingen ledige med timer igjen (alle har nådd stillingen sin)',
  rest: 'ingen ledige med hviletid igjen (døgn-/ukehvile, ukegrense, søn-/helgedager, dager på rad)',
  'long-consent': 'ingen ledige som har samtykket til langvakt',
  'night-exempt': 'de ledige er fritatt for nattarbeid',
  'weekend-group': 'de ledige hører til en annen helgegruppe',
  mode: 'de ledige cellene skulle ikke endres (reparasjon endrer bare celler i et brudd, nyplanlegging bare datoområdet)',
  other: 'vakten ble stående åpen fordi planen ellers ble dårligere totalt',
};

export interface OpenShift {
  date: string;
  shift: string;
  competence: string;
  missing: number;
  /** Norwegian explanation. */
  reason: string;
  cause: OpenCause;
}

export interface IgnoredWish {
  wish: Wish;
  reason: string;
}

const BUSY = ['har fravær', 'har allerede vakt', 'har en låst celle'];

function causeOfText(text: string): OpenCause {
  if (text === 'har nådd stillingen sin') return 'hours';
  if (text === 'har ikke samtykket til langvakt') return 'long-consent';
  if (text === 'er fritatt for nattarbeid') return 'night-exempt';
  if (text === 'ville arbeidet en annen helgegruppes helg') return 'weekend-group';
  if (text === 'ville gitt en dårligere plan totalt') return 'other';
  if (text === 'endres ikke i denne kjøringen') return 'mode';
  if (BUSY.includes(text)) return 'competence';
  return 'rest';
}

function compLabel(c: string, plural: boolean): string {
  if (c === ANY) return plural ? 'ansatte' : 'ansatt';
  const l = (COMPETENCE_LABEL as Record<string, string>)[c as Competence];
  const base = (l ?? c).toLowerCase();
  return plural ? (base.endsWith('er') ? base : `${base}e`) : base;
}

export function dateShort(date: string): string {
  return formatDateNo(date, true);
}

/** What stops employee e from taking shift s on day d (null: nothing — she could take it). */
export function blocker(state: NorwegianState, e: number, d: number, s: number | undefined): string | null {
  const plan = state.env.plan;
  const emp = plan.employees[e];
  const i = e * state.D + d;
  const v = state.g[i];
  if (v === BLOCKED) return 'har fravær';
  if (v >= 0) return 'har allerede vakt';
  if (!state.editable[i]) return state.pinned[i] ? 'har en låst celle' : 'endres ikke i denne kjøringen';
  if (s === undefined || !state.allowed[e * (state.S + 1) + s + 1]) {
    const t = s === undefined ? undefined : plan.shiftTypes[s];
    if (t?.long && emp.consentsLongShifts !== true) return 'har ikke samtykket til langvakt';
    if (emp.nightExempt) return 'er fritatt for nattarbeid';
    return 'kan ikke ha denne vakttypen';
  }
  const p = probe(state, e, d, s);
  // Reaching the position (target + accepted tolerance) is the leader's first answer.
  if (state.overLimit(e) || p.overLimit) return 'har nådd stillingen sin';
  if (p.hard > 0) {
    let worst = 0;
    for (let c = 1; c < p.cats.length; c++) if (p.cats[c] > p.cats[worst]) worst = c;
    return state.categoryText(worst)[0];
  }
  return null;
}

/** Norwegian reasons for every uncovered shift of the result. */
export function explainOpenShifts(plan: TurnusPlan, state: NorwegianState): OpenShift[] {
  const cov = coverage(plan);
  const out: OpenShift[] = [];
  const sIdx = new Map(plan.shiftTypes.map((s, i) => [s.code, i]));
  for (const u of cov.uncovered) {
    const d = toDay(u.date) - state.startDay;
    const s = sIdx.get(u.shift);
    const counts = new Map<string, number>();
    const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
    let candidates = 0;
    plan.employees.forEach((emp, e) => {
      if (u.competence !== ANY && emp.competence !== u.competence) return;
      candidates++;
      bump(blocker(state, e, d, s) ?? 'ville gitt en dårligere plan totalt');
    });
    const who = compLabel(u.competence, true);
    const date = dateShort(u.date);
    let reason: string;
    let cause: OpenCause = 'competence';
    if (candidates === 0) reason = `Ingen ${who} i enheten kan ta ${u.shift}-vakten ${date}.`;
    else if (counts.size === 1) {
      const [k] = [...counts.keys()];
      cause = causeOfText(k);
      reason = `Ingen ${compLabel(u.competence, false)} er ledig til ${u.shift}-vakten ${date}: alle ${candidates} ${k}.`;
    } else {
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
      const parts = ranked.map(([k, n]) => `${n} ${k}`);
      const free = ranked.filter(([k]) => !BUSY.includes(k));
      cause = free.length > 0 ? causeOfText(free[0][0]) : 'competence';
      const busy = BUSY.reduce((t, k) => t + (counts.get(k) ?? 0), 0);
      const reached = counts.get('har nådd stillingen sin') ?? 0;
      if (reached > 0 && busy + reached === candidates)
        reason = `Ingen ${who} kunne ta ${u.shift}-vakten ${date}: alle ledige med riktig kompetanse har nådd stillingen sin (${parts.join(', ')}).`;
      else reason = `Ingen ${who} kunne ta ${u.shift}-vakten ${date}: ${parts.join(', ')}.`;
    }
    out.push({ date: u.date, shift: u.shift, competence: u.competence, missing: u.missing, reason, cause });
  }
  return out;
}

/** Open shifts grouped by cause, most shifts first. */
export function groupOpenShifts(open: readonly OpenShift[]): { cause: OpenCause; label: string; shifts: number }[] {
  const m = new Map<OpenCause, number>();
  for (const o of open) m.set(o.cause, (m.get(o.cause) ?? 0) + o.missing);
  return [...m].sort((a, b) => b[1] - a[1]).map(([cause, shifts]) => ({ cause, label: OPEN_CAUSE_LABEL[cause], shifts }));
}

/** Why employee e is below her target: the open shifts on her free days and what stops her. */
export function shortfallReason(state: NorwegianState, open: readonly OpenShift[], e: number): string {
  const plan = state.env.plan;
  const emp = plan.employees[e];
  const sIdx = new Map(plan.shiftTypes.map((s, i) => [s.code, i]));
  const counts = new Map<string, number>();
  let could = 0;
  let considered = 0;
  for (const o of open) {
    if (o.competence !== ANY && o.competence !== emp.competence) continue;
    const d = toDay(o.date) - state.startDay;
    const b = blocker(state, e, d, sIdx.get(o.shift));
    if (b === 'har allerede vakt' || b === 'har fravær' || b === 'har en låst celle' || b === 'endres ikke i denne kjøringen') continue;
    considered++;
    if (b === null) could++;
    else counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  if (considered === 0) return 'ingen åpen vakt i bemanningsplanen på dager hun er ledig';
  if (could === 0) {
    const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n})`);
    return `ingen ledig vakt hun lovlig kunne ta; på de ${considered} åpne vaktene på hennes ledige dager ${parts.join(', ')}`;
  }
  return `${could} åpne vakter kunne vært hennes, men søket fant ingen plan med dem innen tiden`;
}

export function explainWishes(wishes: readonly Wish[], state: NorwegianState, eIdx: Map<string, number>): IgnoredWish[] {
  const out: IgnoredWish[] = [];
  const codes = state.codes;
  for (const w of wishes) {
    const e = eIdx.get(w.employee);
    if (e === undefined || !isIsoDate(w.date)) {
      out.push({ wish: w, reason: `Ønsket gjelder en ukjent ansatt eller dato (${w.employee}, ${w.date}).` });
      continue;
    }
    const d = toDay(w.date) - state.startDay;
    if (d < 0 || d >= state.D) {
      out.push({ wish: w, reason: `Ønsket ${dateShort(w.date)} ligger utenfor planperioden.` });
      continue;
    }
    const i = e * state.D + d;
    const v = state.g[i];
    const wanted = w.kind === 'off' ? EMPTY : w.code !== undefined ? codes.indexOf(w.code) : -3;
    const met = w.kind === 'off' ? v < 0 : v >= 0 && (w.code === undefined || codes[v] === w.code);
    if (met) continue;
    const what =
      w.kind === 'off' ? `Ønsket fri ${dateShort(w.date)}` : `Ønsket ${w.code ?? ''}-vakt ${dateShort(w.date)}`.replace('  ', ' ');
    if (!state.editable[i]) {
      out.push({ wish: w, reason: `${what} ble ikke innfridd: cellen er låst eller har fravær.` });
      continue;
    }
    if (wanted === -3) {
      out.push({ wish: w, reason: `${what} ble ikke innfridd: vakttypen finnes ikke i planen.` });
      continue;
    }
    if (wanted >= 0 && !state.allowed[e * (state.S + 1) + wanted + 1]) {
      out.push({
        wish: w,
        reason: `${what} ble ikke innfridd: den ansatte kan ikke ha denne vakttypen (langvakt uten samtykke, nattfritak eller for lang vakt).`,
      });
      continue;
    }
    const p = probe(state, e, d, wanted);
    let reason: string;
    if (p.hard > 0) {
      let worst = 0;
      for (let c = 1; c < p.cats.length; c++) if (p.cats[c] > p.cats[worst]) worst = c;
      reason = `den ansatte ${state.categoryText(worst)[1]}`;
    } else if (p.missing > 0) reason = `vakten trengs for å dekke bemanningsplanen, og ${whyNobodyElse(state, e, d, v)}`;
    else if (p.hours > 0)
      reason =
        w.kind === 'off'
          ? 'den ansatte ville fått for få timer i forhold til stillingen'
          : 'den ansatte ville fått flere timer enn stillingen';
    else reason = 'andre hensyn i planen (dekning, helgerytme og andre ønsker) veide tyngre';
    out.push({ wish: w, reason: `${what} ble ikke innfridd: ${reason}.` });
  }
  return out;
}

/** Why no colleague of the same competence could take shift v on day d instead of employee e. */
function whyNobodyElse(state: NorwegianState, e: number, d: number, v: number): string {
  if (v < 0) return 'ingen andre var ledige';
  let free = 0;
  let reached = 0;
  let rules = 0;
  for (let o = 0; o < state.E; o++) {
    if (o === e || state.empComp[o] !== state.empComp[e]) continue;
    const i = o * state.D + d;
    if (!state.editable[i] || state.g[i] !== EMPTY || !state.allowed[o * (state.S + 1) + v + 1]) continue;
    free++;
    const p = probe(state, o, d, v);
    if (state.overLimit(o) || p.overLimit) reached++;
    else if (p.hard > 0) rules++;
  }
  if (free === 0) return 'ingen andre var ledige';
  if (reached === free) return 'de andre som var ledige, har nådd stillingen sin';
  if (reached + rules === free) return 'de andre som var ledige, kunne ikke ta den uten å bryte en regel eller nå over stillingen sin';
  return 'ingen andre kunne ta den uten at planen ble dårligere totalt';
}
