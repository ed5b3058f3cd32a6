/**
 * Work that may wait for an idle moment: whole-plan figures (capacity, coverage, step checks)
 * recomputed after an edit must never hold up the frame that paints the edit. `whenIdle` runs
 * a function once the browser has time (at the latest after `timeoutMs`), `useIdleValue`
 * recomputes a value that way whenever its triggers change and keeps the previous value until
 * then, so a burst of keystrokes costs one computation after the burst.
 */
import { type DependencyList, useEffect, useRef, useState } from 'react';

/** Longest wait for an idle moment (ms): a busy page still gets its figures. */
export const IDLE_TIMEOUT_MS = 400;

/** Runs `fn` when the browser is idle (or after `timeoutMs`); returns a cancel function. */
export function whenIdle(fn: () => void, timeoutMs = IDLE_TIMEOUT_MS): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(h);
  }
  const t = setTimeout(fn, 0);
  return () => clearTimeout(t);
}

/** `compute()` in an idle moment after any of `deps` changed; `initial` until the first result. */
export function useIdleValue<T>(compute: () => T, deps: DependencyList, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  const fn = useRef(compute);
  fn.current = compute;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's triggers are the dependencies; `compute` is read through a ref
  useEffect(() => whenIdle(() => setValue(() => fn.current())), deps);
  return value;
}
