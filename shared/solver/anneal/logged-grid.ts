/**
 * The part of a search state both solver models share: the score (`hard`, `soft`) and the change
 * of the current move (`lastDelta*`), a grid of small integers changed only through `put`, which
 * logs every change so the engine can `undo` a rejected move or `redo` it, and the best grid so
 * far (`saveBest`). A model supplies `set(i, v)`: change one cell and add its score change to
 * `hard`/`soft` and `lastDelta*`.
 */
import { MoveLog } from './move-log';

export abstract class LoggedGrid {
  hard = 0;
  soft = 0;
  lastDeltaHard = 0;
  lastDeltaSoft = 0;
  readonly log = new MoveLog();

  /** `grid` is the current cell values, `best` the copy `saveBest` keeps (same length). */
  constructor(
    protected readonly grid: Int16Array,
    readonly best: Int16Array,
  ) {}

  /** Change one cell and its counters, adding the score change to `hard`, `soft` and `lastDelta*`. */
  abstract set(i: number, v: number): void;

  /** Starts a move: nothing logged, no change yet. */
  begin(): void {
    this.log.clear();
    this.lastDeltaHard = 0;
    this.lastDeltaSoft = 0;
  }

  /** Changes one cell as part of the current move (logged; nothing happens when it has `v`). */
  put(i: number, v: number): void {
    const old = this.grid[i];
    if (old === v) return;
    this.log.record(i, old, v);
    this.set(i, v);
  }

  /** `set` bound once, for the move log's undo and redo (no closure per move). */
  private readonly setCell = (i: number, v: number): void => this.set(i, v);

  undo(): void {
    this.log.undo(this.setCell);
  }

  redo(): void {
    this.log.redo(this.setCell);
  }

  saveBest(): void {
    this.best.set(this.grid);
  }
}
