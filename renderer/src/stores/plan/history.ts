/** History slice: every edit is one undo step (a drag painting merges into one). */
import type { HistorySlice, Slice } from './types';

/** Undo steps kept. */
export const UNDO_LIMIT = 200;

export const createHistorySlice: Slice<HistorySlice> = (set, get, ctx) => ({
  undoStack: [],
  redoStack: [],
  apply(changes, merge = false) {
    const edits = ctx.write(changes);
    if (!edits.length) return;
    set((s) => {
      if (merge && s.undoStack.length) {
        const last = s.undoStack[s.undoStack.length - 1];
        return { undoStack: [...s.undoStack.slice(0, -1), [...last, ...edits]], redoStack: [] };
      }
      return { undoStack: [...s.undoStack.slice(-(UNDO_LIMIT - 1)), edits], redoStack: [] };
    });
  },
  undo() {
    const s = get();
    const last = s.undoStack[s.undoStack.length - 1];
    if (!last) return;
    ctx.write(last.map((e) => ({ key: e.key, code: e.before })).reverse());
    set({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, last] });
  },
  redo() {
    const s = get();
    const next = s.redoStack[s.redoStack.length - 1];
    if (!next) return;
    ctx.write(next.map((e) => ({ key: e.key, code: e.after })));
    set({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, next] });
  },
});
