// Product-mode benchmark of issue 14: seeded units with weekend groups (every 4th weekend, an
// anchor), langvakter laid before «Fyll ut», ferie, KURS and pinned cells, filled by the same
// `generatePlan` that `turnus fill` and the app run. Each run is measured against a lower bound
// on the open hours computed from capacity alone:
//
// - hours: per competence, the named demand hours the staff of that competence cannot give
//   within target + 5 % (Σ over competences), and over everybody the demand hours beyond the
//   staff's target + 5 %, where the hours the staff cannot give to demand are not capacity
//   (credited KURS hours, and cells laid before that the bemanningsplan does not need); the
//   larger of the two;
// - per day: the shifts no free person can take, from a maximum matching of the day's free
//   people (not absent, not pinned elsewhere, on their own group's weekend, consent for L,
//   no night shift for the night-exempt) to the day's demand slots (named competences only to
//   people of that competence), counted at the slot's paid hours; of the maximum matchings the
//   one that covers the most hours (longest slots matched first);
// the bound is the larger of the hours bound and the Σ of the per-day bounds.
//
// `runAskermodellen({ build, units, seconds, seeds, log, moves, meeting })` returns one row per run
// (`moves`: an optional move budget that ends the search before `seconds`, for load-independent
// comparisons; `meeting`: add one timed MØTE 13:00–15:00 for all employees in the middle of the
// period, the activity path of the terms).

import path from 'node:path';
import { structuralBound } from './weekend-bound.mjs';

function bipartiteMax(slots, people, canTake) {
  // Kuhn's augmenting paths: slots × people.
  const owner = new Map();
  const tryAssign = (s, seen) => {
    for (const p of people) {
      if (!canTake(slots[s], p) || seen.has(p)) continue;
      seen.add(p);
      if (!owner.has(p) || tryAssign(owner.get(p), seen)) {
        owner.set(p, s);
        return true;
      }
    }
    return false;
  };
  const matched = new Set();
  for (let s = 0; s < slots.length; s++) if (tryAssign(s, new Set())) matched.add(s);
  return new Set(owner.values());
}

