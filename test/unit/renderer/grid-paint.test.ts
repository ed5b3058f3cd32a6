import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CELL_W,
  ROW_H,
  cellAtPoint,
  paintCells,
  visibleRange,
  type GridTheme,
  type Paint2D,
  type PaintInput,
} from '../../../renderer/src/views/plan/grid/gridPaint';
import { keyOf } from '../../../renderer/src/lib/cellKey';

const THEME: GridTheme = {
  background: '#fff',
  ink: 'ink',
  line: 'line',
  mondayLine: 'monday',
  weekend: 'weekend',
  holiday: 'holiday',
  selection: 'sel',
  cursor: 'cursor',
  hit: 'hit',
  comment: 'comment',
  pinned: 'pinned',
  fontFamily: 'system-ui',
  fontPx: 10.8,
  longFontPx: 8.7,
};

interface Op {
  op: string;
  args: unknown[];
  fill: string;
  font: string;
}

/** A 2D context that records what is drawn, with the fill colour and font of the moment. */
function recorder(): Paint2D & { ops: Op[] } {
  const ops: Op[] = [];
  const ctx = {
    ops,
    fillStyle: '' as string,
    strokeStyle: '' as string,
    lineWidth: 1,
    font: '',
    textAlign: 'start' as CanvasTextAlign,
    textBaseline: 'alphabetic' as CanvasTextBaseline,
    rec(op: string, args: unknown[]) {
      ops.push({ op, args, fill: String(ctx.fillStyle), font: ctx.font });
    },
    fillRect(...a: number[]) {
      ctx.rec('fillRect', a);
    },
    strokeRect(...a: number[]) {
      ops.push({ op: 'strokeRect', args: a, fill: String(ctx.strokeStyle), font: '' });
    },
    fillText(...a: unknown[]) {
      ctx.rec('fillText', a);
    },
    beginPath() {},
    moveTo() {},
    lineTo() {},
    closePath() {},
    fill() {
      ctx.rec('fill', []);
    },
  };
  return ctx as unknown as Paint2D & { ops: Op[] };
}

// Mon 4 Jan 2027 … Sun 17 Jan 2027; Sat/Sun are weekend days; pretend the 6th is a holiday.
const DAYS = Array.from({ length: 14 }, (_, i) => ({
  date: `2027-01-${String(4 + i).padStart(2, '0')}`,
  weekend: i % 7 >= 5,
  holiday: i === 2,
  monday: i % 7 === 0,
}));
const IDS = ['e1', 'e2', 'e3'];

function input(over: Partial<PaintInput> = {}): PaintInput {
  return {
    x: 0,
    y: 0,
    width: 14 * CELL_W,
    height: 3 * ROW_H,
    employeeIds: IDS,
    days: DAYS,
    cells: new Map([
      [keyOf('e1', '2027-01-04'), 'D'],
      [keyOf('e2', '2027-01-09'), 'L'],
      [keyOf('e3', '2027-01-05'), 'KURS2'],
    ]),
    colors: new Map([
      ['D', 'blue'],
      ['L', 'green'],
    ]),
    selection: { r0: 2, r1: 2, c0: 3, c1: 4 },
    cursor: { r: 1, c: 1 },
    hits: new Map([[keyOf('e2', '2027-01-09'), 'For lite hvile']]),
    marks: { comment: new Set([keyOf('e1', '2027-01-04')]), pinned: new Set() },
    ...over,
  };
}

const rectAt = (ops: Op[], x: number, y: number, fill: string) =>
  ops.some((o) => o.op === 'fillRect' && o.args[0] === x && o.args[1] === y && o.fill === fill);

