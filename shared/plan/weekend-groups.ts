/**
 * Weekend groups of the Askermodellen rhythm (plan-format.md «Weekend groups»): with
 * `unit.weekendFrequency` = k the weekends are numbered from the weekend of `unit.weekendAnchor`
 * (0 there, 1 the next, −1 the one before); weekend n belongs to group n mod k. The default anchor
 * is the first Saturday of the period whose Sunday is in the period too.
 *
 * Exported functions:
 * - `weekendAnchorOf(plan): DayNumber | null` — the anchor Saturday (null: no weekend in period),
 *   by shared/plan/weekends.ts's `weekendAnchorOf` (the one numbering of the weekends).
 * - `weekendIndex(saturday, anchor): number` — n of the weekend of a date (`weekendNumber`).
 * - `groupOfWeekend(n, k): number` — n mod k in 0 … k−1 (also for negative n), re-exported.
 * - `groupWeekends(plan, group, k?): DayNumber[]` — Saturdays of the period's weekends of a group.
 * - `weekendFrequencyOf(plan)` — unit.weekendFrequency, default 4 (Askermodellen).
 * - `weekendDayHours(plan, employee): number` — paid hours the person works on one weekend day:
 *   the langvakt with consent, else the longest ordinary day shift the weekend demand uses.
 * - `balanceWeekendGroups(employees, k, opts?)` — groups balanced on langvakt consent,
 *   sykepleiere, night exemption, weekend hours vs demand and head count, moving as few as it can.
 */
import { type DayNumber, toDay, weekendsIn } from '../calendar';
import { COMPETENCES, type Employee, type TurnusPlan } from './model';
import { paidHours, shiftTypeSpan } from './plan-index';
import { groupOfWeekend, weekendAnchorOf as anchorOfPeriod, weekendNumber } from './weekends';

export { groupOfWeekend, saturdayOfWeek, weekendNumber as weekendIndex } from './weekends';

export const DEFAULT_WEEKEND_FREQUENCY = 4;

export function weekendFrequencyOf(plan: Pick<TurnusPlan, 'unit'>): number {
  const k = plan.unit.weekendFrequency;
  return typeof k === 'number' && Number.isInteger(k) && k >= 1 ? k : DEFAULT_WEEKEND_FREQUENCY;
}

/**
 * The anchor Saturday: `unit.weekendAnchor` (any date names the weekend of its week), else the
 * first Saturday of the period whose Sunday is in the period; null when the period has none.
 */
export function weekendAnchorOf(plan: Pick<TurnusPlan, 'unit' | 'period'>): DayNumber | null {
  return anchorOfPeriod({ plan, startDay: toDay(plan.period.start), endDay: toDay(plan.period.end) }) ?? null;
}

/** Saturdays of the period's weekends (Saturday and Sunday both in the period) of one group. */
export function groupWeekends(plan: Pick<TurnusPlan, 'unit' | 'period'>, group: number, k = weekendFrequencyOf(plan)): DayNumber[] {
  const anchor = weekendAnchorOf(plan);
  if (anchor === null) return [];
  return weekendsIn(toDay(plan.period.start), toDay(plan.period.end)).filter(
    (sat) => groupOfWeekend(weekendNumber(sat, anchor), k) === group,
  );
}

/** A Saturday far from any daylight-saving change, for the hours of an ordinary weekend day. */
const REF_SATURDAY = toDay('2026-01-10');

/**
 * Paid hours the employee works on one worked weekend day: the unit's langvakt when she has
 * consented and the unit has one; otherwise the longest non-long day shift (within 06–24) that
 * the weekend demand asks for, else the longest such shift of the unit, else 7.5.
 */
export function weekendDayHours(plan: Pick<TurnusPlan, 'shiftTypes' | 'demand'>, e: Employee): number {
  const long = plan.shiftTypes.find((t) => t.long);
  if (e.consentsLongShifts && long) return paidHours(long, REF_SATURDAY);
  const weekendCodes = new Set(plan.demand.filter((r) => r.dayType === 'saturday' || r.dayType === 'sunday').map((r) => r.shift));
  const dayTypes = plan.shiftTypes.filter((t) => {
    const s = shiftTypeSpan(t);
    return !t.long && s.start >= 6 * 60 && s.end <= 24 * 60;
  });
  const hoursOf = (ts: typeof dayTypes) => Math.max(0, ...ts.map((t) => paidHours(t, REF_SATURDAY)));
  return hoursOf(dayTypes.filter((t) => weekendCodes.has(t.code))) || hoursOf(dayTypes) || 7.5;
}

// ---------------------------------------------------------------------------------------------
// Balancing

