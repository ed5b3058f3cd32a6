/**
 * The check every Curtois move test makes after one move: the incremental score equals a full
 * recompute, the move's recorded deltas are the change it made, and undo restores the roster.
 */
import { expect } from 'vitest';
import type { CurtoisState } from '../../../shared/solver/curtois/model';

export function expectExactMoveAndUndo(st: CurtoisState, h0: number, s0: number, before: Int16Array): void {
  const [h1, s1] = [st.hard, st.soft];
  st.recompute();
  expect([st.hard, st.soft]).toEqual([h1, s1]);
  expect([h1 - h0, s1 - s0]).toEqual([st.lastDeltaHard, st.lastDeltaSoft]);
  st.undo();
  expect([...st.a]).toEqual([...before]);
}
