/** The array-backed day map of the plan index (`EmployeeIndex.cells`). Pure. */
import type { DayNumber } from '../calendar';

/**
 * `Map<DayNumber, V>` backed by an array over a day range (the period ± a margin), with a
 * real `Map` for days outside it. Iterates in day order (array part, then the other days
 * sorted). Same behaviour as a `Map` for every lookup and update.
 */
export class DayCellMap<V> implements Map<DayNumber, V> {
  private slots: (V | undefined)[];
  private outside: Map<DayNumber, V> | undefined;
  private count = 0;

  constructor(
    private readonly base: DayNumber,
    length: number,
  ) {
    this.slots = new Array<V | undefined>(Math.max(0, length));
  }

  get size(): number {
    return this.count + (this.outside ? this.outside.size : 0);
  }
  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  private slot(day: DayNumber): number {
    const i = day - this.base;
    return i >= 0 && i < this.slots.length && Number.isInteger(i) ? i : -1;
  }

  get(day: DayNumber): V | undefined {
    const i = day - this.base;
    if (i >= 0 && i < this.slots.length) {
      const c = this.slots[i];
      if (c !== undefined || Number.isInteger(i)) return c;
    }
    return this.outside?.get(day);
  }

  has(day: DayNumber): boolean {
    return this.get(day) !== undefined;
  }

  set(day: DayNumber, cell: V): this {
    const i = this.slot(day);
    if (i >= 0) {
      if (this.slots[i] === undefined) this.count++;
      this.slots[i] = cell;
    } else {
      this.outside ??= new Map();
      this.outside.set(day, cell);
    }
    return this;
  }

  delete(day: DayNumber): boolean {
    const i = this.slot(day);
    if (i >= 0) {
      if (this.slots[i] === undefined) return false;
      this.slots[i] = undefined;
      this.count--;
      return true;
    }
    return this.outside ? this.outside.delete(day) : false;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.count = 0;
    this.outside = undefined;
  }

  private *pairs(): Generator<[DayNumber, V]> {
    const before: [DayNumber, V][] = [],
      after: [DayNumber, V][] = [];
    if (this.outside) {
      for (const [d, c] of this.outside) (d < this.base ? before : after).push([d, c]);
      before.sort((a, b) => a[0] - b[0]);
      after.sort((a, b) => a[0] - b[0]);
    }
    yield* before;
    for (let i = 0; i < this.slots.length; i++) {
      const c = this.slots[i];
      if (c !== undefined) yield [this.base + i, c];
    }
    yield* after;
  }

  entries(): MapIterator<[DayNumber, V]> {
    return [...this.pairs()].values();
  }
  keys(): MapIterator<DayNumber> {
    return [...this.pairs()].map((p) => p[0]).values();
  }
  values(): MapIterator<V> {
    return [...this.pairs()].map((p) => p[1]).values();
  }
  [Symbol.iterator](): MapIterator<[DayNumber, V]> {
    return this.entries();
  }

  forEach(fn: (value: V, key: DayNumber, map: Map<DayNumber, V>) => void, thisArg?: unknown): void {
    for (const [d, c] of this.pairs()) fn.call(thisArg, c, d, this);
  }
}
