/**
 * A seeded generator of a whole virksomhet (issue 9 «Scale»): by default 520 employees in 12
 * avdelinger, one 12-month årsturnus per avdeling with a realistic shift mix (D/A/N on weekdays,
 * L or D/A every k-th weekend, a few night workers, three weeks of summer ferie, some autumn ferie,
 * a few courses and meetings, some pinned cells) and a bemanningsplan per avdeling sized from
 * what is planned (so coverage is nearly, not perfectly, met: the vikar need is realistic).
 *
 * Shared by the scale benchmark (scripts/bench-scale.mjs compiles it) and the scale test
 * (test/unit/scale). The same seed gives the same virksomhet.
 */
import { addDays, isoWeekday, toDay, dayTypeOf, type DayNumber } from '../../shared/calendar';
import type { TurnusApi } from '../../shared/api';
import type { DayType, DemandRow, TurnusPlan } from '../../shared/plan/model';
import { DEFAULT_SHIFT_TYPES } from '../../shared/plan/model';
import { createRng, type Rng } from '../../shared/solver/anneal/rng';
import { planEndDate } from '../../electron/backend/store/plans';
import { SAMPLE_FIRST_NAMES as FIRST, SAMPLE_LAST_NAMES as LAST, drawCompetence } from '../../shared/solver/norwegian/generate';

export interface VirksomhetSpec {
  /** Total employees (default 520). */
  employees?: number;
  /** Number of avdelinger (default 12). */
  units?: number;
  /** First day of every plan, a Monday (default 2026-01-05). */
  start?: string;
  seed?: number;
}

export interface GeneratedEmployee {
  /** Stable key inside the virksomhet, e.g. «u3e17»; the database gives the real id. */
  key: string;
  name: string;
  competence: 'sykepleier' | 'helsefagarbeider' | 'assistent';
  position: number;
  wantedPosition?: number;
  consentsLongShifts: boolean;
  nightExempt?: boolean;
  age60plus?: boolean;
  weekendGroup: number;
}

export interface GeneratedCell {
  employee: string; // GeneratedEmployee.key
  date: string;
  code: string;
  pinned?: boolean;
}

export interface GeneratedUnit {
  name: string;
  weekendFrequency: number;
  employees: GeneratedEmployee[];
  demand: DemandRow[];
  planName: string;
  cells: GeneratedCell[];
}

export interface Virksomhet {
  start: string;
  end: string;
  months: 12;
  units: GeneratedUnit[];
}

const UNIT_NAMES = [
  'Solsiden',
  'Fjordglimt',
  'Lyngheia',
  'Bjørkelia',
  'Furulund',
  'Havbris',
  'Åsgården',
  'Kløverenga',
  'Måkeskjæret',
  'Rosenhagen',
  'Tunet',
  'Ørnereiret',
  'Granly',
  'Eikeli',
  'Sjøkanten',
  'Bakkebo',
];
const POSITIONS = [1, 1, 1, 0.8, 0.8, 0.75, 0.75, 0.6, 0.5, 0.4];

/** Splits `total` employees over `n` units of different sizes (about 0.55× to 1.45× the mean). */
export function unitSizes(total: number, n: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => 0.55 + (0.9 * i) / Math.max(1, n - 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  let rest = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = n - 1; rest > 0; i = (i - 1 + n) % n, rest--) sizes[i]++;
  return sizes;
}

type Profile = 'day' | 'evening' | 'mixed' | 'night';

