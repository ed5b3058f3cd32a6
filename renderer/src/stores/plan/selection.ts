/** Selection slice: cursor, range, palette tool, clipboard and the edits made on a selection. */
import { keyOf, type Key } from '../../lib/cellKey';
import { absenceCodesOf } from '../../../../shared/plan/model';
import type { CellWrite, Pos, SelectionSlice, Slice } from './types';

export function selectionBounds(a: Pos, b: Pos) {
  return { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
}

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => {
  function clamp(p: Pos): Pos {
    const s = get();
    return {
      r: Math.max(0, Math.min(s.employees.length - 1, p.r)),
      c: Math.max(0, Math.min(s.days.length - 1, p.c)),
    };
  }

  return {
    anchor: { r: 0, c: 0 },
    cursor: { r: 0, c: 0 },
    tool: null,
    clipboard: null,
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
    fillSelection(code) {
      const s = get();
      const b = selectionBounds(s.anchor, s.cursor);
      const changes: CellWrite[] = [];
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
      const { clipboard } = get();
      if (clipboard) get().pasteBlock(clipboard);
    },
    pasteBlock(block) {
      const s = get();
      if (block.length === 0) return;
      const b = selectionBounds(s.anchor, s.cursor);
      const changes: CellWrite[] = [];
      block.forEach((row, dr) => {
        row.forEach((code, dc) => {
          const r = b.r0 + dr,
            c = b.c0 + dc;
          if (code !== undefined && r < s.employees.length && c < s.days.length)
            changes.push({ key: keyOf(s.employees[r].id, s.days[c]), code });
        });
      });
      get().apply(changes);
      const h = block.length,
        w = Math.max(1, ...block.map((row) => row.length));
      get().selectRange({ r: b.r0, c: b.c0 }, { r: b.r0 + h - 1, c: b.c0 + w - 1 });
    },
    pasteToEnd() {
      const s = get();
      if (!s.clipboard || !s.plan) return 0;
      const absence = new Set(absenceCodesOf(s.plan.file).map((a) => a.code));
      const b = selectionBounds(s.anchor, s.cursor);
      const h = s.clipboard.length,
        w = s.clipboard[0]?.length ?? 1;
      const changes: { key: Key; code: string | null }[] = [];
      for (let start = b.c0; start < s.days.length; start += w) {
        s.clipboard.forEach((row, dr) => {
          row.forEach((code, dc) => {
            const r = b.r0 + dr,
              c = start + dc;
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
      get().selectRange(
        { r: b.r0, c: b.c0 },
        { r: Math.min(s.employees.length - 1, b.r0 + h - 1), c: Math.min(s.days.length - 1, b.c0 + w - 1) },
      );
      return changes.length;
    },
  };
};
