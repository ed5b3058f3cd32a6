/**
 * Mouse on the grid body: a click moves the cursor (shift extends the selection), a drag selects;
 * with a code chosen in the palette, a click or drag paints that code into the cells.
 */
import { useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { keyOf } from '../../../lib/cellKey';
import { usePlan } from '../../../stores/plan';
import { cellAtPoint } from './gridPaint';
import type { PaintState } from './painting';

export function useGridPointer(scrollRef: RefObject<HTMLDivElement | null>, paintState: { current: PaintState }) {
  const drag = useRef<{ active: boolean; painting: boolean }>({ active: false, painting: false });
  // The cell under the pointer, from coordinates (the DOM cells lag behind while scrolling).
  const cellAt = (e: MouseEvent): { r: number; c: number } | null => {
    const el = scrollRef.current;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    const x = e.clientX - box.left - el.clientLeft,
      y = e.clientY - box.top - el.clientTop;
    if (x >= el.clientWidth || y >= el.clientHeight) return null;
    return cellAtPoint(x + el.scrollLeft, y + el.scrollTop, paintState.current.employeeIds.length, paintState.current.looks.length);
  };
  const paintCode = (p: { r: number; c: number }, merge: boolean) => {
    const s = usePlan.getState();
    if (s.tool === null) return;
    s.apply([{ key: keyOf(s.employees[p.r].id, s.days[p.c]), code: s.tool || null }], merge);
  };
  const onMouseDown = (e: MouseEvent) => {
    const p = cellAt(e);
    if (!p || e.button !== 0) return;
    e.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
    const s = usePlan.getState();
    if (s.tool !== null && !e.shiftKey) {
      s.setCursor(p);
      paintCode(p, false);
      drag.current = { active: true, painting: true };
    } else {
      s.setCursor(p, e.shiftKey);
      drag.current = { active: true, painting: false };
    }
  };
  const onMouseMove = (e: MouseEvent) => {
    if (!drag.current.active) return;
    const p = cellAt(e);
    if (!p) return;
    const cur = usePlan.getState().cursor;
    if (p.r === cur.r && p.c === cur.c) return;
    if (drag.current.painting) {
      usePlan.getState().setCursor(p);
      paintCode(p, true);
    } else usePlan.getState().setCursor(p, true);
  };
  useEffect(() => {
    // A paint stroke ends on release; the palette goes back to «Marker», so the next click
    // only moves the cursor and never overwrites a cell unasked.
    const up = () => {
      if (drag.current.active && drag.current.painting) usePlan.getState().setTool(null);
      drag.current.active = false;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);
  return { onMouseDown, onMouseMove };
}
