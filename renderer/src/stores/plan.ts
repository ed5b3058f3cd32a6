/**
 * The open plan: cells, selection, undo/redo and autosave. Cells are keyed
 * `${employeeId}|${date}` so each grid cell can select exactly its own state.
 * Saving batches changes into one `api.setCells` call shortly after the last edit.
 */
import { create } from 'zustand';
import { api, messageOf } from '../api';
import type { CellChange, PlanDetail } from '../../../shared/api';
import type { Employee, TurnusPlan } from '../../../shared/plan/model';
import { absenceCodesOf } from '../../../shared/plan/model';
import { employeeStats, type EmployeeStats } from '../lib/stats';
import type { PlanIndex } from '../../../shared/plan/plan-index';
import { createChecker, type Checker } from '../../../shared/rules/engine';
import { useRules } from './rules';
import { addDays, daysBetweenInclusive } from '../../../shared/calendar';

import { keyOf, splitKey, type Key } from '../lib/cellKey';
export { keyOf, splitKey, type Key } from '../lib/cellKey';

export interface Pos { r: number; c: number }
interface Edit { key: Key; before: string | null; after: string | null }
export type SaveState = 'lagret' | 'endret' | 'lagrer' | 'feil';

interface PlanState {
  planId: number | null;
  plan: PlanDetail | null;
  loadError: string | null;
  employees: Employee[];
  days: string[];
  /**
   * Cell codes. A Map mutated in place (copying 20 000 keys per keystroke is too slow);
   * every change bumps `rev`, so selectors such as `s => s.cells.get(key)` re-run.
   */
  cells: ReadonlyMap<Key, string>;
  stats: Record<string, EmployeeStats>;
  /** Bumped on every change of cells, so derived views (coverage, rules) can follow. */
  rev: number;
  anchor: Pos;
  cursor: Pos;
  /** Palette tool: a code paints, '' erases, null selects. */
  tool: string | null;
  undoStack: Edit[][];
  redoStack: Edit[][];
  saveState: SaveState;
  saveError: string | null;
  clipboard: (string | null)[][] | null;

  load(planId: number): Promise<void>;
  reloadFile(): Promise<void>;
  setTool(tool: string | null): void;
  setCursor(p: Pos, extend?: boolean): void;
  moveCursor(dr: number, dc: number, extend?: boolean): void;
  selectRange(a: Pos, b: Pos): void;
  /** Writes codes (null clears) and records one undo step (`merge`: add to the last step, for drag painting). */
  apply(changes: { key: Key; code: string | null }[], merge?: boolean): void;
  fillSelection(code: string | null): void;
  copySelection(): void;
  paste(): void;
  /**
   * Pastes the clipboard again and again from the selection to the end of the period (a week
   * copied once fills the rest of the plan). Ferie and other absence already planned is kept.
   * Returns the number of cells written.
   */
  pasteToEnd(): number;
  undo(): void;
  redo(): void;
  flush(): Promise<void>;
  /** Drops edits that could not be saved and loads the plan as it is stored. */
  discardUnsaved(): Promise<void>;
  /** Saves weekend rotation groups (employee id → group) and the unit's weekend rhythm, then reloads. */
  saveWeekendSetup(frequency: number, groups: ReadonlyMap<string, number>): Promise<void>;
}

let saveTimer: ReturnType<typeof setTimeout> | null = null;
let pending = new Map<Key, string | null>();
let index: PlanIndex | null = null;
/** The incremental rule checker; its index is the one index of the open plan. */
let checker: Checker | null = null;
const SAVE_DELAY_MS = 400;
/** Bumped by every load, so a slower earlier load never finishes over a newer one. */
let loadToken = 0;
/** The plan whose rule hits the rules store holds. */
let checkedPlanId: number | null = null;

