/**
 * Tillegg per plan (KS HTA kap. 1 § 5; domain.md §3.3): per employee, from the shift times of the
 * work shifts dated inside the period, the hours that earn
 * - kveldstillegg (§ 5.4): 17:00–21:00;
 * - nattillegg (§ 5.4): 21:00–06:00;
 * - lørdags- og søndagstillegg (§ 5.2): Saturday 00:00 – Sunday 24:00, except hours that earn
 *   helge- og høytidstillegg (§ 5.1.2: 5.2 and 5.3 are not paid for the same hours);
 * - helge- og høytidstillegg (§ 5.3.1): 00–24 on the holidays and påskeaften; from 12:00 on
 *   onsdag før skjærtorsdag, pinseaften, julaften and nyttårsaften (the KS pay clock, not the
 *   law's window of aml § 10-10).
 * Kvelds- and nattillegg are paid on top of 5.2/5.3 (§ 5.1.2).
 *
 * Rates are a versioned table (validFrom/validTo), all marked unverified: the 2024–26 rates could
 * not be verified (domain.md §3.3 [KONFIG]). `tilleggCost` prices the hours for the plan's
 * period with the rate version in force at its start; `costModelWithPlanTillegg` feeds the plan's
 * tillegg per årsverk and year into the cost model (economics.ts `avgFixedTillegg`).
 *
 * Exported: `TILLEGG_RATES`, `rateFor(date)`, `tilleggHours(index, employeeId)`,
 * `tilleggCost(index, employeeId, model)`, `costModelWithPlanTillegg(model, index)`.
 */

import { type DayNumber, easterSunday, isHoliday, isoWeekday, ymd } from '../calendar';
import { type PlanIndex, type WorkShift, employeeIndex, lowerBound, overlapMinutes, utcOf } from '../plan/plan-index';
import { type CostModel, salaryOf } from './economics';

export interface TilleggRate {
  validFrom: string;
  validTo: string | null;
  /** kr per hour 17–21. */
  eveningPerHour: number;
  /** Share of timelønn and floor (kr/h) 21–06. */
  nightShare: number;
  nightMin: number;
  /** Share of timelønn and floor (kr/h) Saturday/Sunday. */
  weekendShare: number;
  weekendMin: number;
  /** Factor of timelønn per helge-/høytid hour (1⅓). */
  holidayFactor: number;
  verified: boolean;
  source: string;
}

/** KS HTA 2022–24 as published by NSF in 2023 (domain.md §3.3). Not verified for 2024–26. */
export const TILLEGG_RATES: readonly TilleggRate[] = [
  {
    validFrom: '2022-05-01',
    validTo: null,
    eveningPerHour: 56,
    nightShare: 0.25,
    nightMin: 70,
    weekendShare: 0.22,
    weekendMin: 70,
    holidayFactor: 4 / 3,
    verified: false,
    source: 'KS HTA kap. 1 § 5, satser publisert av NSF 2023 (HTA 2022–24); 2024–26 ikke bekreftet [UVERIFISERT]',
  },
];

export function rateFor(date: string): TilleggRate {
  let best = TILLEGG_RATES[0];
  for (const r of TILLEGG_RATES) if (r.validFrom <= date && (r.validTo === null || r.validTo >= date)) best = r;
  return best;
}

export interface TilleggHours {
  evening: number;
  night: number;
  weekend: number;
  holiday: number;
}

const payFromCache = new Map<DayNumber, number | null>();

/** Hour of the day from which helge- og høytidstillegg is paid on `day` (null: not paid). Memoised. */
function holidayPayFrom(day: DayNumber): number | null {
  let v = payFromCache.get(day);
  if (v === undefined) {
    v = computePayFrom(day);
    if (payFromCache.size > 50_000) payFromCache.clear();
    payFromCache.set(day, v);
  }
  return v;
}

