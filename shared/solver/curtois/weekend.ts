/**
 * The weekend move of the Curtois solver (issue 20, fifth pass): where the weekends are the
 * scarce resource (every employee at the max worked weekends and the weekend cover still short),
 * the cover lost is in weekends worked on one day only. One employee gives up one worked weekend
 * and may take another: both weekends, with a few days either side, are cleared and re-planned by
 * the window DP (`repairWindow`), which sees the row's weekends, minutes, runs and the cover the
 * others leave; the state's incremental score judges the result.
 */
import type { Rng } from '../anneal/rng';
import type { CurtoisCore } from './core';
import { repairWindow } from './row-repair';

/** Phase B's share of weekend moves where they are on (8 weeks to under half a year). */
export const WEEKEND_RATE = 0.02;

/**
 * One employee: a weekend it works (half of the time one worked on a single day) and another
 * weekend are re-planned, each with 1–3 days either side; the one given up is cleared first, so
 * the DP of the other may take a weekend within the max. False when nothing changed.
 */
export function weekendMove(cs: CurtoisCore, rng: Rng): boolean {
  const { D, W } = cs;
  if (W < 2) return false;
  const e = rng.int(cs.E);
  const base = e * D;
  const worked = (w: number) => cs.a[base + 7 * w + 5] >= 0 || cs.a[base + 7 * w + 6] >= 0;
  const single = (w: number) => cs.a[base + 7 * w + 5] >= 0 !== cs.a[base + 7 * w + 6] >= 0;
  const preferSingle = rng.next() < 0.5;
  let from = -1;
  let seen = 0;
  for (let w = 0; w < W; w++) {
    if (!worked(w) || (preferSingle && !single(w))) continue;
    seen++;
    if (rng.int(seen) === 0) from = w;
  }
  if (from < 0) from = rng.int(W);
  let to = rng.int(W - 1);
  if (to >= from) to++;
  const win = (w: number): [number, number] => [Math.max(0, 7 * w + 5 - 1 - rng.int(3)), Math.min(D - 1, 7 * w + 6 + 1 + rng.int(3))];
  const [L1, R1] = win(from);
  const [L2, R2] = win(to);
  for (let d = L1; d <= R1; d++) if (!cs.frozen[base + d]) cs.put(base + d, -1);
  repairWindow(cs, e, L2, R2);
  repairWindow(cs, e, L1, R1);
  return cs.log.length > 0;
}
