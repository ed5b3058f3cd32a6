/**
 * The stillingsøkning assistant (issue 7; product.md (d) 1 and 11): after known absence is
 * placed, offer the uncovered shifts (the vacancies the absence leaves and other open demand) to
 * part-timers up to their wanted position, in the order the law and agreements require:
 *
 *  1. employees with fortrinnsrett to an extended position (aml § 14-3) before the rest;
 *  2. within each group, those who have regularly worked extra hours (aml § 14-4 a) first;
 *  3. then the largest gap between wanted position and the position the plan gives;
 *  4. ties by name (Norwegian collation).
 *
 * The person ranked first gets the first pick of all open shifts (in date order), then the next,
 * and so on. Every offered shift is checked with the rule engine: an offer is made only when it
 * adds no error and no warning for that employee. The leader registers fortrinnsrett and § 14-4 a
 * per employee (they depend on qualifications and history the plan does not hold) [INFERENS].
 */
import { fromDay, toDay } from '../calendar';
import { createChecker, type Checker } from '../rules/engine';
import type { TurnusPlan } from '../plan/model';
import { fullTimeHours, plannedHours } from '../plan/hours';
import { indexPlan, paidHours } from '../plan/plan-index';
import { coverage } from '../metrics/coverage';
import { absenceCover } from '../metrics/coverage-views';
import { ANY } from '../metrics/demand';
import { compareNames } from '../plan/names';

export interface PriorityInfo {
  /** Fortrinnsrett to an extended position (aml § 14-3). */
  fortrinnsrett?: boolean;
  /** Has regularly worked extra hours over the last 12 months (aml § 14-4 a). */
  regularExtraHours?: boolean;
}

export interface AssistantOptions {
  /** Priority flags per employee id. */
  priority?: Record<string, PriorityInfo>;
  /** Nobody is offered beyond this position (default 1.0). */
  maxPosition?: number;
  /** Check each offer with the rule engine (default true). */
  checkRules?: boolean;
}

export interface Offer {
  employee: string;
  date: string;
  shift: string;
  /** Competence of the demand row the shift fills ('any' for open rows). */
  competence: string;
  hours: number;
  /** Why the shift is vacant: the absence it replaces, or open demand. */
  vacancy: { kind: 'absence'; employee: string; name: string; code: string } | { kind: 'open' };
}

export interface AssistantPerson {
  id: string;
  name: string;
  /** 1-based rank in the offer order. */
  rank: number;
  /** Norwegian reasons for the rank. */
  reasons: string[];
  position: number;
  wanted: number;
  resultingBefore: number;
  resultingAfter: number;
  /** The new stillingsprosent the offers give (= resultingAfter, never below the contract). */
  newPosition: number;
  fullTimeHours: number;
  addedHours: number;
  /** Vikar hours the offers replace (= addedHours: each offer covers a need that was left to vikar). */
  replacedVikarHours: number;
  offers: Offer[];
  /** Offers the rule engine stopped, with the rules hit. */
  rejected: { date: string; shift: string; rules: string[] }[];
}

export interface AssistantResult {
  /** The plan with the offers placed. */
  plan: TurnusPlan;
  people: AssistantPerson[];
  uncoveredBefore: { shifts: number; hours: number };
  uncoveredAfter: { shifts: number; hours: number };
  offeredHours: number;
}

export const ASSISTANT_SOURCES = [
  'aml § 14-3: deltidsansatte har fortrinnsrett til utvidet stilling framfor ny ansettelse',
  'aml § 14-4 a: deltidsansatte som jevnlig har arbeidet ut over avtalt arbeidstid de siste 12 månedene, har rett til stilling tilsvarende faktisk arbeidstid',
  'KS «Det store heltidsvalget» (2013): ledige deltidsstillinger skal først brukes til å utvide andre deltidsstillinger',
];

interface Candidate {
  id: string;
  name: string;
  position: number;
  wanted: number;
  ft: number;
  planned: number;
  competence: string;
  fortrinnsrett: boolean;
  regular: boolean;
  gap: number;
}

/** The offer order (exported for the UI and tests). */
export function rankCandidates<T extends { name: string; fortrinnsrett: boolean; regular: boolean; gap: number }>(list: T[]): T[] {
  return list
    .slice()
    .sort(
      (a, b) =>
        Number(b.fortrinnsrett) - Number(a.fortrinnsrett) ||
        Number(b.regular) - Number(a.regular) ||
        (Math.abs(b.gap - a.gap) > 1e-9 ? b.gap - a.gap : 0) ||
        compareNames(a.name, b.name),
    );
}

