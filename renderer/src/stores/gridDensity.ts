/**
 * The grid's density: normal, or compact (narrow days, names and figures) so that a whole month
 * fits on a 1400 × 900 screen with the rules panel open. Remembered in this browser.
 */
import { create } from 'zustand';

const KEY = 'turnus.gridDensity';

interface DensityState {
  compact: boolean;
  setCompact(compact: boolean): void;
}

function initial(): boolean {
  try {
    return localStorage.getItem(KEY) === 'compact';
  } catch {
    return false;
  }
}

export const useGridDensity = create<DensityState>((set) => ({
  compact: initial(),
  setCompact(compact) {
    try {
      localStorage.setItem(KEY, compact ? 'compact' : 'normal');
    } catch {
      /* not remembered */
    }
    set({ compact });
  },
}));

/** Sizes of the grid in each density (px). */
export const DENSITY = {
  normal: { cellW: 34, nameW: 200, statScale: 1 },
  compact: { cellW: 21, nameW: 124, statScale: 0.78 },
} as const;
