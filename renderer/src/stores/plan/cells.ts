/**
 * Cells slice: loads the open plan, writes cells (feeding the save queue, the incremental rule
 * checker and the per-employee figures) and saves the weekend setup.
 */
import { messageOf } from '../../lib/message';
import { keyOf, planWithCells, splitKey, type Key } from '../../lib/cellKey';
import { employeeStats, type EmployeeStats } from '../../lib/stats';
import type { TurnusPlan } from '../../../../shared/plan/model';
import { createChecker, type Checker } from '../../../../shared/rules/engine';
import { addDays, daysBetweenInclusive, toDay } from '../../../../shared/calendar';
import { employeeIndex, type PlanIndex } from '../../../../shared/plan/plan-index';
import type { CellsSlice, Edit, Slice } from './types';

function periodDays(file: TurnusPlan): string[] {
  const n = daysBetweenInclusive(file.period.start, file.period.end);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = addDays(file.period.start, i);
  return out;
}

/** True when writing `after` over the cell changes what shared/metrics/capacity reads (absence, pinned cells). */
function touchesCapacity(index: PlanIndex, employeeId: string, date: string, before: string | null, after: string | null): boolean {
  if ((before && index.absenceCodes.has(before)) || (after && index.absenceCodes.has(after))) return true;
  try {
    return employeeIndex(index, employeeId).cells.get(toDay(date))?.pinned === true;
  } catch {
    return false;
  }
}

export const createCellsSlice: Slice<CellsSlice> = (set, get, ctx) => {
  ctx.write = (changes) => {
    const s = get();
    const cells = s.cells as Map<Key, string>;
    const edits: Edit[] = [];
    const touched = new Set<string>();
    const { checker, index } = ctx;
    let capacity = false;
    for (const { key, code } of changes) {
      const before = cells.get(key) ?? null;
      const after = code || null;
      if (before === after) continue;
      if (after) cells.set(key, after);
      else cells.delete(key);
      edits.push({ key, before, after });
      ctx.pending.set(key, after);
      const [employeeId, date] = splitKey(key);
      touched.add(employeeId);
      if (index && !capacity) capacity = touchesCapacity(index, employeeId, date, before, after);
      if (checker) {
        try {
          checker.applyChange({ employeeId, date, code: after });
        } catch {
          // An unknown code or employee: the backend will refuse it with a message.
        }
      }
    }
    if (edits.length === 0) return edits;
    const stats = { ...s.stats };
    if (index) for (const id of touched) stats[id] = employeeStats(index, id);
    set({ stats, rev: s.rev + 1, capacityRev: s.capacityRev + (capacity ? 1 : 0), saveState: 'endret' });
    if (checker) {
      const updates: Record<string, ReturnType<Checker['employeeViolations']>> = {};
      for (const id of touched) updates[id] = checker.employeeViolations(id);
      ctx.deps.rules.setEmployees(updates, checker.counts());
    }
    ctx.scheduleSave();
    return edits;
  };

  return {
    planId: null,
    plan: null,
    loadError: null,
    employees: [],
    days: [],
    cells: new Map(),
    stats: {},
    rev: 0,
    capacityRev: 0,

    async load(planId) {
      if (get().planId !== planId) {
        if (ctx.pending.size) await get().flush();
        set({ planId, plan: null, loadError: null, undoStack: [], redoStack: [], anchor: { r: 0, c: 0 }, cursor: { r: 0, c: 0 } });
      }
      try {
        const plan = await ctx.deps.transport.getPlan(planId);
        const file = plan.file;
        const days = periodDays(file);
        const cells = new Map<Key, string>();
        for (const a of file.assignments) cells.set(keyOf(a.employee, a.date), a.code);
        // Unsaved local edits win over what the server sent.
        for (const [k, v] of ctx.pending) {
          if (v) cells.set(k, v);
          else cells.delete(k);
        }
        // The grid paints first; the rule check and the figures (O(employees × days)) follow
        // after that frame, so a 500-employee plan shows its cells without waiting for them.
        const token = ++ctx.loadToken;
        // Another plan's rule hits, figures and index must not show on this one while it is
        // being checked; the same plan reloaded keeps them for that frame (no flicker).
        const samePlan = ctx.checkedPlanId === planId;
        if (!samePlan) {
          ctx.deps.rules.clear();
          ctx.index = null;
        }
        ctx.checkedPlanId = planId;
        ctx.checker = null;
        set((st) => ({ plan, employees: file.employees, days, cells, stats: samePlan ? st.stats : {}, rev: st.rev + 1, loadError: null }));
        await (ctx.deps.afterPaint?.() ?? Promise.resolve());
        if (token !== ctx.loadToken) return;
        // Built from the cells as they are now (edits made since the load are in them).
        const checker = createChecker(planWithCells(file, cells));
        const ix = checker.index;
        ctx.checker = checker;
        ctx.index = ix;
        ctx.deps.rules.setAll(checker.violations(), checker.counts());
        const stats: Record<string, EmployeeStats> = {};
        for (const e of file.employees) stats[e.id] = employeeStats(ix, e.id);
        set((st) => ({ stats, rev: st.rev + 1, capacityRev: st.capacityRev + 1 }));
      } catch (e) {
        set({ loadError: messageOf(e) });
      }
    },
    async reloadFile() {
      const id = get().planId;
      if (id != null) await get().load(id);
    },
    async saveWeekendSetup(frequency, groups) {
      const s = get();
      if (!s.plan) return;
      const { transport } = ctx.deps;
      if (s.plan.file.unit.weekendFrequency !== frequency) {
        await transport.updateUnitSettings(s.plan.unitId, { weekendFrequency: frequency });
      }
      for (const e of s.employees) {
        const g = groups.get(e.id);
        if (g !== undefined && g !== e.weekendGroup) await transport.updateEmployee(Number(e.id), { weekendGroup: g });
      }
      await get().reloadFile();
    },
    currentIndex() {
      return ctx.index;
    },
  };
};