export async function runAskermodellen({ build, units, seconds, seeds, log, moves, meeting = false }) {
  const imp = (p) => import(path.join(build, ...p.split('/')));
  const { generateUnit } = await imp('solver/norwegian/generate.js');
  const { generatePlan } = await imp('solver/norwegian/solve.js');
  const { checkPlan, isHardViolation } = await imp('rules/engine.js');
  const { indexPlan, paidHours } = await imp('plan/plan-index.js');
  const { plannedHours, targetHours } = await imp('plan/hours.js');
  const { demandOn, demandTable, ANY } = await imp('metrics/demand.js');
  const { coverage } = await imp('metrics/coverage.js');
  const { toDay, fromDay, isoWeekday, weekendsIn } = await imp('calendar/index.js');
  const out = [];
  for (const u of units) {
    for (const seed of seeds) {
      const anchor = fromDay(toDay('2026-01-05') + 5 + 7 * (seed % 4));
      const plan = generateUnit({
        employees: u.employees,
        weeks: u.weeks,
        seed,
        weekendFrequency: 4,
        longShiftWeekends: 0.8,
        weekendAnchor: anchor,
      });
      if (meeting) {
        const s0 = toDay(plan.period.start);
        const mid = s0 + Math.floor((toDay(plan.period.end) - s0) / 2);
        // A weekday (Wednesday of the middle week), as a unit's staff meeting.
        const day = mid - isoWeekday(mid) + 2;
        plan.activities = [
          ...(plan.activities ?? []),
          { id: 'bench-meeting', code: 'MØTE', date: fromDay(day), start: '13:00', end: '15:00', employees: 'all' },
        ];
      }
      const idx = indexPlan(plan);
      const startDay = idx.startDay;
      const types = new Map(plan.shiftTypes.map((t) => [t.code, t]));
      const k = 4;
      const anchorDay = toDay(anchor);
      const cells = new Map(plan.assignments.map((a) => [`${a.employee}|${a.date}`, a]));
      // Hours bound.
      const table = demandTable(plan.demand);
      const demandByComp = new Map();
      let demandHours = 0;
      for (let d = startDay; d <= idx.endDay; d++) {
        for (const n of demandOn(table, d)) {
          const h = paidHours(types.get(n.shift), d) * n.count;
          demandHours += h;
          if (n.competence !== ANY) demandByComp.set(n.competence, (demandByComp.get(n.competence) ?? 0) + h);
        }
      }
      const capByComp = new Map();
      let cap = 0;
      for (const e of plan.employees) {
        const c = targetHours(idx, e.id) * 1.05;
        cap += c;
        capByComp.set(e.competence, (capByComp.get(e.competence) ?? 0) + c);
      }
      // Hours the fixed cells already give count toward capacity; the bound is on demand hours.
      let named = 0;
      for (const [c, h] of demandByComp) named += Math.max(0, h - (capByComp.get(c) ?? 0));
      // Hours within target + 5 % that cannot go to demand: the credited hours of absence cells
      // (KURS …; they count as planned hours) and the hours of cells laid before that the
      // bemanningsplan does not need (surplus in the input; adding cells never lowers a day's
      // surplus). Planned = covered + surplus + credited, so covered ≤ cap − these.
      let notGiven = coverage(plan).surplusHours;
      for (const emp of idx.byId.values())
        for (const a of emp.absences) if (a.day >= startDay && a.day <= idx.endDay) notGiven += a.creditedHours;
      const hoursBound = Math.max(named, demandHours - cap + notGiven);
      // Fixed cells (laid, pinned) on day d cover a slot: their own code first (named competence
      // before any), then a code their type counts toward (`countsToward`, as metrics/coverage).
      const takeFixed = (slots, d, shiftOf, compOf, open, take) => {
        const date = fromDay(d);
        const fixed = plan.employees.filter((e) => cells.has(`${e.id}|${date}`)).map((e) => [e, cells.get(`${e.id}|${date}`).code]);
        const left = [];
        for (const pass of [0, 1]) {
          for (const [e, code] of pass === 0 ? fixed : left) {
            const fills = pass === 0 ? [code] : (types.get(code)?.countsToward ?? []);
            const fits = (s) => open(s) && fills.includes(shiftOf(s));
            const i = [
              slots.findIndex((s) => fits(s) && compOf(s) === e.competence),
              slots.findIndex((s) => fits(s) && compOf(s) === ANY),
            ].find((x) => x >= 0);
            if (i !== undefined) take(slots[i]);
            else if (pass === 0) left.push([e, code]);
          }
        }
      };
      // Per-day matching bound (slots kept by `keep`).
      const nightLike = (t) => {
        const [h] = t.end.split(':').map(Number);
        return t.end <= t.start || h < 6;
      };
      const dayMatchingBound = (d, keep = () => true) => {
        const date = fromDay(d);
        const slots = [];
        for (const n of demandOn(table, d)) for (let i = 0; i < n.count; i++) slots.push(n);
        // Slots already covered by fixed cells are taken out first.
        const taken = new Set();
        takeFixed(
          slots,
          d,
          (s) => s.shift,
          (s) => s.competence,
          (s) => !taken.has(s),
          (s) => taken.add(s),
        );
        // Longest slots first: Kuhn's augmenting keeps every matched slot matched, so this order
        // gives the matching of most hours (a greedy basis of the transversal matroid). In any
        // other order the unmatched slots could be the longer ones (an N counted open where a
        // plan leaves the A open), and the bound would exceed what a plan can reach.
        const hoursOf = (s) => paidHours(types.get(s.shift), d);
        const kept = slots.filter((s) => !taken.has(s) && keep(s)).sort((a, b) => hoursOf(b) - hoursOf(a));
        const wd = isoWeekday(d);
        const sat = wd >= 4 ? d - wd + 5 : null;
        const free = plan.employees.filter((e) => {
          if (cells.has(`${e.id}|${date}`)) return false;
          if (sat !== null && wd >= 5 && typeof e.weekendGroup === 'number')
            return ((((sat - anchorDay) / 7) % k) + k) % k === e.weekendGroup;
          return true;
        });
        const can = (s, e) => {
          if (s.competence !== ANY && s.competence !== e.competence) return false;
          const t = types.get(s.shift);
          if (t.long && e.consentsLongShifts !== true) return false;
          if (e.nightExempt && nightLike(t)) return false;
          return true;
        };
        const matched = bipartiteMax(kept, free, can);
        let h = 0;
        for (let s = 0; s < kept.length; s++) if (!matched.has(s)) h += hoursOf(kept[s]);
        return h;
      };
      let dayBound = 0;
      for (let d = startDay; d <= idx.endDay; d++) dayBound += dayMatchingBound(d);
      // The weekend structure (scripts/bench/weekend-bound.mjs): a tighter valid bound.
      const { bound: weekendBound, coverMs } = await structuralBound({
        build,
        plan,
        startDay,
        endDay: idx.endDay,
        types,
        weekendsIn,
        dayMatchingBound,
      });
      const lowerBound = Math.max(hoursBound, dayBound);
      const tightBound = Math.max(lowerBound, weekendBound);
      const hardBefore = checkPlan(plan).filter(isHardViolation).length;
      const t0 = performance.now();
      const res = generatePlan(plan, { seconds, seed, maxMoves: moves });
      const totalSeconds = (performance.now() - t0) / 1000;
      const ridx = indexPlan(res.plan);
      const after = new Map(res.plan.assignments.map((a) => [`${a.employee}|${a.date}`, a]));
      const laid = plan.assignments;
      const kept = laid.filter((a) => JSON.stringify(after.get(`${a.employee}|${a.date}`)) === JSON.stringify(a)).length;
      const longLaid = laid.filter((a) => types.get(a.code)?.long).length;
      let worstOver = -Infinity,
        worstUnder = Infinity,
        outside = 0;
      const shortIds = new Set(res.stats.shortfalls.map((s) => s.employee));
      let unexplained = 0;
      for (const e of plan.employees) {
        const t = targetHours(ridx, e.id),
          p = plannedHours(ridx, e.id);
        const rel = t > 0 ? (p - t) / t : 0;
        worstOver = Math.max(worstOver, rel);
        worstUnder = Math.min(worstUnder, rel);
        if (rel > 0.05 + 1e-9 || rel < -0.1 - 1e-9) {
          outside++;
          if (!shortIds.has(e.id) || rel > 0.05) unexplained++;
        }
      }
      const cov = coverage(res.plan);
      const openHours = cov.uncoveredHours;
      const r = {
        unit: `${u.employees}x${u.weeks}`,
        seed,
        seconds,
        totalSeconds,
        hard: checkPlan(res.plan).filter(isHardViolation).length,
        hardBefore,
        offGroupShifts: res.stats.offGroupWeekendShifts.length,
        laid: laid.length,
        kept,
        longLaid,
        longKept: longLaid - res.stats.removedLongShifts.length,
        openShifts: cov.uncovered.reduce((t, x) => t + x.missing, 0),
        openHours,
        demandHours,
        lowerBound,
        tightBound,
        tightGapPct: (100 * (openHours - tightBound)) / demandHours,
        hoursBound,
        dayBound,
        gapPct: (100 * (openHours - lowerBound)) / demandHours,
        worstOverPct: 100 * worstOver,
        worstUnderPct: 100 * worstUnder,
        outsideBand: outside,
        unexplained,
        shortfalls: res.stats.shortfalls.length,
        moves: res.stats.moves,
        searchSeconds: res.stats.elapsedMs / 1000,
        movesPerSecond: res.stats.moves / (res.stats.elapsedMs / 1000),
        score: res.stats.score,
        meeting,
        weekendCoverMs: coverMs,
      };
      out.push(r);
      log?.(
        `askermodellen ${r.unit} seed ${seed}: ${r.totalSeconds.toFixed(1)} s, hard ${r.hard} (input ${hardBefore}), off-group ${r.offGroupShifts}, kept ${r.kept}/${r.laid}, L kept ${r.longKept}/${r.longLaid}, open ${openHours.toFixed(1)} h vs bound ${lowerBound.toFixed(1)} h (gap ${r.gapPct.toFixed(2)} % of ${demandHours.toFixed(0)} h), hours ${r.worstUnderPct.toFixed(1)} … +${r.worstOverPct.toFixed(1)} %, outside band ${outside} (unexplained ${r.unexplained}), weekend-bound gap ${r.tightGapPct.toFixed(2)} %, ${r.moves} moves in ${r.searchSeconds.toFixed(1)} s (${Math.round(r.movesPerSecond)}/s), score ${r.score.hard}/${r.score.soft}, weekend cover ${coverMs.toFixed(0)} ms${meeting ? ', meeting for all' : ''}\n`,
      );
    }
  }
  return out;
}

