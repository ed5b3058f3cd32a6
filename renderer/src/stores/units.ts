/**
 * Units (avdelinger), their staff, shift types, bemanningsplan and plan list. Actions call
 * `api.*`; the store holds what the screens show and nothing about transport.
 */
import { create } from 'zustand';
import { api } from '../api';
import type { NewEmployee, PlanSummary, UnitDetail, UnitSettings, UnitSummary } from '../../../shared/api';
import type { DemandRow, Employee, ShiftType } from '../../../shared/plan/model';

interface UnitsState {
  units: UnitSummary[] | null;
  unit: UnitDetail | null;
  plans: PlanSummary[] | null;
  loadError: string | null;

  loadUnits(): Promise<void>;
  createUnit(name: string): Promise<UnitDetail>;
  loadUnit(unitId: number): Promise<void>;
  renameUnit(name: string): Promise<void>;
  deleteUnit(unitId: number): Promise<void>;
  updateSettings(patch: Partial<UnitSettings>): Promise<void>;
  saveShiftType(shift: ShiftType, previousCode?: string): Promise<void>;
  deleteShiftType(code: string): Promise<void>;
  addEmployee(e: NewEmployee): Promise<Employee>;
  updateEmployee(employeeId: string, patch: Partial<NewEmployee>): Promise<Employee>;
  deleteEmployee(employeeId: string): Promise<void>;
  setDemand(rows: DemandRow[]): Promise<void>;
  createPlan(name: string, start: string, months: 3 | 6 | 12): Promise<number>;
  deletePlan(planId: number): Promise<void>;
  renamePlan(planId: number, name: string): Promise<void>;
}

function needUnit(s: UnitsState): UnitDetail {
  if (!s.unit) throw new Error('Ingen avdeling er valgt.');
  return s.unit;
}

export const useUnits = create<UnitsState>((set, get) => ({
  units: null,
  unit: null,
  plans: null,
  loadError: null,

  async loadUnits() {
    try {
      set({ units: await api.listUnits(), loadError: null });
    } catch (e) {
      set({ loadError: (e as Error).message });
    }
  },
  async createUnit(name) {
    const unit = await api.createUnit(name);
    set({ unit, plans: [] });
    void get().loadUnits();
    return unit;
  },
  async loadUnit(unitId) {
    if (get().unit?.id !== unitId) set({ unit: null, plans: null });
    try {
      const [unit, plans] = await Promise.all([api.getUnit(unitId), api.listPlans(unitId)]);
      set({ unit, plans, loadError: null });
    } catch (e) {
      set({ loadError: (e as Error).message });
    }
  },
  async renameUnit(name) {
    set({ unit: await api.renameUnit(needUnit(get()).id, name) });
  },
  async deleteUnit(unitId) {
    await api.deleteUnit(unitId);
    set({ unit: null, plans: null });
    await get().loadUnits();
  },
  async updateSettings(patch) {
    set({ unit: await api.updateUnitSettings(needUnit(get()).id, patch) });
  },
  async saveShiftType(shift, previousCode) {
    set({ unit: await api.saveShiftType(needUnit(get()).id, shift, previousCode) });
  },
  async deleteShiftType(code) {
    set({ unit: await api.deleteShiftType(needUnit(get()).id, code) });
  },
  async addEmployee(e) {
    const unit = needUnit(get());
    const created = await api.addEmployee(unit.id, e);
    set({ unit: { ...unit, employees: [...unit.employees, created] } });
    return created;
  },
  async updateEmployee(employeeId, patch) {
    const unit = needUnit(get());
    const updated = await api.updateEmployee(Number(employeeId), patch);
    set({ unit: { ...unit, employees: unit.employees.map((x) => (x.id === updated.id ? updated : x)) } });
    return updated;
  },
  async deleteEmployee(employeeId) {
    const unit = needUnit(get());
    await api.deleteEmployee(Number(employeeId));
    set({ unit: { ...unit, employees: unit.employees.filter((x) => x.id !== employeeId) } });
  },
  async setDemand(rows) {
    set({ unit: await api.setDemand(needUnit(get()).id, rows) });
  },
  async createPlan(name, start, months) {
    const unit = needUnit(get());
    const plan = await api.createPlan(unit.id, name, start, months);
    set({ plans: await api.listPlans(unit.id) });
    return plan.id;
  },
  async renamePlan(planId, name) {
    const unit = needUnit(get());
    await api.renamePlan(planId, name);
    set({ plans: await api.listPlans(unit.id) });
  },
  async deletePlan(planId) {
    const unit = needUnit(get());
    await api.deletePlan(planId);
    set({ plans: await api.listPlans(unit.id) });
  },
}));