describe('painting the grid cells', () => {
  it('draws each code centred in its cell with the code colour behind it', () => {
    const ctx = recorder();
    paintCells(ctx, input(), THEME);
    const texts = ctx.ops.filter((o) => o.op === 'fillText').map((o) => o.args[0]);
    expect(texts.sort()).toEqual(['D', 'KURS2', 'L']);
    expect(rectAt(ctx.ops, 0, 0, 'blue')).toBe(true); // e1, Monday: D
    expect(rectAt(ctx.ops, 5 * CELL_W, ROW_H, 'green')).toBe(true); // e2, Saturday: L over the weekend shade
    const long = ctx.ops.find((o) => o.op === 'fillText' && o.args[0] === 'KURS2')!;
    expect(long.font).toContain('8.7px');
  });

  it('shades weekends and holidays, and the selection wins over everything', () => {
    const ctx = recorder();
    paintCells(ctx, input(), THEME);
    expect(rectAt(ctx.ops, 6 * CELL_W, 0, 'weekend')).toBe(true); // Sunday, empty
    expect(rectAt(ctx.ops, 2 * CELL_W, 0, 'holiday')).toBe(true);
    expect(rectAt(ctx.ops, 3 * CELL_W, 2 * ROW_H, 'sel')).toBe(true);
    expect(rectAt(ctx.ops, 4 * CELL_W, 2 * ROW_H, 'sel')).toBe(true);
    expect(rectAt(ctx.ops, 5 * CELL_W, 2 * ROW_H, 'sel')).toBe(false);
  });

  it('the cursor cell keeps its own colour inside the marked range', () => {
    const ctx = recorder();
    // e1's Monday holds D; the range covers it and the cursor stands on it.
    paintCells(ctx, input({ selection: { r0: 0, r1: 1, c0: 0, c1: 1 }, cursor: { r: 0, c: 0 } }), THEME);
    expect(rectAt(ctx.ops, 0, 0, 'blue')).toBe(true);
    expect(rectAt(ctx.ops, 0, 0, 'sel')).toBe(false);
    expect(rectAt(ctx.ops, CELL_W, 0, 'sel')).toBe(true);
    expect(rectAt(ctx.ops, 0, ROW_H, 'sel')).toBe(true);
  });

  it('marks rule hits with a red bar, the cursor with a frame and comments with a corner', () => {
    const ctx = recorder();
    paintCells(ctx, input(), THEME);
    const bar = ctx.ops.find((o) => o.op === 'fillRect' && o.fill === 'hit')!;
    expect(bar.args).toEqual([5 * CELL_W, ROW_H + ROW_H - 5, CELL_W - 1, 4]);
    const frame = ctx.ops.find((o) => o.op === 'strokeRect')!;
    expect(frame.fill).toBe('cursor');
    expect(frame.args).toEqual([CELL_W + 1, ROW_H + 1, CELL_W - 2, ROW_H - 3]);
    expect(ctx.ops.filter((o) => o.op === 'fill' && o.fill === 'comment')).toHaveLength(1);
  });

  it('paints only what is in view, in the coordinates of the view', () => {
    const ctx = recorder();
    // Scrolled one week to the right: only the second week is visible.
    paintCells(ctx, input({ x: 7 * CELL_W, width: 7 * CELL_W }), THEME);
    expect(ctx.ops.filter((o) => o.op === 'fillText')).toHaveLength(0);
    expect(rectAt(ctx.ops, (12 - 7) * CELL_W, 0, 'weekend')).toBe(true); // Sat 16 Jan
    expect(
      ctx.ops
        .filter((o) => o.op === 'fillRect' && o.fill === 'weekend')
        .every((o) => (o.args[0] as number) >= 0 && (o.args[0] as number) < 7 * CELL_W),
    ).toBe(true);
  });

  it('a point maps to the cell the painter drew there, and outside the grid to nothing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 400 }),
        fc.nat(40 * ROW_H),
        fc.nat(400 * CELL_W),
        (rows, days, y, x) => {
          const p = cellAtPoint(x, y, rows, days);
          if (y >= rows * ROW_H || x >= days * CELL_W) expect(p).toBeNull();
          else {
            expect(p).not.toBeNull();
            expect(p!.r * ROW_H <= y && y < (p!.r + 1) * ROW_H).toBe(true);
            expect(p!.c * CELL_W <= x && x < (p!.c + 1) * CELL_W).toBe(true);
            const v = visibleRange(x, y, 1, 1, rows, days);
            expect([v.r0, v.c0]).toEqual([p!.r, p!.c]);
          }
        },
      ),
    );
  });
});
