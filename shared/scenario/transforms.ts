/**
 * Pilot scenarios (issue 7): a scenario is a named copy of a unit's staff, agreements,
 * bemanningsplan and plan, expressed as a `TurnusPlan` plus metadata and the list of transforms
 * that made it from its base. Every transform is pure: it returns a new plan and a Norwegian log,
 * and never touches its input.
 */
import { isoWeekday, toDay } from '../calendar';
import { DEFAULT_SHIFT_TYPES, type DayType, type DemandRow, type Employee, type TurnusPlan } from '../plan/model';
import { paidHours } from '../plan/plan-index';
import { involuntaryGap } from '../metrics/positions';

export type Transform =
  /** Raise positions to a level (never lowers). `employees: 'wantsMore'` = everyone in ufrivillig deltid (involuntaryGap). */
  | { kind: 'raisePositions'; employees: string[] | 'wantsMore'; level: number | 'wanted' }
  /** Merge the weekend-only positions of each competence into one position. */
  | { kind: 'mergeWeekendOnly'; maxPosition?: number }
  /**
   * Switch weekends from short shifts (7.5 h, every 3rd) to langvakt (12.5 h, every 4th):
   * weekend demand rows of `fromShifts` become L rows with the same demand hours (rounded up
   * to whole shifts), and the weekend shifts of consenting employees become L.
   */
  | { kind: 'switchToLongWeekends'; fromShifts?: string[]; longShift?: string; frequency?: number; includeHolidays?: boolean }
  | { kind: 'setWeekendFrequency'; frequency: number | null }
  /** Replace the whole bemanningsplan. */
  | { kind: 'setDemand'; rows: DemandRow[] }
  /** Set or change the count of matching demand rows (adds a row when none matches and `count` is given). */
  | { kind: 'adjustDemand'; dayType?: DayType; date?: string; shift: string; competence?: string; count?: number; delta?: number };

export const TRANSFORM_LABEL: Record<Transform['kind'], string> = {
  raisePositions: 'Øk stillinger',
  mergeWeekendOnly: 'Slå sammen rene helgestillinger',
  switchToLongWeekends: 'Langvakter i helgene (12,5 t hver 4. helg)',
  setWeekendFrequency: 'Endre helgefrekvens',
  setDemand: 'Ny bemanningsplan',
  adjustDemand: 'Endre bemanningsplanen',
};

export interface ScenarioMeta {
  id: string;
  /** Norwegian name shown in the comparison. */
  name: string;
  description?: string;
  /** Id of the scenario or plan it was made from. */
  baseId?: string;
}

export interface Scenario {
  meta: ScenarioMeta;
  plan: TurnusPlan;
  transforms: Transform[];
  /** Norwegian log of what the transforms did. */
  log: string[];
}

export interface TransformResult {
  plan: TurnusPlan;
  log: string[];
}

