/** The grid keeps the first day in view per plan and shows it again after a reload. */
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { usePlan } from '../../../stores/plan';
import { recall, remember } from '../../../lib/remember';
import { CELL_W } from './gridPaint';

const SAVE_AFTER_MS = 300;

/** Returns the scroll listener that remembers; restores once per plan when its days arrive. */
export function useRememberedView(scrollRef: RefObject<HTMLDivElement | null>, days: readonly string[]) {
  const planId = usePlan((s) => s.planId);
  const restored = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || planId == null || days.length === 0 || restored.current === planId) return;
    restored.current = planId;
    const date = recall(planId, 'firstDay');
    const c = date ? days.indexOf(date) : -1;
    if (c > 0) el.scrollLeft = c * CELL_W;
  }, [scrollRef, planId, days]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    const el = scrollRef.current;
    if (!el || planId == null || restored.current !== planId) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const c = Math.min(days.length - 1, Math.round(el.scrollLeft / CELL_W));
      if (c >= 0) remember(planId, 'firstDay', c === 0 ? null : days[c]);
    }, SAVE_AFTER_MS);
  }, [scrollRef, planId, days]);
}
