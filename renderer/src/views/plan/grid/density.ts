/** Applies the grid density (stores/gridDensity) to the grid's sizes; the grid is then mounted anew. */
import { DENSITY } from '../../../stores/gridDensity';
import { setCellWidth } from './gridPaint';
import { setStatScale } from './panes';

/** Width of the names pane (px), a live binding set by applyDensity. */
export let NAME_W: number = DENSITY.normal.nameW;

export function applyDensity(compact: boolean): void {
  const d = compact ? DENSITY.compact : DENSITY.normal;
  setCellWidth(d.cellW);
  setStatScale(d.statScale);
  NAME_W = d.nameW;
}