function clonePlan(plan: TurnusPlan): TurnusPlan {
  return structuredClone(plan);
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10} %`.replace('.', ',');
}

/** Applies one transform to a copy of the plan. Throws a RangeError (Norwegian) on bad parameters. */
export function applyTransform(input: TurnusPlan, t: Transform): TransformResult {
  const plan = clonePlan(input);
  const log: string[] = [];
  switch (t.kind) {
    case 'raisePositions': {
      if (t.level !== 'wanted' && !(t.level > 0 && t.level <= 1)) throw new RangeError('level: stillingsnivået må være mellom 0 og 1');
      const ids =
        t.employees === 'wantsMore'
          ? plan.employees.filter((e) => involuntaryGap(e.wantedPosition, e.position) > 0).map((e) => e.id)
          : t.employees;
      for (const id of ids) {
        const e = plan.employees.find((x) => x.id === id);
        if (!e) throw new RangeError(`employees: ukjent ansatt «${id}»`);
        const level = t.level === 'wanted' ? (e.wantedPosition ?? e.position) : t.level;
        if (level > e.position) {
          log.push(`${e.name}: stilling ${pct(e.position)} → ${pct(level)}`);
          e.position = level;
        }
      }
      if (log.length === 0) log.push('Ingen stillinger ble økt.');
      break;
    }
    case 'mergeWeekendOnly': {
      const max = t.maxPosition ?? 1;
      const start = toDay(plan.period.start),
        end = toDay(plan.period.end);
      const workCodes = new Set(plan.shiftTypes.map((s) => s.code));
      const weekendOnly = plan.employees.filter((e) => {
        const mine = plan.assignments.filter(
          (a) => a.employee === e.id && workCodes.has(a.code) && toDay(a.date) >= start && toDay(a.date) <= end,
        );
        return mine.length > 0 && mine.every((a) => isoWeekday(toDay(a.date)) >= 5);
      });
      const byComp = new Map<string, Employee[]>();
      for (const e of weekendOnly) byComp.set(e.competence, [...(byComp.get(e.competence) ?? []), e]);
      for (const [comp, group] of byComp) {
        if (group.length < 2) continue;
        const keeper = group[0];
        const rest = group.slice(1);
        const restIds = new Set(rest.map((e) => e.id));
        const taken = new Set(plan.assignments.filter((a) => a.employee === keeper.id).map((a) => a.date));
        const dropped: string[] = [];
        plan.assignments = plan.assignments.filter((a) => {
          if (!restIds.has(a.employee)) return true;
          if (taken.has(a.date)) {
            dropped.push(`${a.date} ${a.code}`);
            return false;
          }
          taken.add(a.date);
          a.employee = keeper.id;
          return true;
        });
        const total = group.reduce((s, e) => s + e.position, 0);
        const name = `${group.map((e) => e.name).join(' + ')}`;
        keeper.position = Math.min(max, total);
        keeper.wantedPosition = Math.max(keeper.wantedPosition ?? 0, keeper.position);
        keeper.consentsLongShifts = group.every((e) => e.consentsLongShifts === true);
        plan.employees = plan.employees.filter((e) => !restIds.has(e.id));
        log.push(`${comp}: ${name} slått sammen til én stilling på ${pct(keeper.position)} (${keeper.name})`);
        if (dropped.length) log.push(`  Vakter som kolliderte og nå er udekket: ${dropped.join(', ')}`);
      }
      if (log.length === 0) log.push('Ingen rene helgestillinger å slå sammen (trenger minst to med samme kompetanse).');
      break;
    }
    case 'switchToLongWeekends': {
      const from = new Set(t.fromShifts ?? ['D', 'A']);
      const longCode = t.longShift ?? 'L';
      let long = plan.shiftTypes.find((s) => s.code === longCode);
      if (!long) {
        const def = DEFAULT_SHIFT_TYPES.find((s) => s.code === 'L')!;
        long = { ...def, code: longCode };
        plan.shiftTypes.push(long);
        log.push(`La til vakttypen ${longCode} (${long.start}–${long.end}).`);
      }
      const refDay = toDay('2026-01-07');
      const longHours = paidHours(long, refDay);
      const hoursOf = (code: string) => {
        const st = plan.shiftTypes.find((s) => s.code === code);
        return st ? paidHours(st, refDay) : 0;
      };
      const types: DayType[] = t.includeHolidays === false ? ['saturday', 'sunday'] : ['saturday', 'sunday', 'holiday'];
      const next: DemandRow[] = [];
      for (const type of types) {
        const rows = plan.demand.filter((r) => r.date === undefined && r.dayType === type && from.has(r.shift));
        if (rows.length === 0) continue;
        const byComp = new Map<string, number>();
        for (const r of rows) byComp.set(r.competence, (byComp.get(r.competence) ?? 0) + r.count * hoursOf(r.shift));
        for (const [competence, hours] of byComp) {
          const count = Math.ceil(hours / longHours - 1e-9);
          next.push({ dayType: type, shift: longCode, competence, count });
          log.push(`Bemanningsplan ${type}: ${hours} t på ${[...from].join('/')} (${competence}) → ${count} ${longCode}`);
        }
      }
      plan.demand = plan.demand.filter((r) => !(r.date === undefined && r.dayType && types.includes(r.dayType) && from.has(r.shift)));
      // Existing L rows on those day types add to the converted ones.
      for (const n of next) {
        const same = plan.demand.find(
          (r) => r.date === undefined && r.dayType === n.dayType && r.shift === n.shift && r.competence === n.competence,
        );
        if (same) same.count += n.count;
        else plan.demand.push(n);
      }
      const consenting = new Set(plan.employees.filter((e) => e.consentsLongShifts === true).map((e) => e.id));
      let converted = 0;
      for (const a of plan.assignments) {
        if (!from.has(a.code) || !consenting.has(a.employee) || a.pinned) continue;
        if (isoWeekday(toDay(a.date)) < 5) continue;
        a.code = longCode;
        converted++;
      }
      log.push(`${converted} helgevakter gjort om til ${longCode} for ansatte som har samtykket til langvakter.`);
      const k = t.frequency ?? 4;
      plan.unit.weekendFrequency = k;
      log.push(`Helgefrekvens: hver ${k}. helg.`);
      break;
    }
    case 'setWeekendFrequency': {
      if (t.frequency === null) {
        delete plan.unit.weekendFrequency;
        log.push('Helgefrekvens fjernet.');
      } else {
        if (!(Number.isInteger(t.frequency) && t.frequency >= 1 && t.frequency <= 12))
          throw new RangeError('frequency: helgefrekvensen må være et heltall fra 1 til 12');
        plan.unit.weekendFrequency = t.frequency;
        log.push(`Helgefrekvens: hver ${t.frequency}. helg.`);
      }
      break;
    }
    case 'setDemand': {
      for (const [i, r] of t.rows.entries()) {
        if (!(Number.isInteger(r.count) && r.count >= 0)) throw new RangeError(`rows[${i}].count: antallet må være et heltall ≥ 0`);
        if ((r.date === undefined) === (r.dayType === undefined)) throw new RangeError(`rows[${i}]: oppgi enten dayType eller date`);
      }
      plan.demand = structuredClone(t.rows);
      log.push(`Ny bemanningsplan med ${t.rows.length} rader.`);
      break;
    }
    case 'adjustDemand': {
      if (t.count === undefined && t.delta === undefined) throw new RangeError('count: oppgi count eller delta');
      const comp = t.competence ?? 'any';
      const rows = plan.demand.filter(
        (r) =>
          r.shift === t.shift &&
          r.competence === comp &&
          (t.date !== undefined ? r.date === t.date : r.date === undefined && r.dayType === t.dayType),
      );
      if (rows.length === 0) {
        if (t.count === undefined) throw new RangeError(`shift: ingen rad i bemanningsplanen for ${t.shift} (${comp}) å endre`);
        const row: DemandRow =
          t.date !== undefined
            ? { date: t.date, shift: t.shift, competence: comp, count: t.count }
            : { dayType: t.dayType ?? 'weekday', shift: t.shift, competence: comp, count: t.count };
        plan.demand.push(row);
        log.push(`Ny rad: ${t.date ?? t.dayType ?? 'weekday'} ${t.shift} (${comp}) = ${t.count}`);
      } else {
        for (const r of rows) {
          const before = r.count;
          r.count = Math.max(0, t.count ?? r.count + (t.delta ?? 0));
          log.push(`${t.date ?? t.dayType} ${t.shift} (${comp}): ${before} → ${r.count}`);
        }
      }
      break;
    }
  }
  return { plan, log };
}

/** A scenario from a base plan and a list of transforms, applied in order. */
export function createScenario(base: TurnusPlan, meta: ScenarioMeta, transforms: Transform[] = []): Scenario {
  let plan = clonePlan(base);
  const log: string[] = [];
  for (const t of transforms) {
    const r = applyTransform(plan, t);
    plan = r.plan;
    log.push(`${TRANSFORM_LABEL[t.kind]}:`, ...r.log.map((l) => `  ${l}`));
  }
  return { meta, plan, transforms: structuredClone(transforms), log };
}
