/**
 * «Bring this cell into view», for every screen that points at a cell of the open plan (rule
 * hits, comments, the step guide, the month jump). Callers name the cell; the grid, which owns
 * its scroll container, subscribes, puts the cursor on the cell, scrolls it into view and takes
 * focus. No caller reaches into the grid's markup. A request made before the grid shows the
 * plan (a comment opening the plan) waits for it, for a while.
 */
import { create } from 'zustand';

export interface CellRef {
  employeeId: string;
  date: string;
}
export interface RevealRequest extends CellRef {
  seq: number;
  /** When it was asked (ms); a request the grid could not show within REVEAL_WAIT_MS is dropped. */
  at: number;
}

export const REVEAL_WAIT_MS = 10_000;

interface ViewportState {
  /** The cell waiting to be shown, until the grid has shown it. */
  request: RevealRequest | null;
  reveal(cell: CellRef): void;
  /** The grid has shown the request `seq` (or given up on it). */
  settle(seq: number): void;
}

export const useViewport = create<ViewportState>((set, get) => {
  let seq = 0;
  return {
    request: null,
    reveal(cell) {
      seq += 1;
      set({ request: { employeeId: cell.employeeId, date: cell.date, seq, at: Date.now() } });
    },
    settle(done) {
      if (get().request?.seq === done) set({ request: null });
    },
  };
});

/** Brings a cell of the open plan into view, with the grid's cursor on it. */
export function reveal(cell: CellRef): void {
  useViewport.getState().reveal(cell);
}