export interface BalanceOptions {
  /** Existing groups (default: each employee's `weekendGroup`); kept where the balance allows. */
  current?: ReadonlyMap<string, number>;
  /** Demand hours of one weekend (Saturday + Sunday); 0 or absent = not considered. */
  weekendDemandHours?: number;
  /** Hours the person can give on one worked weekend (default: 25 with langvakt consent, else 15). */
  weekendHoursOf?: (e: Employee) => number;
}

const NAME_ORDER = new Intl.Collator('nb', { sensitivity: 'base' });
const competenceRank = (e: Employee) => {
  const i = (COMPETENCES as readonly string[]).indexOf(e.competence);
  return i < 0 ? COMPETENCES.length : i;
};

export const isSykepleier = (e: Pick<Employee, 'competence'>): boolean => e.competence === 'sykepleier';

/** Default weekend hours: two langvakter (2 × 12.5) with consent, else two 7.5 h shifts. */
export function defaultWeekendHours(e: Employee): number {
  return e.consentsLongShifts ? 25 : 15;
}

/**
 * An assignment of people to groups with its per-group counts kept up to date, so a move or a
 * swap costs O(k) to evaluate. People with the same signature (consent, sykepleier, night
 * exemption, weekend hours) are interchangeable for the balance; per group and signature they are
 * kept in insertion order, so the search is deterministic.
 */
class Balance {
  readonly consent: number[];
  readonly syk: number[];
  readonly night: number[];
  readonly size: number[];
  readonly cap: number[];
  moved = 0;
  readonly sig: string[];
  readonly members: Map<string, Set<number>>[];

  constructor(
    private readonly emps: readonly Employee[],
    private readonly hours: readonly number[],
    k: number,
    private readonly demand: number,
    private readonly original: readonly number[],
    readonly group: number[],
  ) {
    const zero = () => new Array<number>(k).fill(0);
    this.consent = zero();
    this.syk = zero();
    this.night = zero();
    this.size = zero();
    this.cap = zero();
    this.members = Array.from({ length: k }, () => new Map());
    this.sig = emps.map((e, i) => `${e.consentsLongShifts ? 1 : 0}${isSykepleier(e) ? 1 : 0}${e.nightExempt ? 1 : 0}|${hours[i]}`);
    for (const [i, g] of group.entries()) this.add(i, g, 1);
  }

  private add(i: number, g: number, sign: 1 | -1): void {
    const e = this.emps[i];
    this.size[g] += sign;
    this.cap[g] += sign * this.hours[i];
    if (e.consentsLongShifts) this.consent[g] += sign;
    if (isSykepleier(e)) this.syk[g] += sign;
    if (e.nightExempt) this.night[g] += sign;
    if (g !== this.original[i]) this.moved += sign;
    let set = this.members[g].get(this.sig[i]);
    if (!set) {
      set = new Set();
      this.members[g].set(this.sig[i], set);
    }
    if (sign > 0) set.add(i);
    else set.delete(i);
  }

  move(i: number, g: number): void {
    this.add(i, this.group[i], -1);
    this.group[i] = g;
    this.add(i, g, 1);
  }

  /**
   * Lexicographic cost, lower is better: Σ x² per group of each count is smallest exactly when
   * the count differs by at most 1 between groups, and every move from a fuller to an emptier
   * group lowers it (a max − min spread would stall on plateaus).
   */
  cost(): number[] {
    const sq = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0);
    const shortfall = this.demand > 0 ? this.cap.reduce((s, c) => s + Math.max(0, this.demand - c), 0) : 0;
    return [sq(this.consent) + sq(this.syk), sq(this.night), Math.round(shortfall * 100), sq(this.size), this.moved];
  }

  /** The member of (g, sig) best moved to h: one whose own group is h, else one not at home in g. */
  rep(g: number, sig: string, h: number): number {
    let fallback = -1,
      any = -1;
    for (const i of this.members[g].get(sig) ?? []) {
      if (this.original[i] === h) return i;
      if (any < 0) any = i;
      if (fallback < 0 && this.original[i] !== g) fallback = i;
    }
    return fallback >= 0 ? fallback : any;
  }

  sigsOf(g: number): string[] {
    return [...this.members[g]]
      .filter(([, set]) => set.size > 0)
      .map(([sig]) => sig)
      .sort();
  }
}

const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
const isBalanced = (b: Balance) => spread(b.consent) <= 1 && spread(b.syk) <= 1;