export function askermodellenTable(rows, seconds) {
  const lines = [];
  lines.push(
    `Askermodellen units (generatePlan fill as \`turnus fill --seconds ${seconds}\`; weekend groups every 4th weekend from an anchor, langvakter laid before, ferie, KURS, pinned cells):`,
  );
  lines.push('');
  lines.push(
    '| unit (employees×weeks) | seed | total s | hard (input) | off-group weekend shifts | cells laid before kept | langvakter kept | open h | lower bound h | (open − bound) ÷ demand | weekend bound h | (open − weekend bound) ÷ demand | hours vs target (min … max) | outside [−10 %, +5 %] (unexplained) | moves | moves/s | weekend cover ms | meeting for all |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    lines.push(
      `| ${r.unit} | ${r.seed} | ${r.totalSeconds.toFixed(1)} | ${r.hard} (${r.hardBefore ?? '–'}) | ${r.offGroupShifts} | ${r.kept}/${r.laid} | ${r.longKept}/${r.longLaid} | ${r.openHours.toFixed(1)} | ${r.lowerBound.toFixed(1)} | ${r.gapPct.toFixed(2)} % | ${r.tightBound?.toFixed(1) ?? '–'} | ${r.tightGapPct?.toFixed(2) ?? '–'} % | ${r.worstUnderPct.toFixed(1)} % … +${r.worstOverPct.toFixed(1)} % | ${r.outsideBand} (${r.unexplained}) | ${r.moves} | ${r.movesPerSecond ? Math.round(r.movesPerSecond) : '–'} | ${r.weekendCoverMs === undefined ? '–' : Math.round(r.weekendCoverMs)} | ${r.meeting ? 'ja' : '–'} |`,
    );
  }
  return lines;
}
