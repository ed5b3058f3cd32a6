/**
 * The cells one move changed, with their values before and after, so the search can undo a
 * rejected move or replay an accepted one. Both solver models (Curtois and the Norwegian
 * product model) keep their grid as a typed array of small integers and log into this.
 */
export class MoveLog {
  /** Number of entries of the current move. */
  length = 0;
  cell = new Int32Array(64);
  before = new Int16Array(64);
  after = new Int16Array(64);

  clear(): void {
    this.length = 0;
  }

  record(cell: number, before: number, after: number): void {
    if (this.length === this.cell.length) this.grow();
    this.cell[this.length] = cell;
    this.before[this.length] = before;
    this.after[this.length] = after;
    this.length++;
  }

  /** Sets every logged cell back to its value before the move, last change first. */
  undo(set: (cell: number, value: number) => void): void {
    for (let k = this.length - 1; k >= 0; k--) set(this.cell[k], this.before[k]);
  }

  /** Sets every logged cell to its value after the move again, in order. */
  redo(set: (cell: number, value: number) => void): void {
    for (let k = 0; k < this.length; k++) set(this.cell[k], this.after[k]);
  }

  private grow(): void {
    const n = this.length * 2;
    const c = new Int32Array(n);
    c.set(this.cell);
    const b = new Int16Array(n);
    b.set(this.before);
    const a = new Int16Array(n);
    a.set(this.after);
    this.cell = c;
    this.before = b;
    this.after = a;
  }
}