/** One employee's year: weekday shifts by profile, every k-th weekend, ferie, courses. */
function planEmployee(
  rng: Rng,
  e: GeneratedEmployee,
  profile: Profile,
  k: number,
  start: string,
  days: number,
  vacationWeek: number,
  autumnWeek: number | null,
): GeneratedCell[] {
  const out: GeneratedCell[] = [];
  // Shifts per week (D/A 7.5 h, N 9.5 h), a little under the contracted hours because ferie
  // weeks and red days lower the target; over k weeks the weekend gives two.
  const shiftsPerWeek = (0.92 * e.position * 35.5) / (profile === 'night' ? 9.5 : 7.5);
  const weekdayShiftsPerWeek = Math.max(0, (shiftsPerWeek * k - 2) / k);
  let carry = 0;
  for (let w = 0; w * 7 < days; w++) {
    const onVacation = w >= vacationWeek && w < vacationWeek + 3;
    const onAutumn = autumnWeek !== null && w === autumnWeek;
    if (onVacation || onAutumn) {
      // Ferie counts virkedager (Mon–Sat, ferieloven § 5).
      for (let d = 0; d < 6 && 7 * w + d < days; d++) out.push({ employee: e.key, date: addDays(start, 7 * w + d), code: 'FE' });
      continue;
    }
    const weekendWork = w % k === e.weekendGroup;
    carry += weekdayShiftsPerWeek;
    const n = Math.min(5, Math.floor(carry));
    carry -= n;
    // Which weekdays: a block starting at an offset that rotates week by week.
    const chosen: number[] = [];
    const first = (w + e.weekendGroup + rng.int(2)) % 5;
    for (let i = 0; chosen.length < n && i < 5; i++) chosen.push((first + i) % 5);
    chosen.sort((a, b) => a - b);
    chosen.forEach((wd, i) => {
      if (7 * w + wd >= days) return;
      let code: string;
      if (profile === 'night') code = 'N';
      else if (profile === 'day') code = rng.next() < 0.9 ? 'D' : 'A';
      else if (profile === 'evening') code = rng.next() < 0.85 ? 'A' : 'D';
      else code = i < Math.ceil(chosen.length / 2) ? 'D' : 'A'; // D before A keeps the daily rest
      out.push({ employee: e.key, date: addDays(start, 7 * w + wd), code });
    });
    // A course or a meeting on a free weekday now and then.
    const free = [0, 1, 2, 3, 4].filter((d) => !chosen.includes(d) && 7 * w + d < days);
    if (free.length > 0 && rng.next() < 0.06)
      out.push({ employee: e.key, date: addDays(start, 7 * w + free[rng.int(free.length)]), code: rng.next() < 0.6 ? 'KURS' : 'MØTE' });
    if (weekendWork) {
      const code = profile === 'night' ? 'N' : e.consentsLongShifts ? 'L' : profile === 'evening' ? 'A' : 'D';
      for (const d of [5, 6]) if (7 * w + d < days) out.push({ employee: e.key, date: addDays(start, 7 * w + d), code });
    }
  }
  // A few cells the leader has fixed (pinned): the first worked weekend.
  if (rng.next() < 0.15) {
    const idx = out.findIndex((c) => isoWeekday(toDay(c.date)) === 5 && c.code !== 'FE');
    if (idx >= 0) out[idx] = { ...out[idx], pinned: true };
  }
  return out;
}

const DAY_TYPES: DayType[] = ['weekday', 'saturday', 'sunday', 'holiday'];

/**
 * The bemanningsplan of a unit, sized from its planned cells: per day type and shift the mean
 * number planned, rounded up a little (so some shifts stay uncovered: the vikar need), with a
 * sykepleier on every day shift. L counts toward D (DEFAULT_SHIFT_TYPES).
 */
function demandFrom(cells: GeneratedCell[], employees: GeneratedEmployee[], start: string, days: number): DemandRow[] {
  const dayCount: Record<DayType, number> = { weekday: 0, saturday: 0, sunday: 0, holiday: 0 };
  for (let d = 0; d < days; d++) dayCount[dayTypeOf(toDay(addDays(start, d)))]++;
  const planned = new Map<string, number>();
  const dayTypeCache = new Map<string, DayType>();
  for (const c of cells) {
    if (!['D', 'A', 'N', 'L'].includes(c.code)) continue;
    let dt = dayTypeCache.get(c.date);
    if (!dt) {
      dt = dayTypeOf(toDay(c.date) as DayNumber);
      dayTypeCache.set(c.date, dt);
    }
    const shift = c.code === 'L' ? 'D' : c.code;
    planned.set(`${dt}|${shift}`, (planned.get(`${dt}|${shift}`) ?? 0) + 1);
  }
  const nurses = employees.filter((e) => e.competence === 'sykepleier').length;
  const rows: DemandRow[] = [];
  for (const dayType of DAY_TYPES) {
    if (dayCount[dayType] === 0) continue;
    for (const shift of ['D', 'A', 'N']) {
      const mean = (planned.get(`${dayType}|${shift}`) ?? 0) / dayCount[dayType];
      const count = Math.max(1, Math.round(mean * 1.04));
      if (shift === 'D' && nurses > 0 && count > 1) {
        rows.push({ dayType, shift, competence: 'sykepleier', count: 1 });
        rows.push({ dayType, shift, competence: 'any', count: count - 1 });
      } else rows.push({ dayType, shift, competence: 'any', count });
    }
  }
  return rows;
}

