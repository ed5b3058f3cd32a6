/** The open plan's state, split by responsibility into slices (see createPlanStore.ts). */
import type { StoreApi } from 'zustand';
import type { CellChange, PlanDetail, TurnusApi } from '../../../../shared/api';
import type { Employee } from '../../../../shared/plan/model';
import type { PlanIndex } from '../../../../shared/plan/plan-index';
import type { Checker, Violation, ViolationCounts } from '../../../../shared/rules/engine';
import type { EmployeeStats } from '../../lib/stats';
import type { Key } from '../../lib/cellKey';

export interface Pos {
  r: number;
  c: number;
}
export interface Edit {
  key: Key;
  before: string | null;
  after: string | null;
}
export type SaveState = 'lagret' | 'endret' | 'lagrer' | 'feil';
export type CellWrite = { key: Key; code: string | null };

/** Cells of the open plan, their figures and loading. */
export interface CellsSlice {
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
  /**
   * Bumped when the plan is checked after a load and by edits that change what the capacity
   * figures read (absence written or removed, a pinned cell changed); an ordinary shift code
   * typed over another leaves it, so a keystroke never recomputes the whole-plan capacity.
   */
  capacityRev: number;
  load(planId: number): Promise<void>;
  reloadFile(): Promise<void>;
  /** Saves weekend rotation groups (employee id → group) and the unit's weekend rhythm, then reloads. */
  saveWeekendSetup(frequency: number, groups: ReadonlyMap<string, number>): Promise<void>;
  /** The shared plan index of the open plan, kept in step with the cells (read-only for views). */
  currentIndex(): PlanIndex | null;
}

/** Cursor, selected range, palette tool and the clipboard, and the edits made on a selection. */
export interface SelectionSlice {
  anchor: Pos;
  cursor: Pos;
  /** Palette tool: a code paints, '' erases, null selects. */
  tool: string | null;
  clipboard: (string | null)[][] | null;
  setTool(tool: string | null): void;
  setCursor(p: Pos, extend?: boolean): void;
  moveCursor(dr: number, dc: number, extend?: boolean): void;
  selectRange(a: Pos, b: Pos): void;
  fillSelection(code: string | null): void;
  copySelection(): void;
  paste(): void;
  /**
   * Pastes a block (rows of codes; null empties a cell, undefined leaves it as it is) from the
   * top-left of the selection, e.g. cells copied from a spreadsheet. One undo step.
   */
  pasteBlock(block: (string | null | undefined)[][]): void;
  /**
   * Pastes the clipboard again and again from the selection to the end of the period (a week
   * copied once fills the rest of the plan). Ferie and other absence already planned is kept.
   * Returns the number of cells written.
   */
  pasteToEnd(): number;
}

/** Undo and redo. */
export interface HistorySlice {
  undoStack: Edit[][];
  redoStack: Edit[][];
  /** Writes codes (null clears) and records one undo step (`merge`: add to the last step, for drag painting). */
  apply(changes: CellWrite[], merge?: boolean): void;
  undo(): void;
  redo(): void;
}

/** Edits waiting to be written, batched into one `setCells` call shortly after the last edit. */
export interface SaveSlice {
  saveState: SaveState;
  saveError: string | null;
  flush(): Promise<void>;
  /** Drops edits that could not be saved and loads the plan as it is stored. */
  discardUnsaved(): Promise<void>;
  /** True while edits are waiting to be written (used to warn before leaving). */
  hasUnsaved(): boolean;
}

export type PlanState = CellsSlice & SelectionSlice & HistorySlice & SaveSlice;

/** The part of the API client the plan store uses. */
export type PlanTransport = Pick<TurnusApi, 'getPlan' | 'setCells' | 'updateUnitSettings' | 'updateEmployee'>;

/** Where the live rule hits go (the rules store). */
export interface RuleSink {
  clear(): void;
  setAll(hits: readonly Violation[], counts: ViolationCounts): void;
  setEmployees(updates: Record<string, readonly Violation[]>, counts: ViolationCounts): void;
}

export interface PlanStoreDeps {
  transport: PlanTransport;
  rules: RuleSink;
  /** Resolves once the grid has painted the loaded cells (the rule check follows after it). */
  afterPaint?: () => Promise<void>;
  /** How long after the last edit the changes are saved (ms). */
  saveDelayMs?: number;
}

/** What the slices share but do not show: the save queue, the rule checker and its index. */
export interface PlanContext {
  deps: PlanStoreDeps;
  pending: Map<Key, string | null>;
  saveTimer: ReturnType<typeof setTimeout> | null;
  /** The incremental rule checker; its index is the one index of the open plan. */
  checker: Checker | null;
  index: PlanIndex | null;
  /** Bumped by every load, so a slower earlier load never finishes over a newer one. */
  loadToken: number;
  /** The plan whose rule hits the rule sink holds. */
  checkedPlanId: number | null;
  /** Writes cells without touching the undo stacks; returns the edits actually made. */
  write(changes: CellWrite[]): Edit[];
  scheduleSave(): void;
  cancelSave(): void;
}

export type SetPlan = StoreApi<PlanState>['setState'];
export type GetPlan = StoreApi<PlanState>['getState'];
export type Slice<T> = (set: SetPlan, get: GetPlan, ctx: PlanContext) => T;
export type { CellChange };