function computePayFrom(day: DayNumber): number | null {
  if (isHoliday(day)) return 0;
  const { year, month, day: d } = ymd(day);
  const e = easterSunday(year);
  if (day === e - 1) return 0; // påskeaften: the whole day
  if (day === e - 4 || day === e + 48 || (month === 12 && (d === 24 || d === 31))) return 12;
  return null;
}

function windowsMinutes(start: number, end: number, fromDay: DayNumber, toDay: DayNumber, fromH: number, toH: number): number {
  let m = 0;
  for (let d = fromDay; d <= toDay; d++) m += overlapMinutes(start, end, utcOf(d, fromH * 60), utcOf(d, toH * 60));
  return m;
}

/** Per-shift hours, cached per read-only cell (shared between employees by the index). */
const shiftCache = new WeakMap<WorkShift, TilleggHours>();

export function tilleggHours(index: PlanIndex, employeeId: string): TilleggHours {
  const e = employeeIndex(index, employeeId);
  const out: TilleggHours = { evening: 0, night: 0, weekend: 0, holiday: 0 };
  for (let i = lowerBound(e.shifts, index.startDay); i < e.shifts.length && e.shifts[i].day <= index.endDay; i++) {
    const h = shiftTillegg(e.shifts[i]);
    out.evening += h.evening;
    out.night += h.night;
    out.weekend += h.weekend;
    out.holiday += h.holiday;
  }
  return out;
}

function shiftTillegg(s: WorkShift): TilleggHours {
  let out = shiftCache.get(s);
  if (out) return out;
  out = { evening: 0, night: 0, weekend: 0, holiday: 0 };
  const d0 = s.day - 1,
    d1 = s.day + 1;
  out.evening += windowsMinutes(s.start, s.end, s.day, d1, 17, 21) / 60;
  out.night += windowsMinutes(s.start, s.end, d0, d1, 21, 30) / 60;
  for (let d = s.day; d <= d1; d++) {
    const from = holidayPayFrom(d);
    const dayStart = utcOf(d, 0),
      dayEnd = utcOf(d + 1, 0);
    const hol = from === null ? 0 : overlapMinutes(s.start, s.end, utcOf(d, from * 60), dayEnd);
    out.holiday += hol / 60;
    if (isoWeekday(d) >= 5) out.weekend += (overlapMinutes(s.start, s.end, dayStart, dayEnd) - hol) / 60;
  }
  shiftCache.set(s, out);
  return out;
}

/** Kroner of tillegg for the employee's plan (hourly wage = årslønn / (52 × T), domain.md §3.4). */
export function tilleggCost(index: PlanIndex, employeeId: string, model: CostModel): number {
  const e = employeeIndex(index, employeeId).employee;
  const r = rateFor(index.plan.period.start);
  const hourly = salaryOf(model, e.competence) / (52 * model.weeklyHours);
  const h = tilleggHours(index, employeeId);
  return (
    h.evening * r.eveningPerHour +
    h.night * Math.max(r.nightMin, r.nightShare * hourly) +
    h.weekend * Math.max(r.weekendMin, r.weekendShare * hourly) +
    h.holiday * r.holidayFactor * hourly
  );
}

/**
 * The cost model with `avgFixedTillegg` = the plan's tillegg per årsverk and year: Σ tillegg ÷
 * Σ planned work hours × netto hours of a year at 100 % (≈ 52 × T less vacation; here
 * 46 × T as in the handbook's cross-check [KONFIG]). Unchanged when the plan has no work.
 */
export function costModelWithPlanTillegg(model: CostModel, index: PlanIndex): CostModel {
  let kr = 0,
    hours = 0;
  for (const e of index.employees) {
    kr += tilleggCost(index, e.employee.id, model);
    for (let i = lowerBound(e.shifts, index.startDay); i < e.shifts.length && e.shifts[i].day <= index.endDay; i++)
      hours += e.shifts[i].paidHours;
  }
  if (hours <= 0) return model;
  return { ...model, avgFixedTillegg: (kr / hours) * 46 * model.weeklyHours };
}
