/**
 * Repair mode's search space: only the cells involved in a breach may change. A work cell is
 * involved when taking it away lowers the model's hard count (every term counts exactly what
 * the rule engine counts, plus the generator's policies: weekend group, weekend rhythm, days in
 * a row, the hours band). Empty cells of the same days are opened as well, so a shift can move
 * to a colleague instead of being dropped; every change costs (`weights.change`, a langvakt
 * `weights.changeLong`), so the search removes each breach with as few changed cells as it can.
 */
import type { TurnusPlan } from '../../plan/model';
import { NorwegianState, type OverTolerance } from './model';
import { EMPTY } from './terms/index';
import { free, type PlanGrid } from './grid';

export function repairCells(
  plan: TurnusPlan,
  grid: PlanGrid,
  overTolerance: OverTolerance,
  allowOffGroupWeekends: readonly string[] | undefined,
): Uint8Array {
  const { E, D } = grid;
  const n = E * D;
  const none = new Uint8Array(n);
  const probeState = new NorwegianState({
    plan,
    editable: none,
    start: grid.original,
    vacation: grid.vacation,
    overTolerance,
    keepStartHours: true,
    allowOffGroupWeekends,
  });
  const editable = new Uint8Array(n);
  if (probeState.hard === 0) return editable;
  const days = new Uint8Array(D);
  const rowBad = new Uint8Array(E);
  for (let e = 0; e < E; e++) {
    let involved = false;
    for (let d = 0; d < D; d++) {
      const i = e * D + d;
      if (grid.original[i] < 0 || !free(grid, i)) continue;
      probeState.begin();
      probeState.put(i, EMPTY);
      if (probeState.lastDeltaHard < 0) {
        editable[i] = 1;
        days[d] = 1;
        involved = true;
      }
      probeState.undo();
      probeState.begin();
    }
    if (!involved) rowBad[e] = employeeHasBreach(probeState, e) ? 1 : 0;
  }
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      const i = e * D + d;
      if (!free(grid, i)) continue;
      // A breach no single removal lowers (far over an average): the employee's whole row.
      if (rowBad[e]) editable[i] = 1;
      else if (days[d] && grid.original[i] === EMPTY) editable[i] = 1;
    }
  }
  return editable;
}

/** Does e have a breach of her own (a term counting something in her row)? */
function employeeHasBreach(st: NorwegianState, e: number): boolean {
  if (st.bandHard(e, st.plannedMin[e]) > 0) return true;
  for (const t of st.terms) if (t.count(st.env, e, -100000, 100000) > 0) return true;
  return false;
}
