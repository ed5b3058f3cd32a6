/**
 * The grid's keys: moving and extending the cursor, Delete, Escape, undo/redo, copy/paste, and
 * typing a code (one letter, or more while the letters still match several codes).
 */
import { useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import { selectionBounds, usePlan } from '../../../stores/plan';
import { usePastePreview } from '../../../stores/pastePreview';
import { matchTyped, type CodeInfo } from '../../../lib/codes';
import { parsePastedText } from '../../../lib/pasteText';

/** The selection as spreadsheet text (tab between cells, a line per row). */
function selectionText(): string {
  const s = usePlan.getState();
  s.copySelection();
  return (usePlan.getState().clipboard ?? []).map((row) => row.map((c) => c ?? '').join('\t')).join('\n') + '\n';
}

/**
 * Ctrl+C / Ctrl+V: the grid's cells go to the system clipboard as spreadsheet text, and text
 * pasted from a spreadsheet is written into the grid from the cursor (codes the plan does not
 * know are shown first, see PastePreview). Without a system clipboard the grid's own is used.
 */
export function useGridClipboard(codes: CodeInfo[]) {
  const pasted = useRef(false);
  const onCopy = (e: ClipboardEvent) => {
    e.preventDefault();
    e.clipboardData.setData('text/plain', selectionText());
  };
  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    pasted.current = true;
    const p = parsePastedText(
      text,
      codes.map((c) => c.code),
    );
    if (p.rows === 0) return;
    if (p.unknown.length > 0) usePastePreview.getState().show(p);
    else usePlan.getState().pasteBlock(p.block);
  };
  /** Ctrl+C / Ctrl+V pressed: the copy/paste event follows at once where the browser sends one. */
  const onKey = (k: 'c' | 'v') => {
    if (k === 'c') {
      const text = selectionText();
      void navigator.clipboard?.writeText(text).catch(() => undefined);
      return;
    }
    pasted.current = false;
    setTimeout(() => {
      if (!pasted.current) usePlan.getState().paste();
    }, 0);
  };
  return { onCopy, onPaste, onKey };
}

/** The grid's keydown handler; `scrollTo` keeps the moved cursor in view. */
export function useGridKeys(codes: CodeInfo[], scrollTo: (r: number, c: number) => void, clip: { onKey(k: 'c' | 'v'): void }) {
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
      case 'ArrowUp':
        return move(-1, 0);
      case 'ArrowDown':
        return move(1, 0);
      case 'ArrowLeft':
        return move(0, ctrl ? -7 : -1);
      case 'ArrowRight':
        return move(0, ctrl ? 7 : 1);
      case 'Enter':
        return move(e.shiftKey ? -1 : 1, 0);
      case 'Home':
        return move(0, -s.cursor.c);
      case 'End':
        return move(0, s.days.length - 1 - s.cursor.c);
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
      if (k === 'z' && !e.shiftKey) {
        e.preventDefault();
        s.undo();
        return;
      }
      if (k === 'y' || (k === 'z' && e.shiftKey)) {
        e.preventDefault();
        s.redo();
        return;
      }
      if (k === 'c' || k === 'v') {
        clip.onKey(k);
        return;
      }
      if (k === 'a') {
        e.preventDefault();
        s.selectRange({ r: 0, c: 0 }, { r: s.employees.length - 1, c: s.days.length - 1 });
        return;
      }
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
