/** Where the grid scrolls to bring a cell into view: the one formula for the cursor and jumps. */
import { CELL_W, ROW_H } from './gridPaint';

export interface ScrollBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * The scroll offsets that show cell (r, c). An axis on which the cell is already fully in view
 * does not move. Otherwise a `step` (the cursor moved by a key) scrolls just enough, and a
 * `jump` (another screen asked for the cell) puts the cell a third into the view, so what
 * comes before it shows too.
 */
export function revealOffsets(box: ScrollBox, r: number, c: number, how: 'step' | 'jump'): { left: number; top: number } {
  const axis = (pos: number, size: number, offset: number, view: number): number => {
    if (pos >= offset && pos + size <= offset + view) return offset;
    if (how === 'jump') return Math.max(0, Math.round(pos - view / 3));
    return pos < offset ? pos : pos + size - view;
  };
  return { left: axis(c * CELL_W, CELL_W, box.left, box.width), top: axis(r * ROW_H, ROW_H, box.top, box.height) };
}
