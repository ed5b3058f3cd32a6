/**
 * Stillingsøkning that is planned, not only offered (issue 18). `raiseInLegalOrder` raises the
 * chosen positions in the order the law requires (aml § 14-3 fortrinnsrett, then § 14-4 a, then
 * the largest gap; rankCandidates); the caller then lets the generator re-plan the scenario so
 * the raised people get shifts they can legally take. `raiseOutcomes` reports, per raised
 * person: the position she was raised to, the position the plan gives her, and, when the plan
 * gives her more than 5 % less than the new position, why.
 */
import { fromDay, toDay } from '../calendar';
import { createChecker } from '../rules/engine';
import { RULE_BY_ID } from '../rules';
import type { TurnusPlan } from '../plan/model';
import { indexPlan, paidHours } from '../plan/plan-index';
import { coverage } from '../metrics/coverage';
import { ANY } from '../metrics/demand';
import { positions } from '../metrics/positions';
import { rankCandidates, type PriorityInfo } from './assistant';

/** A raised person counts as planned when planned hours are within this share of the new target. */
export const RAISE_TOLERANCE = 0.05;

export interface RaiseRequest {
  employee: string;
  /** New contracted position (fraction); never lowers. */
  level: number;
}

export interface RaiseStep {
  id: string;
  name: string;
  rank: number;
  from: number;
  to: number;
  /** Norwegian reasons for the rank (fortrinnsrett, § 14-4 a, gap). */
  reasons: string[];
}

/** Raises the positions in the legal order; the order is returned for the log and the report. */
export function raiseInLegalOrder(
  plan: TurnusPlan,
  raises: RaiseRequest[],
  priority: Record<string, PriorityInfo> = {},
): { plan: TurnusPlan; steps: RaiseStep[] } {
  const out = structuredClone(plan);
  const list = raises.map((r, i) => {
    const e = out.employees.find((x) => x.id === r.employee);
    if (!e) throw new RangeError(`raises[${i}].employee: ukjent ansatt «${r.employee}»`);
    if (!(r.level > 0 && r.level <= 1)) throw new RangeError(`raises[${i}].level: stillingsnivået må være mellom 0 og 1`);
    const p = priority[e.id] ?? {};
    return {
      e,
      level: r.level,
      name: e.name,
      fortrinnsrett: p.fortrinnsrett === true,
      regular: p.regularExtraHours === true,
      gap: r.level - e.position,
    };
  });
  const steps: RaiseStep[] = [];
  rankCandidates(list).forEach((c, i) => {
    if (c.level <= c.e.position + 1e-9) return;
    const reasons: string[] = [];
    if (c.fortrinnsrett) reasons.push('Fortrinnsrett til utvidet stilling (aml § 14-3)');
    if (c.regular) reasons.push('Har jevnlig jobbet ut over avtalt stilling (aml § 14-4 a)');
    reasons.push(`Økning ${pctNo(c.e.position)} → ${pctNo(c.level)}`);
    steps.push({ id: c.e.id, name: c.e.name, rank: i + 1, from: c.e.position, to: c.level, reasons });
    c.e.position = c.level;
    if (c.e.wantedPosition === undefined || c.e.wantedPosition < c.level) c.e.wantedPosition = c.level;
  });
  return { plan: out, steps };
}

export interface RaiseOutcome {
  id: string;
  name: string;
  /** Position in the plan the scenario came from. */
  from: number;
  /** Position in the scenario (what she is paid). */
  to: number;
  targetHours: number;
  plannedHours: number;
  /** plannedHours ÷ full-time hours: the position the plan gives. */
  plannedPosition: number;
  /** max(0, target − planned): paid hours the plan does not place. */
  shortHours: number;
  /** |planned − target| ≤ 5 % of target. */
  planned: boolean;
  /** Norwegian reasons why a gap remains (empty when planned). */
  reasons: string[];
}

export function pctNo(x: number): string {
  return `${(Math.round(x * 1000) / 10).toString().replace('.', ',')} %`;
}

