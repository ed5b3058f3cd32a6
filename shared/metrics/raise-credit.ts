/**
 * The one rule for how much of the saved vikar budget a change of positions is credited with:
 * the vikar ledger's per-person rows (Økonomi › «Per ansatt») and the ledger split's line
 * «Stillingsøkning for de økte» (ledger-split.ts) both come from here, so they always agree.
 *
 * The people whose position changed replace at most (1 − sykefravær) × their added planned
 * hours of vikar, never more than the ledger removes in total (and never the other way). Each
 * person gets that credit in proportion to their own added planned hours, so the rows add up to
 * the group's line; the kroner are the hours at the ledger's average price per removed vikar hour.
 */

const EPS = 1e-9;

/** A person's position, paid and planned hours and fixed salary on one side of the ledger. */
export interface RaiseSide {
  /** Paid position (fraction): max(contracted, resulting) for a plan, the entered position otherwise. */
  position: number;
  /** Paid hours in the period (paid position × netto hours at 100 %). */
  paidHours: number;
  plannedHours: number;
  /** Fixed salary in the period (kr). */
  fixedKroner: number;
}

export interface RaisePerson {
  id: string;
  name: string;
  competence: string;
  before: RaiseSide;
  after: RaiseSide;
}

export interface LedgerEmployee {
  id: string;
  name: string;
  competence: string;
  /** Paid position before and after (fractions). */
  positionBefore: number;
  positionAfter: number;
  /** positionAfter − positionBefore (negative when the position went down). */
  raise: number;
  /** Paid hours after − before in the period. */
  addedHours: number;
  /** Planned hours after − before in the period: what the vikar credit is shared by. */
  addedPlannedHours: number;
  addedFixedKroner: number;
  /** The person's share of the vikar hours the group is credited with. */
  replacedVikarHours: number;
  replacedVikarKroner: number;
  /** replacedVikarKroner − addedFixedKroner: the raise financed from the vikar budget when ≥ 0. */
  net: number;
}

export interface RaiseCredit {
  rows: LedgerEmployee[];
  /** Σ rows' replaced vikar hours and kroner: the group's line in the ledger split. */
  vikarHours: number;
  vikarKroner: number;
}

/** Clamps an estimate to the available total, in the same direction (never more than is there, never the other way). */
export function creditVikar(estimate: number, available: number): number {
  if (estimate >= 0) return Math.min(estimate, Math.max(0, available));
  return Math.max(estimate, Math.min(0, available));
}

/**
 * Credits `people` (whose position changed) with vikar hours out of `removedHours` (the ledger's
 * vikar hours before − after) and shares it out per person; `removedKroner` prices the hours.
 */
export function creditRaise(people: RaisePerson[], sickLeaveRate: number, removedHours: number, removedKroner: number): RaiseCredit {
  const krPerHour = Math.abs(removedHours) > EPS ? removedKroner / removedHours : 0;
  const added = people.map((p) => p.after.plannedHours - p.before.plannedHours);
  const addedTotal = added.reduce((s, x) => s + x, 0);
  const hours = creditVikar((1 - sickLeaveRate) * addedTotal, removedHours);
  let given = 0;
  const rows = people.map((p, i): LedgerEmployee => {
    // The last row takes what is left, so the rows add up to the group's credit exactly.
    const share = i === people.length - 1 ? hours - given : Math.abs(addedTotal) > EPS ? (hours * added[i]) / addedTotal : 0;
    given += share;
    const fixed = p.after.fixedKroner - p.before.fixedKroner;
    return {
      id: p.id,
      name: p.name,
      competence: p.competence,
      positionBefore: p.before.position,
      positionAfter: p.after.position,
      raise: p.after.position - p.before.position,
      addedHours: p.after.paidHours - p.before.paidHours,
      addedPlannedHours: added[i],
      addedFixedKroner: fixed,
      replacedVikarHours: share,
      replacedVikarKroner: share * krPerHour,
      net: share * krPerHour - fixed,
    };
  });
  return { rows, vikarHours: hours, vikarKroner: hours * krPerHour };
}

/** Whether a contracted position changed between the baseline plan and the plan (the ledger split's «de økte»). */
export function positionChanged(before: number, after: number): boolean {
  return Math.abs(after - before) > EPS;
}
