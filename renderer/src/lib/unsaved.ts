/**
 * Forms with changes not yet saved («Lagre» not pressed). While one is open, closing or
 * reloading the window asks first (beforeunload, in App), and so does leaving it inside the
 * app (the router asks before it follows a link, see router.ts).
 */
import { useEffect } from 'react';

const dirty = new Map<symbol, string>();

/** The names of the forms with unsaved changes, e.g. «bemanningsplanen». */
export function unsavedForms(): string[] {
  return [...new Set(dirty.values())];
}

/** Marks a form (by the name the user knows it by) as having unsaved changes while `isDirty`. */
export function useUnsavedGuard(name: string, isDirty: boolean): void {
  useEffect(() => {
    if (!isDirty) return;
    const id = Symbol(name);
    dirty.set(id, name);
    return () => {
      dirty.delete(id);
    };
  }, [name, isDirty]);
}

/** Asks before unsaved changes are left behind; true when there are none or the user agrees. */
export function confirmLeave(): boolean {
  const forms = unsavedForms();
  if (forms.length === 0) return true;
  return window.confirm(`Du har endringer i ${forms.join(' og ')} som ikke er lagret. Vil du gå videre og forkaste dem?`);
}
