/**
 * Pilot scenarios of the open unit (issue 7): the list, the open scenario and the last
 * stillingsøkning result. Actions call `api.*`; errors are kept as Norwegian messages.
 */
import { create } from 'zustand';
import { api, messageOf } from '../api';
import type {
  AcceptedOffer,
  MakeCurrentResult,
  NewScenario,
  ScenarioDetail,
  ScenarioSummary,
  StillingsokningView,
} from '../../../shared/api/scenario';
import type { PriorityInfo } from '../../../shared/scenario';

interface ScenariosState {
  unitId: number | null;
  list: ScenarioSummary[] | null;
  current: ScenarioDetail | null;
  assistant: StillingsokningView | null;
  error: string | null;

  loadList(unitId: number): Promise<void>;
  create(input: NewScenario): Promise<ScenarioDetail>;
  open(scenarioId: number): Promise<void>;
  rename(scenarioId: number, name: string, description?: string): Promise<void>;
  copy(scenarioId: number): Promise<ScenarioDetail>;
  remove(scenarioId: number): Promise<void>;
  runAssistant(priority: Record<string, PriorityInfo>): Promise<void>;
  accept(offers: AcceptedOffer[]): Promise<void>;
  makeCurrent(): Promise<MakeCurrentResult>;
}

export const useScenarios = create<ScenariosState>((set, get) => ({
  unitId: null,
  list: null,
  current: null,
  assistant: null,
  error: null,

  async loadList(unitId) {
    if (get().unitId !== unitId) set({ unitId, list: null });
    try {
      set({ list: await api.listScenarios(unitId), error: null });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
  async create(input) {
    const s = await api.createScenario(input);
    await get().loadList(input.unitId);
    return s;
  },
  async open(scenarioId) {
    if (get().current?.id !== scenarioId) set({ current: null, assistant: null });
    try {
      set({ current: await api.getScenario(scenarioId), error: null });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
  async rename(scenarioId, name, description) {
    const s = await api.renameScenario(scenarioId, name, description);
    const cur = get().current;
    if (cur?.id === scenarioId) set({ current: { ...cur, name: s.name, description: s.description } });
    if (get().unitId === s.unitId) await get().loadList(s.unitId);
  },
  async copy(scenarioId) {
    const s = await api.copyScenario(scenarioId);
    await get().loadList(s.unitId);
    return s;
  },
  async remove(scenarioId) {
    await api.deleteScenario(scenarioId);
    const unitId = get().unitId;
    if (unitId !== null) await get().loadList(unitId);
  },
  async runAssistant(priority) {
    const cur = get().current;
    if (!cur) return;
    set({ assistant: await api.runStillingsokning(cur.id, priority), current: { ...cur, priority } });
  },
  async accept(offers) {
    const cur = get().current;
    if (!cur) return;
    const next = await api.acceptOffers(cur.id, offers);
    set({ current: next, assistant: await api.runStillingsokning(cur.id) });
  },
  async makeCurrent() {
    const cur = get().current;
    if (!cur) throw new Error('Ingen scenario er åpent.');
    const res = await api.makeScenarioCurrent(cur.id);
    set({ current: await api.getScenario(cur.id) });
    return res;
  },
}));
