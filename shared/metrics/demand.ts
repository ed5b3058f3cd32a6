/**
 * The bemanningsplan resolved per date (plan-format.md «Day types»): an explicit `date` row
 * replaces all other rows for that date; otherwise `holiday` rows apply on holidays; otherwise
 * `saturday` / `sunday`; otherwise `weekday`. Rows with the same shift and competence add up.
 */
import { type DayNumber, isoWeekday, toDay } from '../calendar';
import type { DayType, DemandRow, ShiftType } from '../plan/model';
import { dayString, isHolidayDay, paidHours } from '../plan/plan-index';

export const ANY = 'any';

/** Need on one date for one shift code and one competence ('any' or a named competence). */
export interface DemandNeed {
  shift: string;
  competence: string;
  count: number;
}

export const DAY_TYPE_LABEL: Record<DayType, string> = {
  weekday: 'Hverdag',
  saturday: 'Lørdag',
  sunday: 'Søndag',
  holiday: 'Helligdag',
};

/** The demand rows of a bemanningsplan grouped for fast lookup by date. */
export interface DemandTable {
  byDate: Map<string, DemandRow[]>;
  byDayType: Record<DayType, DemandRow[]>;
}

export function demandTable(rows: readonly DemandRow[]): DemandTable {
  const t: DemandTable = { byDate: new Map(), byDayType: { weekday: [], saturday: [], sunday: [], holiday: [] } };
  for (const r of rows) {
    if (r.date !== undefined) {
      const list = t.byDate.get(r.date) ?? [];
      list.push(r);
      t.byDate.set(r.date, list);
    } else if (r.dayType) {
      t.byDayType[r.dayType].push(r);
    }
  }
  return t;
}

/**
 * Which day type's rows apply on a date, after the precedence rules. Holidays fall back to
 * saturday/sunday/weekday rows only when the bemanningsplan has no holiday rows at all.
 */
export function demandSourceOf(table: DemandTable, day: DayNumber): 'date' | DayType {
  if (table.byDate.size > 0 && table.byDate.has(dayString(day))) return 'date';
  // dayTypeOf (calendar.ts) with the memoised holiday lookup of the hot loops.
  const w = isoWeekday(day);
  if (isHolidayDay(day) && table.byDayType.holiday.length > 0) return 'holiday';
  return w === 5 ? 'saturday' : w === 6 ? 'sunday' : 'weekday';
}

/** The demand that applies on a date, summed per (shift, competence), in first-seen order. */
export function demandOn(table: DemandTable, day: DayNumber): DemandNeed[] {
  const src = demandSourceOf(table, day);
  const rows = src === 'date' ? table.byDate.get(dayString(day))! : table.byDayType[src];
  const out: DemandNeed[] = [];
  const at = new Map<string, DemandNeed>();
  for (const r of rows) {
    const key = `${r.shift}\u0000${r.competence}`;
    const n = at.get(key);
    if (n) n.count += r.count;
    else {
      const need = { shift: r.shift, competence: r.competence, count: r.count };
      at.set(key, need);
      out.push(need);
    }
  }
  return out.filter((n) => n.count > 0);
}

/** Demand shift codes that an assigned shift code fills: its own code, then its `countsToward` codes. */
export function fillsCodes(shiftTypes: ReadonlyMap<string, ShiftType>, code: string): string[] {
  const t = shiftTypes.get(code);
  return [code, ...(t?.countsToward ?? []).filter((c) => c !== code)];
}

/** Demand hours in an average week, by day type (the helgekalkulator's input). */
export interface WeeklyDemandHours {
  weekday: number;
  saturday: number;
  sunday: number;
  /** 5 × weekday + saturday + sunday. */
  total: number;
  /** saturday + sunday. */
  weekend: number;
  /** r = (saturday + sunday) / 2 ÷ weekday. */
  weekendRatio: number;
}

/**
 * Demand hours of an average week (no holidays, no date rows): 5 × weekday + saturday + sunday,
 * each row count × the shift's paid hours on an ordinary (non daylight-saving) date.
 * Input for the helgekalkulator on a real bemanningsplan.
 */
export function weeklyDemandHours(rows: readonly DemandRow[], shiftTypes: readonly ShiftType[]): WeeklyDemandHours {
  const types = new Map(shiftTypes.map((s) => [s.code, s]));
  const refDay = toDay('2026-01-07'); // a Wednesday far from any daylight-saving change
  const sum = (type: DayType) =>
    rows
      .filter((r) => r.date === undefined && r.dayType === type)
      .reduce((s, r) => {
        const st = types.get(r.shift);
        return s + (st ? r.count * paidHours(st, refDay) : 0);
      }, 0);
  const weekday = sum('weekday');
  const saturday = sum('saturday');
  const sunday = sum('sunday');
  return {
    weekday,
    saturday,
    sunday,
    total: 5 * weekday + saturday + sunday,
    weekend: saturday + sunday,
    weekendRatio: weekday > 0 ? (saturday + sunday) / 2 / weekday : Number.POSITIVE_INFINITY,
  };
}
