/**
 * «Bring a cell into view»: the viewport store every screen calls, and the one formula the grid
 * scrolls by.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { reveal, useViewport } from '../../../renderer/src/stores/viewport';
import { revealOffsets } from '../../../renderer/src/views/plan/grid/scroll';
import { CELL_W, ROW_H } from '../../../renderer/src/views/plan/grid/gridPaint';

describe('reveal(cell)', () => {
  it('leaves one request for the grid, the newest; the grid settles only the one it showed', () => {
    reveal({ employeeId: '4', date: '2027-03-01' });
    const first = useViewport.getState().request!;
    reveal({ employeeId: '5', date: '2027-03-02' });
    const second = useViewport.getState().request!;
    expect(second).toMatchObject({ employeeId: '5', date: '2027-03-02' });
    useViewport.getState().settle(first.seq);
    expect(useViewport.getState().request).toBe(second);
    useViewport.getState().settle(second.seq);
    expect(useViewport.getState().request).toBeNull();
  });
});

describe('where the grid scrolls to show a cell', () => {
  const box = { left: 10 * CELL_W, top: 5 * ROW_H, width: 20 * CELL_W, height: 10 * ROW_H };

  it('a cell already in view does not move the grid', () => {
    expect(revealOffsets(box, 8, 15, 'step')).toEqual({ left: box.left, top: box.top });
    expect(revealOffsets(box, 8, 15, 'jump')).toEqual({ left: box.left, top: box.top });
  });

  it('a key step past the edge scrolls just one cell', () => {
    expect(revealOffsets(box, 8, 30, 'step').left).toBe(box.left + CELL_W);
    expect(revealOffsets(box, 4, 15, 'step').top).toBe(box.top - ROW_H);
  });

  it('a jump puts the cell a third into the view, never before the start', () => {
    expect(revealOffsets(box, 8, 100, 'jump').left).toBe(Math.round(100 * CELL_W - box.width / 3));
    expect(revealOffsets(box, 0, 0, 'jump')).toEqual({ left: 0, top: 0 });
  });

  it('after scrolling, the cell is always fully in view', () => {
    fc.assert(
      fc.property(
        fc.nat(400),
        fc.nat(200),
        fc.nat(20000),
        fc.nat(8000),
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 2, max: 40 }),
        fc.constantFrom('step' as const, 'jump' as const),
        (c, r, left, top, cols, rows, how) => {
          const b = { left, top, width: cols * CELL_W, height: rows * ROW_H };
          const to = revealOffsets(b, r, c, how);
          expect(c * CELL_W).toBeGreaterThanOrEqual(to.left);
          expect((c + 1) * CELL_W).toBeLessThanOrEqual(to.left + b.width);
          expect(r * ROW_H).toBeGreaterThanOrEqual(to.top);
          expect((r + 1) * ROW_H).toBeLessThanOrEqual(to.top + b.height);
        },
      ),
    );
  });
});
