/**
 * Views of the coverage (coverage.ts) that the screens and the review pack read: coverage per
 * weekend, and what covers each known absence (a colleague or a vikar).
 */
import { type DayNumber, isoWeekday, weekendsIn } from '../calendar';
import { type PlanIndex, dayString, isHolidayDay } from '../plan/plan-index';
import type { CoverageResult, DayCoverage, SlotCoverage } from './coverage';

// ---------------------------------------------------------------------------------------------
// Weekend coverage

export interface WeekendDayCoverage {
  date: string;
  needed: number;
  filled: number;
  missing: number;
}

export interface WeekendShiftCoverage {
  shift: string;
  saturday: WeekendDayCoverage;
  sunday: WeekendDayCoverage;
}

export interface WeekendCoverage {
  /** Saturday of the weekend. */
  saturday: string;
  sunday: string;
  shifts: WeekendShiftCoverage[];
  needed: number;
  missing: number;
  missingHours: number;
  /** Distinct employees working a shift dated on the Saturday or the Sunday. */
  heads: number;
}

/** Every weekend of the plan (Saturday and Sunday inside the period), per shift code. */
export function weekendCoverage(cov: CoverageResult, index: PlanIndex): WeekendCoverage[] {
  const out: WeekendCoverage[] = [];
  const dayOf = new Map(cov.days.map((d) => [d.day, d]));
  for (const sat of weekendsIn(index.startDay, index.endDay)) {
    const days = [dayOf.get(sat), dayOf.get(sat + 1)];
    const codes: string[] = [];
    for (const d of days)
      for (const s of d?.slots ?? []) if (!codes.includes(s.shift) && (s.needed > 0 || s.planned > 0)) codes.push(s.shift);
    const cell = (d: DayCoverage | undefined, code: string, date: string): WeekendDayCoverage => {
      const s = d?.slots.find((x) => x.shift === code);
      return { date, needed: s?.needed ?? 0, filled: s?.filled ?? 0, missing: s?.missing ?? 0 };
    };
    const saturday = dayString(sat),
      sunday = dayString(sat + 1);
    const shifts = codes.map((code) => ({ shift: code, saturday: cell(days[0], code, saturday), sunday: cell(days[1], code, sunday) }));
    const heads = new Set<string>();
    for (const e of index.employees) {
      if (e.cells.get(sat)?.kind === 'work' || e.cells.get(sat + 1)?.kind === 'work') heads.add(e.employee.id);
    }
    let missingHours = 0;
    for (const d of days) for (const s of d?.slots ?? []) missingHours += s.missing * s.hours;
    out.push({
      saturday,
      sunday,
      shifts,
      needed: (days[0]?.needed ?? 0) + (days[1]?.needed ?? 0),
      missing: (days[0]?.missing ?? 0) + (days[1]?.missing ?? 0),
      missingHours,
      heads: heads.size,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Who covers planned absence

export type AbsenceCoverStatus = 'dekket' | 'vikar' | 'uten-behov' | 'ukjent-vakt';

export const ABSENCE_COVER_LABEL: Record<AbsenceCoverStatus, string> = {
  dekket: 'Dekket av fast ansatt',
  vikar: 'Overlatt til vikar',
  'uten-behov': 'Ingen behov på vakten',
  'ukjent-vakt': 'Ingen vanlig vakt å erstatte',
};

export interface AbsenceCover {
  employee: string;
  date: string;
  /** Absence code (FE, PERM, KURS …). */
  code: string;
  kind: string;
  /**
   * The absent person's usual shift on this kind of day: her most frequent work code on the
   * same day type (weekday, Saturday, Sunday/holiday) in the plan, else her most frequent code.
   */
  usualShift: string | null;
  status: AbsenceCoverStatus;
  /** Permanent employees who fill that shift's need on the date. */
  coveredBy: string[];
  /** Missing people on that shift on the date (left to vikar). */
  missing: number;
  /** Vikar hours on that shift on the date attributable to the absence (0 or the shift's hours). */
  vikarHours: number;
}

/** Sundays and holidays together (2), Saturdays (1), other days (0). */
function dayKind(day: DayNumber): number {
  if (isoWeekday(day) === 6 || isHolidayDay(day)) return 2; // isRedDay, memoised
  return isoWeekday(day) === 5 ? 1 : 0;
}

/** Ids of everyone who fills a need of the slot, need by need (what `needs.flatMap(n => n.filledBy)` gives, without its cost). */
function filledByOf(slot: SlotCoverage): string[] {
  const ids: string[] = [];
  for (const n of slot.needs) for (const id of n.filledBy) ids.push(id);
  return ids;
}

/**
 * For each planned absence day of each employee: the absent person's usual shift that day and
 * whether its need is covered by permanent staff or left to vikar.
 */
export function absenceCover(cov: CoverageResult, index: PlanIndex): AbsenceCover[] {
  const out: AbsenceCover[] = [];
  for (const e of index.employees) {
    if (e.absences.length === 0) continue;
    const byKind: Map<string, number>[] = [new Map(), new Map(), new Map()];
    const all = new Map<string, number>();
    for (const s of e.shifts) {
      const k = dayKind(s.day);
      byKind[k].set(s.code, (byKind[k].get(s.code) ?? 0) + 1);
      all.set(s.code, (all.get(s.code) ?? 0) + 1);
    }
    const top = (m: Map<string, number>): string | null => {
      let best: string | null = null,
        n = 0;
      for (const [c, v] of m)
        if (v > n) {
          best = c;
          n = v;
        }
      return best;
    };
    // The usual shift per kind of day, found once per employee (undefined: not yet computed).
    const usualOf: (string | null | undefined)[] = [undefined, undefined, undefined];
    for (const a of e.absences) {
      if (a.day < index.startDay || a.day > index.endDay) continue;
      const k = dayKind(a.day);
      let usual = usualOf[k];
      if (usual === undefined) usual = usualOf[k] = top(byKind[k]) ?? top(all);
      const date = dayString(a.day);
      const slot = usual ? cov.slotIndex.get(`${date}|${usual}`) : undefined;
      let status: AbsenceCoverStatus;
      if (!usual) status = 'ukjent-vakt';
      else if (!slot || slot.needed === 0) status = 'uten-behov';
      else status = slot.missing > 0 ? 'vikar' : 'dekket';
      out.push({
        employee: e.employee.id,
        date,
        code: a.code,
        kind: a.absence.kind,
        usualShift: usual,
        status,
        coveredBy: slot ? filledByOf(slot) : [],
        missing: slot?.missing ?? 0,
        vikarHours: status === 'vikar' && slot ? slot.hours : 0,
      });
    }
  }
  return out;
}
