/**
 * Weights of the product model's soft terms, the hours tolerance and wishes.
 */

export interface Wish {
  employee: string;
  date: string;
  /** 'off' = ønske om fri; 'shift' = ønske om en bestemt vakt (code). */
  kind: 'off' | 'shift';
  code?: string;
  /** Importance, default 1. */
  weight?: number;
}

export interface ModelWeights {
  uncovered: number;
  surplus: number;
  /** Per minute below / above target hours (inside the tolerance band; beyond it is hard). */
  underMinute: number;
  overMinute: number;
  /** An off-group weekend of an employee the caller allowed to work one (`allowOffGroupWeekends`). */
  offGroupWeekend: number;
  /**
   * Per unhonoured wish (× its weight). Above `uncovered − overMinute × a day shift` (2000 − 900):
   * a wish for a day off yields to coverage, except when the shift would be overtime for her.
   */
  wish: number;
  /**
   * Changing a cell in repair mode: above what one more shift can gain (an uncovered shift plus a
   * langvakt's hours below target), so a breach is removed by as few changed cells as possible.
   */
  change: number;
  /** Per minute beyond the limit of a sum rule (week maximum, averages): leads out of a plateau. */
  excessMinute: number;
  /** Changing an existing langvakt (repair): only when no other change removes the breach. */
  changeLong: number;
}

export const DEFAULT_WEIGHTS: ModelWeights = {
  uncovered: 2000,
  surplus: 150,
  underMinute: 1,
  overMinute: 2,
  offGroupWeekend: 300,
  wish: 1200,
  excessMinute: 20,
  change: 5000,
  changeLong: 50_000,
};

/**
 * Accepted planned hours above target hours, per employee over the plan period:
 * max(share × target, minHours). Above target + tolerance is hard for the generator: it leaves
 * the shift open instead. `share: Infinity` switches the limit off.
 */
export interface OverTolerance {
  /** Share of the employee's target hours, e.g. 0.05 = 5 %. */
  share: number;
  /** At least this many hours. */
  minHours: number;
}

/** Default band: no employee above target + 5 %. */
export const DEFAULT_OVER_TOLERANCE: OverTolerance = { share: 0.05, minHours: 0 };

/** Tolerance in minutes for one employee's target (minutes), or Infinity when switched off. */
export function overToleranceMinutes(targetMin: number, tol: OverTolerance = DEFAULT_OVER_TOLERANCE): number {
  // Whole minutes, rounded down: never above share × target.
  if (!Number.isFinite(tol.share) || !Number.isFinite(tol.minHours)) return Infinity;
  return Math.floor(Math.max(tol.share * Math.max(0, targetMin), tol.minHours * 60) + 1e-9);
}
