/**
 * Marks other screens put on grid cells: open comments from the review (amber corner), cells
 * locked for «Fyll ut» (dark frame) and timed meetings/courses (teal square). The grid paints them and names them on its cells
 * (`data-marks`), so the screens that own the data never reach into the grid's markup.
 */
import { create } from 'zustand';

export interface CellMarks {
  /** Cells with an open comment from the tillitsvalgte (amber corner, top right). */
  comment: ReadonlySet<string>;
  /** Cells locked for «Fyll ut» (dark frame and a dark corner, bottom left). */
  pinned: ReadonlySet<string>;
  /** Cells with a timed meeting or course (teal square, top left); the day's shift stays. */
  activity: ReadonlySet<string>;
}

export type MarkKind = keyof CellMarks;

interface GridMarksState extends CellMarks {
  /** Replaces one kind of mark (cell keys of lib/cellKey). */
  setMarks(kind: MarkKind, keys: Iterable<string>): void;
}

const EMPTY: ReadonlySet<string> = new Set();

export const useGridMarks = create<GridMarksState>((set, get) => ({
  comment: EMPTY,
  pinned: EMPTY,
  activity: EMPTY,
  setMarks(kind, keys) {
    const next = new Set(keys);
    const prev = get()[kind];
    if (next.size === prev.size && [...next].every((k) => prev.has(k))) return;
    set({ [kind]: next.size ? next : EMPTY } as Partial<CellMarks>);
  },
}));
