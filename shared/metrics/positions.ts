/**
 * Position sizes before and after the plan (plan-format.md «Heltidsandel», «Resulting position»;
 * domain.md § 1, § 8.1): contracted vs resulting position per employee, heltidsandel and
 * average position, ufrivillig deltid and how much of it the plan removes, small and
 * weekend-only positions.
 */
import { isoWeekday } from '../calendar';
import { DEFAULT_HELTID_THRESHOLD, type TurnusPlan } from '../plan/model';
import { fullTimeHours, plannedHours, resultingPosition, targetHours } from '../plan/hours';
import { type PlanIndex, indexPlan } from '../plan/plan-index';

/** Below this a position counts as small (domain.md § 6.3 reading 1: weekend need forces small positions). */
export const SMALL_POSITION = 0.5;
/** A wish counts as met when the position is within half a percentage point of it. */
export const WISH_TOLERANCE = 0.005;

export interface EmployeePosition {
  id: string;
  name: string;
  competence: string;
  /** Contracted stillingsprosent (fraction). */
  contracted: number;
  /** Planned hours ÷ full-time netto hours: what the plan actually gives. */
  resulting: number;
  /** resulting − contracted. */
  change: number;
  wanted: number | null;
  plannedHours: number;
  targetHours: number;
  /** Netto hours at 100 % for this employee in the period. */
  fullTimeHours: number;
  /** plannedHours − targetHours (timebank). */
  balance: number;
  heltidContracted: boolean;
  heltidResulting: boolean;
  /** involuntaryGap(wanted, contracted): ufrivillig deltid before the plan. */
  involuntaryBefore: number;
  /** involuntaryGap(wanted, resulting): ufrivillig deltid with the plan (also after a raise the plan does not fill). */
  involuntaryAfter: number;
  smallContracted: boolean;
  smallResulting: boolean;
  /** Has work shifts and all of them are dated Saturday or Sunday. */
  weekendOnly: boolean;
}

export interface PairStat {
  contracted: number;
  resulting: number;
}

export interface UnitPositions {
  employees: number;
  threshold: number;
  heltidsandel: PairStat;
  averagePosition: PairStat;
  /** Σ positions (årsverk). */
  arsverk: PairStat;
  involuntary: {
    /** Employees with wanted > contracted. */
    countBefore: number;
    /** Employees whose resulting position is still below the wish. */
    countAfter: number;
    /** Σ (wanted − contracted) over those with a wish above the contract (årsverk). */
    gapBefore: number;
    /** Σ involuntaryAfter over every employee with a wish. */
    gapAfter: number;
    /** gapBefore − gapAfter. */
    removed: number;
    /** max(0, removed) ÷ gapBefore (1 when there was no gap before or after, 0 when the plan leaves a gap that was not there). */
    removedShare: number;
  };
  smallPositions: PairStat;
  weekendOnly: number;
}

export interface PositionsResult {
  employees: EmployeePosition[];
  unit: UnitPositions;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}

/**
 * Ufrivillig deltid, the one definition every screen, the PSU summary and the review pack use:
 * how much larger a position the employee wants than the one measured (fraction; 0 when she
 * wants no more, or the difference is within WISH_TOLERANCE). Before the plan the measure is the
 * contract; after it, the position the plan gives (planned hours ÷ full time), so a raise on
 * paper that the plan does not fill still counts as ufrivillig deltid.
 */
export function involuntaryGap(wanted: number | null | undefined, position: number): number {
  if (wanted === null || wanted === undefined) return 0;
  const gap = wanted - position;
  return gap > WISH_TOLERANCE ? gap : 0;
}

/** Average position (gjennomsnittlig stillingsstørrelse): the mean of the positions; 0 for none. */
export function averagePosition(positions: readonly number[]): number {
  return mean([...positions]);
}

/**
 * Betalt stilling: the larger of the contract and the position the plan gives (hours planned
 * beyond the contract are paid too). The one definition the ledgers, the Asker 2030 targets and
 * the comparison use.
 */
export function paidPosition(e: { contracted: number; resulting: number }): number {
  return Math.max(e.contracted, e.resulting);
}

/** Heltidsandel: share of positions ≥ threshold. */
export function heltidsandel(positions: readonly number[], threshold: number): number {
  return positions.length ? positions.filter((p) => p >= threshold - 1e-9).length / positions.length : 0;
}

export function positions(planOrIndex: TurnusPlan | PlanIndex): PositionsResult {
  const index = 'byId' in planOrIndex ? (planOrIndex as PlanIndex) : indexPlan(planOrIndex as TurnusPlan);
  const plan = index.plan;
  const threshold = plan.unit.heltidThreshold ?? DEFAULT_HELTID_THRESHOLD;
  const employees: EmployeePosition[] = index.employees.map(({ employee: e, shifts }) => {
    const contracted = e.position;
    const resulting = resultingPosition(index, e.id);
    const wanted = e.wantedPosition ?? null;
    const planned = plannedHours(index, e.id);
    const target = targetHours(index, e.id);
    const inPeriod = shifts.filter((s) => s.day >= index.startDay && s.day <= index.endDay);
    const involuntaryBefore = involuntaryGap(wanted, contracted);
    const after = involuntaryGap(wanted, resulting);
    return {
      id: e.id,
      name: e.name,
      competence: e.competence,
      contracted,
      resulting,
      change: resulting - contracted,
      wanted,
      plannedHours: planned,
      targetHours: target,
      fullTimeHours: fullTimeHours(index, e.id),
      balance: planned - target,
      heltidContracted: contracted >= threshold - 1e-9,
      heltidResulting: resulting >= threshold - 1e-9,
      involuntaryBefore,
      involuntaryAfter: after,
      smallContracted: contracted < SMALL_POSITION,
      smallResulting: resulting < SMALL_POSITION,
      weekendOnly: inPeriod.length > 0 && inPeriod.every((s) => isoWeekday(s.day) >= 5),
    };
  });
  const c = employees.map((e) => e.contracted);
  const r = employees.map((e) => e.resulting);
  const gapBefore = employees.reduce((s, e) => s + e.involuntaryBefore, 0);
  const gapAfter = employees.reduce((s, e) => s + e.involuntaryAfter, 0);
  return {
    employees,
    unit: {
      employees: employees.length,
      threshold,
      heltidsandel: { contracted: heltidsandel(c, threshold), resulting: heltidsandel(r, threshold) },
      averagePosition: { contracted: averagePosition(c), resulting: averagePosition(r) },
      arsverk: { contracted: c.reduce((s, x) => s + x, 0), resulting: r.reduce((s, x) => s + x, 0) },
      involuntary: {
        countBefore: employees.filter((e) => e.involuntaryBefore > 0).length,
        countAfter: employees.filter((e) => e.involuntaryAfter > 0).length,
        gapBefore,
        gapAfter,
        removed: gapBefore - gapAfter,
        removedShare: gapBefore > 0 ? Math.max(0, gapBefore - gapAfter) / gapBefore : gapAfter > 0 ? 0 : 1,
      },
      smallPositions: {
        contracted: employees.filter((e) => e.smallContracted).length,
        resulting: employees.filter((e) => e.smallResulting).length,
      },
      weekendOnly: employees.filter((e) => e.weekendOnly).length,
    },
  };
}