export function stillingsokning(plan: TurnusPlan, opts: AssistantOptions = {}): AssistantResult {
  const maxPosition = opts.maxPosition ?? 1;
  const index = indexPlan(plan);
  const cov = coverage(index);
  const absences = absenceCover(cov, index).filter((a) => a.status === 'vikar' && a.usualShift);
  const nameOf = new Map(plan.employees.map((e) => [e.id, e.name]));

  // Open needs in date order, each with the absences that left it vacant.
  const needs = cov.uncovered.map((u) => ({ ...u, left: u.missing }));
  const absenceQueue = new Map<string, { employee: string; code: string }[]>();
  for (const a of absences) {
    const key = `${a.date}|${a.usualShift}`;
    absenceQueue.set(key, [...(absenceQueue.get(key) ?? []), { employee: a.employee, code: a.code }]);
  }

  const candidates: Candidate[] = [];
  for (const e of index.employees) {
    const emp = e.employee;
    const wanted = Math.min(maxPosition, emp.wantedPosition ?? emp.position);
    const ft = fullTimeHours(index, emp.id);
    const planned = plannedHours(index, emp.id);
    const resulting = ft > 0 ? planned / ft : 0;
    if (wanted <= resulting + 1e-9 || ft <= 0) continue;
    const pr = opts.priority?.[emp.id] ?? {};
    candidates.push({
      id: emp.id,
      name: emp.name,
      position: emp.position,
      wanted,
      ft,
      planned,
      competence: emp.competence,
      fortrinnsrett: pr.fortrinnsrett === true,
      regular: pr.regularExtraHours === true,
      gap: wanted - resulting,
    });
  }
  const ranked = rankCandidates(candidates);
  const shortestShift = Math.min(...plan.shiftTypes.map((s) => paidHours(s, index.startDay)).filter((h) => h > 0), 24) - 1.5;

  const checker: Checker | null = opts.checkRules === false ? null : createChecker(plan);
  const taken = new Map<string, Set<string>>(index.employees.map((e) => [e.employee.id, new Set([...e.cells.keys()].map(fromDay))]));
  const people: AssistantPerson[] = [];

  ranked.forEach((c, i) => {
    const reasons: string[] = [];
    if (c.fortrinnsrett) reasons.push('Fortrinnsrett til utvidet stilling (aml § 14-3)');
    if (c.regular) reasons.push('Har jevnlig jobbet ut over avtalt stilling (aml § 14-4 a)');
    reasons.push(
      `Ønsker ${Math.round(c.wanted * 1000) / 10} %, planen gir ${Math.round((c.planned / c.ft) * 1000) / 10} %`.replace(/\./g, ','),
    );
    const person: AssistantPerson = {
      id: c.id,
      name: c.name,
      rank: i + 1,
      reasons,
      position: c.position,
      wanted: c.wanted,
      resultingBefore: c.planned / c.ft,
      resultingAfter: c.planned / c.ft,
      newPosition: Math.max(c.position, c.planned / c.ft),
      fullTimeHours: c.ft,
      addedHours: 0,
      replacedVikarHours: 0,
      offers: [],
      rejected: [],
    };
    let planned = c.planned;
    const cap = c.wanted * c.ft + 1e-6;
    for (const n of needs) {
      if (cap - planned < shortestShift) break;
      if (n.left <= 0) continue;
      if (n.competence !== ANY && n.competence !== c.competence) continue;
      if (taken.get(c.id)!.has(n.date)) continue;
      const st = index.shiftTypes.get(n.shift);
      if (!st) continue;
      const h = paidHours(st, toDay(n.date));
      if (planned + h > cap) continue;
      if (checker) {
        const before = checker.counts();
        const change = { employeeId: c.id, date: n.date, code: n.shift };
        const after = checker.evaluateChange(change);
        if (after.error > before.error || after.warning > before.warning) {
          const old = new Set(checker.employeeViolations(c.id).map((v) => `${v.rule}|${v.date}`));
          checker.applyChange(change);
          const hit = [
            ...new Set(
              checker
                .employeeViolations(c.id)
                .filter((v) => v.severity !== 'info' && !old.has(`${v.rule}|${v.date}`))
                .map((v) => v.rule),
            ),
          ];
          checker.applyChange({ ...change, code: null });
          person.rejected.push({ date: n.date, shift: n.shift, rules: hit });
          continue;
        }
        checker.applyChange(change);
      }
      n.left--;
      planned += h;
      taken.get(c.id)!.add(n.date);
      const q = absenceQueue.get(`${n.date}|${n.shift}`);
      const abs = q?.shift();
      person.offers.push({
        employee: c.id,
        date: n.date,
        shift: n.shift,
        competence: n.competence,
        hours: h,
        vacancy: abs
          ? { kind: 'absence', employee: abs.employee, name: nameOf.get(abs.employee) ?? abs.employee, code: abs.code }
          : { kind: 'open' },
      });
    }
    person.addedHours = planned - c.planned;
    person.replacedVikarHours = person.addedHours;
    person.resultingAfter = planned / c.ft;
    person.newPosition = Math.max(c.position, person.resultingAfter);
    people.push(person);
  });

  const extra = people.flatMap((p) => p.offers.map((o) => ({ employee: o.employee, date: o.date, code: o.shift })));
  const out: TurnusPlan = { ...structuredClone(plan), assignments: [...structuredClone(plan.assignments), ...extra] };
  const covAfter = coverage(out);
  return {
    plan: out,
    people,
    uncoveredBefore: { shifts: cov.uncoveredShifts, hours: cov.uncoveredHours },
    uncoveredAfter: { shifts: covAfter.uncoveredShifts, hours: covAfter.uncoveredHours },
    offeredHours: people.reduce((s, p) => s + p.addedHours, 0),
  };
}
