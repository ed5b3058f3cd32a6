/**
 * «Fyll ut» (issue 6): one generator job of the open plan, from the dialog to the preview.
 * The job runs in the backend's worker thread; this store starts it, polls its progress,
 * cancels it and applies the preview through the plan store, so the whole generated batch is
 * ONE undo step (`usePlan.apply`) and is autosaved like any other edit.
 */
import { create } from 'zustand';
import { api, messageOf } from '../api';
import { keyOf, usePlan } from './plan';
import type { GenerateOptions, GenerateStatus } from '../../../shared/api/solver';

export type GeneratePhase = 'closed' | 'setup' | 'running' | 'preview' | 'failed' | 'applied';

interface GenerateState {
  phase: GeneratePhase;
  planId: number | null;
  jobId: string | null;
  /** Options of the running or previewed job. */
  options: GenerateOptions | null;
  status: GenerateStatus | null;
  /** True once «Avbryt» was pressed for the current job. */
  cancelling: boolean;
  error: string | null;
  /** Number of cells written by the last «Bruk endringene». */
  appliedCells: number;
  /** The plan store's undo step of the last «Bruk endringene» (to tell whether it was undone). */
  appliedStep: unknown;

  open(planId: number): void;
  close(): void;
  start(options: GenerateOptions): Promise<void>;
  cancel(): Promise<void>;
  /** Writes the preview into the plan (one undo step) and closes the preview. */
  applyPreview(): number;
  discard(): void;
}

const POLL_MS = 400;
let timer: ReturnType<typeof setTimeout> | null = null;

function stopPolling() {
  if (timer) clearTimeout(timer);
  timer = null;
}

export const useGenerate = create<GenerateState>((set, get) => {
  function settle(status: GenerateStatus) {
    if (get().jobId !== status.jobId) return;
    if (status.state === 'running') {
      set({ status });
      return;
    }
    stopPolling();
    if (status.state === 'failed' || !status.preview) {
      set({ status, phase: 'failed', error: status.error ?? 'Generatoren stoppet uten resultat.', cancelling: false });
    } else {
      set({ status, phase: 'preview', cancelling: false });
    }
  }

  async function poll(jobId: string) {
    timer = null;
    try {
      const status = await api.getGenerateStatus(jobId);
      if (get().jobId !== jobId) return;
      settle(status);
      if (status.state === 'running' && get().phase === 'running') timer = setTimeout(() => void poll(jobId), POLL_MS);
    } catch (e) {
      if (get().jobId !== jobId) return;
      set({ phase: 'failed', error: messageOf(e) });
    }
  }

  return {
    phase: 'closed',
    planId: null,
    jobId: null,
    options: null,
    status: null,
    cancelling: false,
    error: null,
    appliedCells: 0,
    appliedStep: null,

    open(planId) {
      if (get().phase === 'running') return;
      set({ phase: 'setup', planId, jobId: null, status: null, error: null, cancelling: false });
    },
    close() {
      const { phase, jobId } = get();
      stopPolling();
      // Closing while the search runs stops it; nothing has been written to the plan.
      if (phase === 'running' && jobId) void api.cancelGenerate(jobId).catch(() => undefined);
      set({ phase: 'closed', jobId: null, status: null, error: null, cancelling: false });
    },
    async start(options) {
      const planId = get().planId;
      if (planId == null) return;
      stopPolling();
      set({ phase: 'running', options, status: null, error: null, cancelling: false, jobId: null });
      try {
        // The generator reads the saved plan: write the last grid edits first.
        await usePlan.getState().flush();
        if (usePlan.getState().saveState === 'feil')
          throw new Error('Planen har endringer som ikke er lagret. Lagre dem før du fyller ut.');
        const { jobId } = await api.startGenerate(planId, options);
        if (get().phase !== 'running') {
          void api.cancelGenerate(jobId).catch(() => undefined);
          return;
        }
        set({ jobId });
        timer = setTimeout(() => void poll(jobId), POLL_MS);
      } catch (e) {
        set({ phase: 'failed', error: messageOf(e) });
      }
    },
    async cancel() {
      const jobId = get().jobId;
      if (!jobId || get().phase !== 'running') return;
      set({ cancelling: true });
      stopPolling();
      try {
        settle(await api.cancelGenerate(jobId));
      } catch (e) {
        if (get().jobId === jobId) set({ phase: 'failed', error: messageOf(e), cancelling: false });
      }
    },
    applyPreview() {
      const preview = get().status?.preview;
      const plan = usePlan.getState();
      if (!preview || plan.planId !== get().planId) return 0;
      const changes = preview.cells.map((c) => ({ key: keyOf(c.employeeId, c.date), code: c.code }));
      const before = plan.undoStack.length;
      plan.apply(changes);
      const after = usePlan.getState().undoStack;
      const step = after.length > before ? after[after.length - 1] : null;
      const written = step ? step.length : 0;
      set({ phase: 'applied', appliedCells: written, appliedStep: step, jobId: null });
      return written;
    },
    discard() {
      stopPolling();
      set({ phase: 'closed', jobId: null, status: null, error: null });
    },
  };
});
