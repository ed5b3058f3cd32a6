/** Save slice: edits wait in a queue and go to the API client in one `setCells` call. */
import { messageOf } from '../../lib/message';
import { splitKey } from '../../lib/cellKey';
import type { CellChange, SaveSlice, Slice } from './types';

export const SAVE_DELAY_MS = 400;

export const createSaveSlice: Slice<SaveSlice> = (set, get, ctx) => {
  ctx.cancelSave = () => {
    if (ctx.saveTimer) clearTimeout(ctx.saveTimer);
    ctx.saveTimer = null;
  };
  ctx.scheduleSave = () => {
    ctx.cancelSave();
    ctx.saveTimer = setTimeout(() => void get().flush(), ctx.deps.saveDelayMs ?? SAVE_DELAY_MS);
  };
  return {
    saveState: 'lagret',
    saveError: null,
    async flush() {
      ctx.cancelSave();
      const planId = get().planId;
      if (planId == null || ctx.pending.size === 0) return;
      const batch = ctx.pending;
      ctx.pending = new Map();
      const changes: CellChange[] = [...batch].map(([k, code]) => {
        const [employeeId, date] = splitKey(k);
        return { employeeId, date, code };
      });
      set({ saveState: 'lagrer' });
      try {
        await ctx.deps.transport.setCells(planId, changes);
        set({ saveState: ctx.pending.size ? 'endret' : 'lagret', saveError: null });
      } catch (e) {
        // Keep what failed unless a newer edit replaced it; the next edit retries.
        for (const [k, v] of batch) if (!ctx.pending.has(k)) ctx.pending.set(k, v);
        set({ saveState: 'feil', saveError: messageOf(e) });
      }
    },
    async discardUnsaved() {
      ctx.cancelSave();
      ctx.pending = new Map();
      set({ saveState: 'lagret', saveError: null, undoStack: [], redoStack: [] });
      await get().reloadFile();
    },
    hasUnsaved() {
      return ctx.pending.size > 0 || get().saveState === 'lagrer';
    },
  };
};
