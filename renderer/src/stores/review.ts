/**
 * Drøfting, versions, comments and change log of one plan (issue 8). Holds what the review
 * screens show; every action calls `api.*` and refreshes what it changed.
 */
import { create } from 'zustand';
import { api, messageOf } from '../api';
import { usePlan } from './plan';
import type { PlanDetail } from '../../../shared/api';
import type { ChangeLogEntry, NewComment, PlanComment, ReviewState, StatusChange } from '../../../shared/api/review';

/** How many change log entries the screen shows. */
export const CHANGE_LOG_LIMIT = 300;

interface ReviewStore {
  planId: number | null;
  plan: PlanDetail | null;
  state: ReviewState | null;
  comments: PlanComment[] | null;
  changeLog: ChangeLogEntry[] | null;
  userName: string | null;
  loadError: string | null;

  load(planId: number): Promise<void>;
  refreshState(): Promise<void>;
  refreshLog(): Promise<void>;
  setStatus(change: StatusChange): Promise<void>;
  createVersion(name: string): Promise<void>;
  addComment(c: NewComment): Promise<void>;
  resolveComment(id: number, resolved: boolean): Promise<void>;
  deleteComment(id: number): Promise<void>;
  setUserName(name: string | null): Promise<void>;
}

/**
 * Edits made in the grid just before opening these screens may still be on their way to the
 * backend (the plan view saves shortly after the last edit and on leaving). Wait for them, so
 * the diff, the warnings and the exports include them.
 */
async function planSaved(): Promise<void> {
  await usePlan
    .getState()
    .flush()
    .catch(() => undefined);
  if (usePlan.getState().saveState !== 'lagrer') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, 10_000);
    const unsub = usePlan.subscribe((s) => {
      if (s.saveState !== 'lagrer') done();
    });
    function done() {
      clearTimeout(timer);
      unsub();
      resolve();
    }
  });
}

function needPlan(planId: number | null): number {
  if (planId == null) throw new Error('Ingen turnusplan er valgt.');
  return planId;
}

export const useReview = create<ReviewStore>((set, get) => ({
  planId: null,
  plan: null,
  state: null,
  comments: null,
  changeLog: null,
  userName: null,
  loadError: null,

  async load(planId) {
    if (get().planId !== planId) {
      set({ planId, plan: null, state: null, comments: null, changeLog: null, loadError: null });
    }
    try {
      await planSaved();
      const [plan, state, comments, changeLog, userName] = await Promise.all([
        api.getPlan(planId),
        api.getReviewState(planId),
        api.listComments(planId),
        api.listChangeLog(planId, CHANGE_LOG_LIMIT),
        api.getUserName(),
      ]);
      if (get().planId !== planId) return;
      set({ plan, state, comments, changeLog, userName, loadError: null });
    } catch (e) {
      set({ loadError: messageOf(e) });
    }
  },
  async refreshState() {
    const planId = needPlan(get().planId);
    const [state, plan] = await Promise.all([api.getReviewState(planId), api.getPlan(planId)]);
    set({ state, plan });
  },
  async refreshLog() {
    const planId = needPlan(get().planId);
    set({ changeLog: await api.listChangeLog(planId, CHANGE_LOG_LIMIT) });
  },
  async setStatus(change) {
    const planId = needPlan(get().planId);
    const state = await api.setPlanStatus(planId, change);
    set({ state });
    await Promise.all([get().refreshState(), get().refreshLog()]);
  },
  async createVersion(name) {
    const planId = needPlan(get().planId);
    await api.createVersion(planId, name);
    await Promise.all([get().refreshState(), get().refreshLog()]);
  },
  async addComment(c) {
    const planId = needPlan(get().planId);
    await api.addComment(planId, c);
    set({ comments: await api.listComments(planId) });
    void get().refreshLog();
  },
  async resolveComment(id, resolved) {
    const planId = needPlan(get().planId);
    await api.resolveComment(id, resolved);
    set({ comments: await api.listComments(planId) });
    void get().refreshLog();
  },
  async deleteComment(id) {
    const planId = needPlan(get().planId);
    await api.deleteComment(id);
    set({ comments: await api.listComments(planId) });
    void get().refreshLog();
  },
  async setUserName(name) {
    set({ userName: await api.setUserName(name) });
  },
}));