/** Resolves after the next painted frame (at once in a hidden window, where frames stop). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    if (typeof requestAnimationFrame === 'function' && document.visibilityState !== 'hidden') {
      requestAnimationFrame(() => setTimeout(finish, 0));
      setTimeout(finish, 1000);
    } else setTimeout(finish, 0);
  });
}

function periodDays(file: TurnusPlan): string[] {
  const n = daysBetweenInclusive(file.period.start, file.period.end);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = addDays(file.period.start, i);
  return out;
}

export function selectionBounds(a: Pos, b: Pos) {
  return { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
}

export const usePlan = create<PlanState>((set, get) => {
  function scheduleSave() {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void get().flush(), SAVE_DELAY_MS);
  }

  /** Writes cells without touching the undo stacks; returns the edits actually made. */
  function write(changes: { key: Key; code: string | null }[]): Edit[] {
    const s = get();
    const cells = s.cells as Map<Key, string>;
    const edits: Edit[] = [];
    const touched = new Set<string>();
    for (const { key, code } of changes) {
      const before = cells.get(key) ?? null;
      const after = code || null;
      if (before === after) continue;
      if (after) cells.set(key, after);
      else cells.delete(key);
      edits.push({ key, before, after });
      pending.set(key, after);
      const [employeeId, date] = splitKey(key);
      touched.add(employeeId);
      if (checker) {
        try {
          checker.applyChange({ employee: employeeId, date, code: after });
        } catch {
          // An unknown code or employee: the backend will refuse it with a message.
        }
      }
    }
    if (edits.length === 0) return edits;
    const stats = { ...s.stats };
    if (index) for (const id of touched) stats[id] = employeeStats(index, id);
    set({ stats, rev: s.rev + 1, saveState: 'endret' });
    if (checker) {
      const updates: Record<string, ReturnType<Checker['employeeViolations']>> = {};
      for (const id of touched) updates[id] = checker.employeeViolations(id);
      useRules.getState().setEmployees(updates, checker.counts());
    }
    scheduleSave();
    return edits;
  }

  function clamp(p: Pos): Pos {
    const s = get();
    return {
      r: Math.max(0, Math.min(s.employees.length - 1, p.r)),
      c: Math.max(0, Math.min(s.days.length - 1, p.c)),
    };
  }

  return {
    planId: null,
    plan: null,
    loadError: null,
    employees: [],
    days: [],
    cells: new Map(),
    stats: {},
    rev: 0,
    anchor: { r: 0, c: 0 },
    cursor: { r: 0, c: 0 },
    tool: null,
    undoStack: [],
    redoStack: [],
    saveState: 'lagret',
    saveError: null,
    clipboard: null,

    async load(planId) {
      if (get().planId !== planId) {
        if (pending.size) await get().flush();
        set({ planId, plan: null, loadError: null, undoStack: [], redoStack: [], anchor: { r: 0, c: 0 }, cursor: { r: 0, c: 0 } });
      }
      try {
        const plan = await api.getPlan(planId);
        const file = plan.file;
        const days = periodDays(file);
        const cells = new Map<Key, string>();
        for (const a of file.assignments) cells.set(keyOf(a.employee, a.date), a.code);
        // Unsaved local edits win over what the server sent.
        for (const [k, v] of pending) {
          if (v) cells.set(k, v);
          else cells.delete(k);
        }
        // The grid paints first; the rule check and the figures (O(employees × days)) follow
        // after that frame, so a 500-employee plan shows its cells without waiting for them.
        const token = ++loadToken;
        // Another plan's rule hits, figures and index must not show on this one while it is
        // being checked; the same plan reloaded keeps them for that frame (no flicker).
        const samePlan = checkedPlanId === planId;
        if (!samePlan) {
          useRules.getState().clear();
          index = null;
        }
        checkedPlanId = planId;
        checker = null;
        set((st) => ({ plan, employees: file.employees, days, cells, stats: samePlan ? st.stats : {}, rev: st.rev + 1, loadError: null }));
        await afterPaint();
        if (token !== loadToken) return;
        // Built from the cells as they are now (edits made since the load are in them).
        const assignments: TurnusPlan['assignments'] = [];
        const seen = new Set<Key>();
        for (const a of file.assignments) {
          const k = keyOf(a.employee, a.date);
          seen.add(k);
          const v = cells.get(k);
          if (v) assignments.push(v === a.code ? a : { employee: a.employee, date: a.date, code: v });
        }
        for (const [k, v] of cells) {
          if (seen.has(k)) continue;
          const [employee, date] = splitKey(k);
          assignments.push({ employee, date, code: v });
        }
        checker = createChecker({ ...file, assignments });
        const ix = checker.index;
        index = ix;
        useRules.getState().setAll(checker.violations(), checker.counts());
        const stats: Record<string, EmployeeStats> = {};
        for (const e of file.employees) stats[e.id] = employeeStats(ix, e.id);
        set((st) => ({ stats, rev: st.rev + 1 }));
      } catch (e) {
        set({ loadError: messageOf(e) });
      }
    },
    async reloadFile() {
      const id = get().planId;
      if (id != null) await get().load(id);
    },
    setTool(tool) {
      set({ tool });
    },
    setCursor(p, extend = false) {
      const c = clamp(p);
      set(extend ? { cursor: c } : { cursor: c, anchor: c });
    },
    moveCursor(dr, dc, extend = false) {
      const { cursor } = get();
      get().setCursor({ r: cursor.r + dr, c: cursor.c + dc }, extend);
    },
    selectRange(a, b) {
      set({ anchor: clamp(a), cursor: clamp(b) });
    },
    apply(changes, merge = false) {
      const edits = write(changes);
      if (!edits.length) return;
      set((s) => {
        if (merge && s.undoStack.length) {
          const last = s.undoStack[s.undoStack.length - 1];
          return { undoStack: [...s.undoStack.slice(0, -1), [...last, ...edits]], redoStack: [] };
        }
        return { undoStack: [...s.undoStack.slice(-199), edits], redoStack: [] };
      });
    },
    fillSelection(code) {
      const s = get();
      const b = selectionBounds(s.anchor, s.cursor);
      const changes: { key: Key; code: string | null }[] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        for (let c = b.c0; c <= b.c1; c++) changes.push({ key: keyOf(s.employees[r].id, s.days[c]), code });
      }
      get().apply(changes);
    },
    copySelection() {
      const s = get();
      const b = selectionBounds(s.anchor, s.cursor);
      const block: (string | null)[][] = [];
      for (let r = b.r0; r <= b.r1; r++) {
        const row: (string | null)[] = [];
        for (let c = b.c0; c <= b.c1; c++) row.push(s.cells.get(keyOf(s.employees[r].id, s.days[c])) ?? null);
        block.push(row);
      }
      set({ clipboard: block });
    },
    paste() {
      const s = get();
      if (!s.clipboard) return;
      const b = selectionBounds(s.anchor, s.cursor);
      const changes: { key: Key; code: string | null }[] = [];
      s.clipboard.forEach((row, dr) => {
        row.forEach((code, dc) => {
          const r = b.r0 + dr, c = b.c0 + dc;
          if (r < s.employees.length && c < s.days.length) changes.push({ key: keyOf(s.employees[r].id, s.days[c]), code });
        });
      });
      get().apply(changes);
      const h = s.clipboard.length, w = s.clipboard[0]?.length ?? 1;
      get().selectRange({ r: b.r0, c: b.c0 }, { r: b.r0 + h - 1, c: b.c0 + w - 1 });
    },
    pasteToEnd() {
      const s = get();
      if (!s.clipboard || !s.plan) return 0;
      const absence = new Set(absenceCodesOf(s.plan.file).map((a) => a.code));
      const b = selectionBounds(s.anchor, s.cursor);
      const h = s.clipboard.length, w = s.clipboard[0]?.length ?? 1;
      const changes: { key: Key; code: string | null }[] = [];
      for (let start = b.c0; start < s.days.length; start += w) {
        s.clipboard.forEach((row, dr) => {
          row.forEach((code, dc) => {
            const r = b.r0 + dr, c = start + dc;
            if (r >= s.employees.length || c >= s.days.length) return;
            const key = keyOf(s.employees[r].id, s.days[c]);
            const cur = s.cells.get(key);
            if (cur && absence.has(cur)) return;
            if (code && absence.has(code)) return;
            changes.push({ key, code });
          });
        });
      }
      get().apply(changes);
      get().selectRange({ r: b.r0, c: b.c0 }, { r: Math.min(s.employees.length - 1, b.r0 + h - 1), c: Math.min(s.days.length - 1, b.c0 + w - 1) });
      return changes.length;
    },
    undo() {
      const s = get();
      const last = s.undoStack[s.undoStack.length - 1];
      if (!last) return;
      write(last.map((e) => ({ key: e.key, code: e.before })).reverse());
      set({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, last] });
    },
    redo() {
      const s = get();
      const next = s.redoStack[s.redoStack.length - 1];
      if (!next) return;
      write(next.map((e) => ({ key: e.key, code: e.after })));
      set({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, next] });
    },
    async discardUnsaved() {
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = null;
      }
      pending = new Map();
      set({ saveState: 'lagret', saveError: null, undoStack: [], redoStack: [] });
      await get().reloadFile();
    },
    async saveWeekendSetup(frequency, groups) {
      const s = get();
      if (!s.plan) return;
      if (s.plan.file.unit.weekendFrequency !== frequency) {
        await api.updateUnitSettings(s.plan.unitId, { weekendFrequency: frequency });
      }
      for (const e of s.employees) {
        const g = groups.get(e.id);
        if (g !== undefined && g !== e.weekendGroup) await api.updateEmployee(Number(e.id), { weekendGroup: g });
      }
      await get().reloadFile();
    },
    async flush() {
      if (saveTimer) {
        clearTimeout(saveTimer);
        saveTimer = null;
      }
      const planId = get().planId;
      if (planId == null || pending.size === 0) return;
      const batch = pending;
      pending = new Map();
      const changes: CellChange[] = [...batch].map(([k, code]) => {
        const [employeeId, date] = splitKey(k);
        return { employeeId, date, code };
      });
      set({ saveState: 'lagrer' });
      try {
        await api.setCells(planId, changes);
        set({ saveState: pending.size ? 'endret' : 'lagret', saveError: null });
      } catch (e) {
        // Keep what failed unless a newer edit replaced it; the next edit retries.
        for (const [k, v] of batch) if (!pending.has(k)) pending.set(k, v);
        set({ saveState: 'feil', saveError: messageOf(e) });
      }
    },
  };
});

/** The shared plan index of the open plan, kept in step with the cells (read-only for views). */
export function currentIndex(): PlanIndex | null {
  return index;
}

/** True while edits are waiting to be written (used to warn before leaving). */
export function hasUnsaved(): boolean {
  return pending.size > 0 || usePlan.getState().saveState === 'lagrer';
}
