/**
 * The grid's keys: moving and extending the cursor, Delete, Escape, undo/redo, copy/paste, and
 * typing a code (one letter, or more while the letters still match several codes).
 */
import { useRef, type KeyboardEvent } from 'react';
import { selectionBounds, usePlan } from '../../../stores/plan';
import { matchTyped, type CodeInfo } from '../../../lib/codes';

/** The grid's keydown handler; `scrollTo` keeps the moved cursor in view. */
export function useGridKeys(codes: CodeInfo[], scrollTo: (r: number, c: number) => void) {
  const typed = useRef<{ text: string; timer: ReturnType<typeof setTimeout> | null }>({ text: '', timer: null });
  const commitCode = (code: string) => {
    const s = usePlan.getState();
    const b = selectionBounds(s.anchor, s.cursor);
    const single = b.r0 === b.r1 && b.c0 === b.c1;
    s.fillSelection(code);
    if (single) {
      s.moveCursor(0, 1);
      const n = usePlan.getState().cursor;
      scrollTo(n.r, n.c);
    }
  };
  return (e: KeyboardEvent) => {
    const s = usePlan.getState();
    const ctrl = e.ctrlKey || e.metaKey;
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      s.moveCursor(dr, dc, e.shiftKey);
      const n = usePlan.getState().cursor;
      scrollTo(n.r, n.c);
    };
    switch (e.key) {
      case 'ArrowUp': return move(-1, 0);
      case 'ArrowDown': return move(1, 0);
      case 'ArrowLeft': return move(0, ctrl ? -7 : -1);
      case 'ArrowRight': return move(0, ctrl ? 7 : 1);
      case 'Enter': return move(e.shiftKey ? -1 : 1, 0);
      case 'Home': return move(0, -s.cursor.c);
      case 'End': return move(0, s.days.length - 1 - s.cursor.c);
      case 'Delete':
      case 'Backspace':
        e.preventDefault();
        s.fillSelection(null);
        return;
      case 'Escape':
        e.preventDefault();
        s.setCursor(s.cursor);
        s.setTool(null);
        return;
    }
    if (ctrl) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) { e.preventDefault(); s.undo(); return; }
      if (k === 'y' || (k === 'z' && e.shiftKey)) { e.preventDefault(); s.redo(); return; }
      if (k === 'c') { e.preventDefault(); s.copySelection(); return; }
      if (k === 'v') { e.preventDefault(); s.paste(); return; }
      if (k === 'a') { e.preventDefault(); s.selectRange({ r: 0, c: 0 }, { r: s.employees.length - 1, c: s.days.length - 1 }); return; }
      return;
    }
    if (e.key.length === 1 && /\p{L}|\d/u.test(e.key) && !e.altKey) {
      e.preventDefault();
      const t = typed.current;
      if (t.timer) clearTimeout(t.timer);
      const all = codes.map((c) => c.code);
      let text = t.text + e.key;
      let m = matchTyped(text, all);
      if (!m.code && !m.wait) {
        text = e.key;
        m = matchTyped(text, all);
      }
      if (m.code && !m.wait) {
        t.text = '';
        commitCode(m.code);
        return;
      }
      if (!m.code && !m.wait) {
        t.text = '';
        return;
      }
      t.text = text;
      t.timer = setTimeout(() => {
        const exact = matchTyped(t.text, all);
        t.text = '';
        if (exact.code) commitCode(exact.code);
      }, 700);
    }
  };
}