const hoursNo = (h: number): string => `${(Math.round(h * 10) / 10).toString().replace('.', ',')} t`;

/** Per raised person (position above the base plan's): raised to, planned to, why any gap remains. */
export function raiseOutcomes(base: TurnusPlan, plan: TurnusPlan, tolerance = RAISE_TOLERANCE): RaiseOutcome[] {
  const before = new Map(base.employees.map((e) => [e.id, e.position]));
  const raised = plan.employees.filter((e) => before.has(e.id) && e.position > before.get(e.id)! + 1e-9);
  if (raised.length === 0) return [];
  const index = indexPlan(plan);
  const pos = new Map(positions(index).employees.map((p) => [p.id, p]));
  const cov = coverage(index);
  const checker = createChecker(plan);
  return raised.map((e) => {
    const p = pos.get(e.id)!;
    const short = Math.max(0, p.targetHours - p.plannedHours);
    const ok = Math.abs(p.plannedHours - p.targetHours) <= tolerance * p.targetHours + 1e-6;
    const reasons: string[] = [];
    if (!ok && p.plannedHours > p.targetHours) {
      reasons.push(`Planlagt ${hoursNo(p.plannedHours - p.targetHours)} over den nye stillingen.`);
    } else if (!ok) {
      const busy = new Set([...(index.byId.get(e.id)?.cells.keys() ?? [])].map(fromDay));
      let otherComp = 0,
        dayTaken = 0,
        canTake = 0,
        canTakeHours = 0;
      const otherComps = new Set<string>();
      const rules = new Map<string, number>();
      for (const u of cov.uncovered) {
        if (u.competence !== ANY && u.competence !== e.competence) {
          otherComp += u.missing;
          otherComps.add(u.competence);
          continue;
        }
        if (busy.has(u.date)) {
          dayTaken += u.missing;
          continue;
        }
        const change = { employeeId: e.id, date: u.date, code: u.shift };
        const old = new Set(
          checker
            .employeeViolations(e.id)
            .filter((v) => v.severity !== 'info')
            .map((v) => `${v.rule}|${v.date}`),
        );
        checker.applyChange(change);
        const hit = [
          ...new Set(
            checker
              .employeeViolations(e.id)
              .filter((v) => v.severity !== 'info' && !old.has(`${v.rule}|${v.date}`))
              .map((v) => v.rule),
          ),
        ];
        checker.applyChange({ ...change, code: null });
        if (hit.length) for (const r of hit) rules.set(r, (rules.get(r) ?? 0) + u.missing);
        else {
          canTake += u.missing;
          const st = index.shiftTypes.get(u.shift);
          if (st) canTakeHours += u.missing * paidHours(st, toDay(u.date));
        }
      }
      reasons.push(`Planen gir ${pctNo(p.resulting)} av ${pctNo(e.position)}: ${hoursNo(short)} betalt uten planlagte vakter.`);
      if (cov.uncovered.length === 0) {
        reasons.push('Bemanningsplanen har ingen åpne vakter igjen: økningen er større enn behovet, så timene blir disponible timer.');
      }
      if (otherComp > 0) reasons.push(`${otherComp} åpne vakter krever ${[...otherComps].join(', ')}.`);
      if (dayTaken > 0) reasons.push(`${dayTaken} åpne vakter er på dager hun allerede har vakt eller fravær.`);
      for (const [rule, n] of rules) reasons.push(`${n} åpne vakter ville gitt brudd på «${RULE_BY_ID.get(rule)?.title ?? rule}».`);
      if (canTake > 0) reasons.push(`${canTake} åpne vakter (${hoursNo(canTakeHours)}) kan hun ta: kjør «Fyll ut» på nytt med lengre tid.`);
    }
    return {
      id: e.id,
      name: e.name,
      from: before.get(e.id)!,
      to: e.position,
      targetHours: p.targetHours,
      plannedHours: p.plannedHours,
      plannedPosition: p.resulting,
      shortHours: short,
      planned: ok,
      reasons,
    };
  });
}
