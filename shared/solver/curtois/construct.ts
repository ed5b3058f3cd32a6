/** The greedy start of the Curtois solver. */
import type { Rng } from '../anneal/rng';
import type { CurtoisCore } from './core';

/** Greedy constructive start: fill cover requirements one person at a time by best delta. */
export function construct(cs: CurtoisCore, rng: Rng, sample = 24): void {
  const { E, D, S } = cs;
  const hw = 4;
  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      const k = d * S + s;
      while (cs.cnt[k] < cs.req[k]) {
        let bestI = -1;
        let bestDelta = 0;
        const tries = Math.min(sample, E);
        for (let t = 0; t < tries; t++) {
          const e = tries === E ? t : rng.int(E);
          const i = e * D + d;
          if (cs.a[i] !== -1 || !cs.canTake(e, d, s)) continue;
          cs.begin();
          cs.put(i, s);
          const delta = cs.lastDeltaHard * hw + cs.lastDeltaSoft;
          cs.undo();
          if (delta < bestDelta) {
            bestDelta = delta;
            bestI = i;
          }
        }
        if (bestI < 0) break;
        cs.begin();
        cs.put(bestI, s);
      }
    }
  }
  cs.begin();
}
