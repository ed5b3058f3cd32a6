// A tighter lower bound on the open hours of a unit with weekend groups (issue 14 benchmark):
// the per-day matching treats Saturday and Sunday apart, but a weekend's slots (the
// Friday shifts that reach into Saturday by more than an hour, and every Saturday and Sunday
// shift) may only go to the weekend's group, and one person's Friday, Saturday and Sunday
// shifts must leave the daily rest between them (a Saturday N rules out a Sunday D, L or A).
// Per weekend an exact dynamic programme over the group's members (each picks one shift or none
// per day, consent, night exemption, competence and daily rest respected; fixed cells occupy
// their day and their rest is kept) gives the most slot hours the group can cover. Everything
// else is relaxed (hours, weekly rest, søn-/helgedager, Thursday and Monday), so the bound is
// valid: no plan that keeps the hard rules and the weekend groups leaves fewer open hours.
//
// `structuralBound(ctx)` returns Σ over weekends of (slot hours − most coverable) + the issue's
// per-day matching bound for all other slots (weekdays, Fridays' other shifts, edge weekends).

const WEEKEND_MIN_OVERLAP = 60;

/**
 * ctx: { plan, startDay, endDay, table, demandOn, ANY, types, cells, anchorDay, k, paidHours,
 *        utcOf, shiftTypeSpan, weekendsIn, fromDay, dayMatchingBound(day, keepSlot),
 *        takeFixed(slots, day, shiftOf, compOf, open, take), dailyRestHours? }
 */
export function structuralBound(ctx) {
  const { plan, startDay, endDay, table, demandOn, types, cells, anchorDay, k, paidHours, utcOf, shiftTypeSpan, weekendsIn, fromDay } = ctx;
  const restMin = (ctx.dailyRestHours ?? 11) * 60;
  const span = (code, day) => {
    const s = shiftTypeSpan(types.get(code));
    return { start: utcOf(day, s.start), end: utcOf(day, s.end) };
  };
  const weekendSlot = (code, day, sat) => {
    const s = span(code, day);
    const lo = utcOf(sat, 0),
      hi = utcOf(sat + 2, 0);
    return Math.min(s.end, hi) - Math.max(s.start, lo) > WEEKEND_MIN_OVERLAP;
  };
  const nightLike = (t) => {
    const [h] = t.end.split(':').map(Number);
    return t.end <= t.start || h < 6;
  };
  const weekendDays = new Map(); // day → sat of its complete weekend (Fri, Sat, Sun)
  const sats = weekendsIn(startDay, endDay);
  for (const sat of sats) for (let d = sat - 1; d <= sat + 1; d++) if (d >= startDay) weekendDays.set(d, sat);
  let bound = 0;
  // Other slots: the per-day matching.
  for (let d = startDay; d <= endDay; d++) {
    const sat = weekendDays.get(d);
    bound += ctx.dayMatchingBound(d, (n) => sat === undefined || !weekendSlot(n.shift, d, sat));
  }
  for (const sat of sats) {
    const days = [sat - 1, sat, sat + 1].filter((d) => d >= startDay);
    // Slot types per day: { day, shift, comp, count, hours }.
    const slotTypes = [];
    for (const d of days) {
      const needs = demandOn(table, d).filter((n) => weekendSlot(n.shift, d, sat));
      const counts = needs.map((n) => ({
        day: d,
        shift: n.shift,
        comp: n.competence,
        count: n.count,
        hours: paidHours(types.get(n.shift), d),
      }));
      // Fixed cells take their slot first (as the per-day bound does): their own code, then a
      // code it counts toward (a surplus langvakt fills a D need, `countsToward`).
      ctx.takeFixed(
        counts,
        d,
        (s) => s.shift,
        (s) => s.comp,
        (s) => s.count > 0,
        (s) => s.count--,
      );
      for (const s of counts) if (s.count > 0) slotTypes.push(s);
    }
    if (slotTypes.length === 0) continue;
    const total = slotTypes.reduce((t, s) => t + s.count * s.hours, 0);
    const grp = ((((sat - anchorDay) / 7) % k) + k) % k;
    const people = plan.employees.filter((e) => typeof e.weekendGroup !== 'number' || e.weekendGroup === grp);
    // Mixed-radix state of remaining counts.
    const radix = slotTypes.map((s) => s.count + 1);
    const mult = [];
    let m = 1;
    for (const r of radix) {
      mult.push(m);
      m *= r;
    }
    let states = new Map([[slotTypes.reduce((t, s, i) => t + s.count * mult[i], 0), 0]]);
    for (const e of people) {
      // Options per day: fixed cell (its code, covers nothing), or none, or one slot type.
      const perDay = days.map((d) => {
        const c = cells.get(`${e.id}|${fromDay(d)}`);
        if (c) return [{ slot: -1, code: types.has(c.code) ? c.code : null }];
        const opts = [{ slot: -1, code: null }];
        slotTypes.forEach((s, i) => {
          if (s.day !== d) return;
          if (s.comp !== ctx.ANY && s.comp !== e.competence) return;
          // Her own code or one that counts toward it.
          for (const t of types.values()) {
            if (t.code !== s.shift && !(t.countsToward ?? []).includes(s.shift)) continue;
            if (t.long && e.consentsLongShifts !== true) continue;
            if (e.nightExempt && nightLike(t)) continue;
            opts.push({ slot: i, code: t.code });
          }
        });
        return opts;
      });
      const combos = [];
      const walk = (j, chosen) => {
        if (j === days.length) {
          const slots = chosen.filter((o) => o.slot >= 0).map((o) => o.slot);
          if (slots.length) combos.push(slots);
          return;
        }
        for (const o of perDay[j]) {
          const prev = j > 0 ? chosen[j - 1] : null;
          if (prev?.code && o.code && span(o.code, days[j]).start - span(prev.code, days[j - 1]).end < restMin) continue;
          walk(j + 1, [...chosen, o]);
        }
      };
      walk(0, []);
      if (combos.length === 0) continue;
      const next = new Map(states);
      for (const [st, val] of states) {
        for (const c of combos) {
          let ns = st,
            gain = 0,
            ok = true;
          for (const i of c) {
            const left = Math.floor(ns / mult[i]) % radix[i];
            if (left === 0) {
              ok = false;
              break;
            }
            ns -= mult[i];
            gain += slotTypes[i].hours;
          }
          if (!ok) continue;
          if ((next.get(ns) ?? -1) < val + gain) next.set(ns, val + gain);
        }
      }
      states = next;
    }
    let best = 0;
    for (const v of states.values()) best = Math.max(best, v);
    bound += total - best;
  }
  return bound;
}
