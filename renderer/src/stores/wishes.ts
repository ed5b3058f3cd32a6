/** Ferieønsker of the open plan (step 2 of the order of work). Actions call `api.*`. */
import { create } from 'zustand';
import { api, messageOf } from '../api';
import type { NewVacationWish, VacationWish, WishStatus } from '../../../shared/api/wishes';

interface WishesState {
  planId: number | null;
  wishes: VacationWish[];
  loadError: string | null;
  load(planId: number): Promise<void>;
  add(wish: NewVacationWish): Promise<VacationWish>;
  /** Approving lays FE and rejecting puts the replaced shifts back, in the backend: reload the plan after. */
  setStatus(wishId: number, status: WishStatus): Promise<VacationWish>;
  /** Approves several wishes in one transaction. */
  approveMany(wishIds: number[]): Promise<VacationWish[]>;
  update(wishId: number, wish: NewVacationWish): Promise<VacationWish>;
  remove(wishId: number): Promise<void>;
}

const byStart = (a: VacationWish, b: VacationWish) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id - b.id);

export const useWishes = create<WishesState>((set, get) => ({
  planId: null,
  wishes: [],
  loadError: null,
  async load(planId) {
    if (get().planId !== planId) set({ planId, wishes: [], loadError: null });
    try {
      set({ wishes: (await api.listWishes(planId)).sort(byStart), loadError: null });
    } catch (e) {
      set({ loadError: messageOf(e) });
    }
  },
  async add(wish) {
    const planId = get().planId;
    if (planId == null) throw new Error('Ingen plan er åpen.');
    const created = await api.addWish(planId, wish);
    set({ wishes: [...get().wishes, created].sort(byStart) });
    return created;
  },
  async setStatus(wishId, status) {
    const updated = await api.setWishStatus(wishId, status);
    set({ wishes: get().wishes.map((w) => (w.id === wishId ? updated : w)) });
    return updated;
  },
  async approveMany(wishIds) {
    const updated = await api.approveWishes(wishIds);
    const byId = new Map(updated.map((w) => [w.id, w]));
    set({ wishes: get().wishes.map((w) => byId.get(w.id) ?? w) });
    return updated;
  },
  async update(wishId, wish) {
    const updated = await api.updateWish(wishId, wish);
    set({
      wishes: get()
        .wishes.map((w) => (w.id === wishId ? updated : w))
        .sort(byStart),
    });
    return updated;
  },
  async remove(wishId) {
    await api.deleteWish(wishId);
    set({ wishes: get().wishes.filter((w) => w.id !== wishId) });
  },
}));