export function generateVirksomhet(spec: VirksomhetSpec = {}): Virksomhet {
  const total = spec.employees ?? 520;
  const nUnits = spec.units ?? 12;
  const start = spec.start ?? '2026-01-05';
  if (isoWeekday(toDay(start)) !== 0) throw new RangeError('Startdatoen må være en mandag');
  const end = planEndDate(start, 12);
  const days = toDay(end) - toDay(start) + 1;
  const rng = createRng(spec.seed ?? 2026);
  // Unique names across the virksomhet: walk FIRST × LAST with a stride coprime to both.
  const names: string[] = [];
  for (let i = 0; names.length < total; i++) {
    const f = FIRST[i % FIRST.length];
    const l = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length];
    const n = i < FIRST.length * LAST.length ? `${f} ${l}` : `${f} ${l} ${Math.floor(i / (FIRST.length * LAST.length)) + 1}`;
    if (!names.includes(n)) names.push(n);
  }
  const sizes = unitSizes(total, nUnits);
  const units: GeneratedUnit[] = [];
  let nameAt = 0;
  sizes.forEach((size, u) => {
    const k = u % 4 === 3 ? 4 : 3; // most units every third weekend, some every fourth
    const employees: GeneratedEmployee[] = [];
    const cells: GeneratedCell[] = [];
    for (let i = 0; i < size; i++) {
      const competence = drawCompetence(rng);
      const position = POSITIONS[rng.int(POSITIONS.length)];
      const e: GeneratedEmployee = {
        key: `u${u + 1}e${i + 1}`,
        name: names[nameAt++],
        competence,
        position,
        consentsLongShifts: rng.next() < 0.45,
        weekendGroup: i % k,
      };
      if (position < 1 && rng.next() < 0.45) e.wantedPosition = Math.min(1, position + [0.2, 0.25, 0.4][rng.int(3)]);
      if (rng.next() < 0.08) e.nightExempt = true;
      if (rng.next() < 0.12) e.age60plus = true;
      employees.push(e);
      const profile: Profile = !e.nightExempt && i % 9 === 4 ? 'night' : (['day', 'evening', 'mixed', 'mixed'] as const)[rng.int(4)];
      // Summer ferie in three waves from week 26; a quarter also take a week in October.
      const vacationWeek = 25 + (i % 3) * 2 + rng.int(2);
      const autumnWeek = rng.next() < 0.25 ? 40 + rng.int(2) : null;
      cells.push(...planEmployee(rng, e, profile, k, start, days, vacationWeek, autumnWeek));
    }
    units.push({
      name: `${UNIT_NAMES[u % UNIT_NAMES.length]}${u >= UNIT_NAMES.length ? ` ${Math.floor(u / UNIT_NAMES.length) + 1}` : ''}`,
      weekendFrequency: k,
      employees,
      demand: demandFrom(cells, employees, start, days),
      planName: `Årsturnus ${start.slice(0, 4)}`,
      cells,
    });
  });
  return { start, end, months: 12, units };
}

/** One unit as a plan file v1 (employee ids = keys). */
export function unitPlanFile(v: Virksomhet, unit: GeneratedUnit): TurnusPlan {
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name: unit.name, weekendFrequency: unit.weekendFrequency },
    period: { start: v.start, end: v.end },
    shiftTypes: DEFAULT_SHIFT_TYPES,
    employees: unit.employees.map(({ key, ...e }) => ({ id: key, ...e })),
    demand: unit.demand,
    assignments: unit.cells.map((c) => ({ employee: c.employee, date: c.date, code: c.code, ...(c.pinned ? { pinned: true } : {}) })),
  };
}

/**
 * The whole virksomhet as ONE plan file (all employees, the summed bemanningsplan): the
 * «one 520-employee plan» of the benchmark and the test.
 */
export function wholePlanFile(v: Virksomhet, name = 'Hele virksomheten'): TurnusPlan {
  const sums = new Map<string, DemandRow>();
  for (const u of v.units) {
    for (const r of u.demand) {
      const key = `${r.dayType}|${r.shift}|${r.competence}`;
      const prev = sums.get(key);
      sums.set(key, prev ? { ...prev, count: prev.count + r.count } : { ...r });
    }
  }
  const files = v.units.map((u) => unitPlanFile(v, u));
  return {
    format: 'turnusplan',
    version: 1,
    unit: { name, weekendFrequency: 3 },
    period: { start: v.start, end: v.end },
    shiftTypes: DEFAULT_SHIFT_TYPES,
    employees: files.flatMap((f) => f.employees),
    demand: [...sums.values()],
    assignments: files.flatMap((f) => f.assignments),
  };
}

export interface SeededUnit {
  unitId: number;
  planId: number;
  name: string;
  /** GeneratedEmployee.key → database employee id (as a string, like in TurnusPlan). */
  ids: Map<string, string>;
  cells: number;
}

/**
 * Writes the virksomhet into a Turnus data file through the API (the same calls the UI makes):
 * createUnit, updateUnitSettings, addEmployee, setDemand, createPlan, setCells in chunks.
 */
export async function seedVirksomhet(api: TurnusApi, v: Virksomhet, chunk = 20_000): Promise<SeededUnit[]> {
  const out: SeededUnit[] = [];
  for (const u of v.units) {
    const unit = await api.createUnit(u.name);
    await api.updateUnitSettings(unit.id, { weekendFrequency: u.weekendFrequency });
    const ids = new Map<string, string>();
    for (const { key, ...e } of u.employees) ids.set(key, (await api.addEmployee(unit.id, e)).id);
    await api.setDemand(unit.id, u.demand);
    const plan = await api.createPlan(unit.id, u.planName, v.start, v.months);
    const changes = u.cells.map((c) => ({
      employeeId: ids.get(c.employee)!,
      date: c.date,
      code: c.code,
      ...(c.pinned ? { pinned: true } : {}),
    }));
    for (let i = 0; i < changes.length; i += chunk) await api.setCells(plan.id, changes.slice(i, i + chunk));
    out.push({ unitId: unit.id, planId: plan.id, name: u.name, ids, cells: changes.length });
  }
  return out;
}
