/**
 * What the user left open on a plan (the month in view, the open step), kept per plan in the
 * browser's local storage, so a reload shows the same place. Never essential: storage that is
 * full or switched off just forgets.
 */
const keyOf = (planId: number, what: string) => `turnus.plan.${planId}.${what}`;

export function recall(planId: number, what: string): string | null {
  try {
    return localStorage.getItem(keyOf(planId, what));
  } catch {
    return null;
  }
}

export function remember(planId: number, what: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(keyOf(planId, what));
    else localStorage.setItem(keyOf(planId, what), value);
  } catch {
    /* forgets */
  }
}
