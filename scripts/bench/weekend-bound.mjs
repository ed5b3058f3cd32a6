// A tighter lower bound on the open hours of a unit with weekend groups (issue 14 benchmark):
// the per-day matching treats Saturday and Sunday apart, but a weekend's slots (the
// Friday shifts that reach into Saturday by more than an hour, and every Saturday and Sunday
// shift) may only go to the weekend's group, and one person's Friday, Saturday and Sunday
// shifts must leave the daily rest between them (a Saturday N rules out a Sunday D, L or A).
// The product computes exactly that per weekend (shared/askermodellen/weekend-cover.ts
// `weekendCover`, the one implementation: the exact programme over the group's members that the
// Helgerytme step and the capacity panel show); this adds the per-day matching bound for
// all other slots (weekdays, Fridays' other shifts, edge weekends).
//
// `structuralBound(ctx)` returns { bound, coverMs }: bound = Σ over weekends of (slot hours − most coverable) + Σ over days of
// the per-day matching bound of the slots outside the weekends; coverMs = the time `weekendCover`
// took on the whole plan.

import path from 'node:path';

/**
 * ctx: { build, plan, startDay, endDay, types, weekendsIn, dayMatchingBound(day, keepSlot) }
 * (`build`: the compiled shared/ of .tmp/bench-solver-build).
 */
export async function structuralBound(ctx) {
  const { build, plan, startDay, endDay, types, weekendsIn } = ctx;
  const { weekendCover, isWeekendSlot } = await import(path.join(build, 'askermodellen', 'weekend-cover.js'));
  const weekendDays = new Map(); // day → sat of its complete weekend (Fri, Sat, Sun)
  for (const sat of weekendsIn(startDay, endDay)) for (let d = sat - 1; d <= sat + 1; d++) if (d >= startDay) weekendDays.set(d, sat);
  let bound = 0;
  // Other slots: the per-day matching.
  for (let d = startDay; d <= endDay; d++) {
    const sat = weekendDays.get(d);
    bound += ctx.dayMatchingBound(d, (n) => sat === undefined || !isWeekendSlot(types.get(n.shift), d, sat));
  }
  const t0 = performance.now();
  const cover = weekendCover(plan);
  const coverMs = performance.now() - t0;
  for (const w of cover) bound += w.slotHours - w.coverableHours;
  return { bound, coverMs };
}