function less(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * A balanced deal: langvakt-consenting sykepleiere first, then consenters who are not
 * sykepleiere forward from there, sykepleiere without consent backward from group k−1, so both
 * consenters and sykepleiere lie on a contiguous cyclic run (each group gets ⌊n/k⌋ or ⌈n/k⌉);
 * everyone else to the smallest group.
 */
function dealt(emps: readonly Employee[], k: number): number[] {
  const out = new Array<number>(emps.length).fill(-1);
  const size = new Array<number>(k).fill(0);
  const idx = emps.map((_, i) => i);
  const both = idx.filter((i) => emps[i].consentsLongShifts && isSykepleier(emps[i]));
  const consentOnly = idx.filter((i) => emps[i].consentsLongShifts && !isSykepleier(emps[i]));
  const sykOnly = idx.filter((i) => !emps[i].consentsLongShifts && isSykepleier(emps[i]));
  let pos = 0;
  for (const i of [...both, ...consentOnly]) {
    out[i] = pos % k;
    size[pos % k]++;
    pos++;
  }
  let back = k - 1;
  for (const i of sykOnly) {
    const g = ((back % k) + k) % k;
    out[i] = g;
    size[g]++;
    back--;
  }
  // Night-exempt first so they spread, then the rest, each to the smallest group.
  const rest = idx.filter((i) => out[i] < 0).sort((a, b) => Number(!!emps[b].nightExempt) - Number(!!emps[a].nightExempt) || a - b);
  for (const i of rest) {
    let g = 0;
    for (let j = 1; j < k; j++) if (size[j] < size[g]) g = j;
    out[i] = g;
    size[g]++;
  }
  return out;
}

/** Best single move or pair swap, repeated while the cost improves (deterministic order). */
function improve(b: Balance, k: number): number[] {
  let best = b.cost();
  for (let iter = 0; iter < 10 * b.group.length + 10; iter++) {
    let bestOp: [number, number, number, number] | null = null; // i → gi, j → gj (j = −1: a move)
    let bestCost = best;
    const sigs = Array.from({ length: k }, (_, g) => b.sigsOf(g));
    for (let g = 0; g < k; g++) {
      for (const sa of sigs[g]) {
        for (let h = 0; h < k; h++) {
          if (h === g) continue;
          const i = b.rep(g, sa, h);
          b.move(i, h);
          const c = b.cost();
          b.move(i, g);
          if (less(c, bestCost)) {
            bestCost = c;
            bestOp = [i, h, -1, -1];
          }
          if (h < g) continue;
          for (const sb of sigs[h]) {
            const j = b.rep(h, sb, g);
            b.move(i, h);
            b.move(j, g);
            const c2 = b.cost();
            b.move(j, h);
            b.move(i, g);
            if (less(c2, bestCost)) {
              bestCost = c2;
              bestOp = [i, h, j, g];
            }
          }
        }
      }
    }
    if (!bestOp) break;
    b.move(bestOp[0], bestOp[1]);
    if (bestOp[2] >= 0) b.move(bestOp[2], bestOp[3]);
    best = bestCost;
  }
  return b.group;
}

/**
 * Weekend groups 0 … k−1 for the employees. Keeps each valid existing group where the balance
 * allows and moves as few people as it can; guarantees that the number of langvakt consenters and
 * of sykepleiere differ by at most 1 between groups. Then balances night-exempt people, the
 * weekend hours each group can give against `weekendDemandHours`, and the head count.
 * Deterministic for the same input.
 */
export function balanceWeekendGroups(employees: readonly Employee[], k: number, opts: BalanceOptions = {}): Map<string, number> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`Helgefrekvensen må være et helt tall fra 1 (fikk ${k}).`);
  const emps = employees.slice();
  const hours = emps.map((e) => (opts.weekendHoursOf ?? defaultWeekendHours)(e));
  const demand = opts.weekendDemandHours ?? 0;
  const currentOf = (e: Employee) => (opts.current ? opts.current.get(e.id) : e.weekendGroup);
  const original = emps.map((e) => {
    const g = currentOf(e);
    return typeof g === 'number' && Number.isInteger(g) && g >= 0 && g < k ? g : -1;
  });
  // Start: existing groups; the others, sykepleiere first and then by name, to the smallest group.
  const size = new Array<number>(k).fill(0);
  for (const g of original) if (g >= 0) size[g]++;
  const start = original.slice();
  const unplaced = emps
    .map((_, i) => i)
    .filter((i) => original[i] < 0)
    .sort((a, b) => competenceRank(emps[a]) - competenceRank(emps[b]) || NAME_ORDER.compare(emps[a].name, emps[b].name) || a - b);
  for (const i of unplaced) {
    let s = 0;
    for (let j = 1; j < k; j++) if (size[j] < size[s]) s = j;
    size[s]++;
    start[i] = s;
  }
  const first = new Balance(emps, hours, k, demand, original, start);
  let groups = improve(first, k);
  if (!isBalanced(first)) groups = improve(new Balance(emps, hours, k, demand, original, dealt(emps, k)), k);
  return new Map(emps.map((e, i) => [e.id, groups[i]]));
}
