/**
 * The one typed API between the renderer and the Node backend. Both transports (Electron IPC
 * and the loopback HTTP host of browser mode) call the same dispatcher with a method name from
 * API_METHODS and a JSON array of arguments, and get the same envelope back (rpc.ts).
 *
 * JSON-safe types only. Ids of database rows are numbers; in a TurnusPlan (the plan file
 * model) an employee id is the string form of the database id.
 */
import type {
  AbsenceCode,
  Agreements,
  Assignment,
  DemandRow,
  Employee,
  HolidayReduction,
  PlanActivity,
  ShiftType,
  TurnusPlan,
  NewEmployee,
  PlanStatus,
} from '../plan/model';

export type { NewEmployee, PlanStatus } from '../plan/model';

/** A local agreement behind a relaxed limit (the domain type, shared/plan/model.ts). */
export type { AgreementRecord } from '../plan/model';
import type { AgreementRecord } from '../plan/model';
import type { CellChange } from '../plan/cell-change';

export interface UnitSettings {
  heltidThreshold: number;
  weekendFrequency: number | null;
  /**
   * Optional: a Saturday ('yyyy-MM-dd') on which weekend group 0 works; carried into the plan
   * file as `unit.weekendAnchor` so the rhythm runs on unbroken from one plan to the next.
   */
  weekendAnchor?: string;
  holidayReduction: HolidayReduction;
  agreements: Agreements;
  maxConsecutiveDays: number;
  /** Cost model overrides (shared/metrics economics); empty = defaults. */
  costs: Record<string, unknown>;
  absenceCodes: AbsenceCode[];
  /** Optional: the agreements with tillitsvalgte behind relaxed limits, with their dates. */
  agreementRecords?: AgreementRecord[];
  /**
   * Optional: how many of each competence may be on ferie on the same day ('any' = of all the
   * staff); approving a ferieønske warns beyond it. Default DEFAULT_MAX_OFF_PER_COMPETENCE.
   */
  maxOffPerCompetence?: Record<string, number>;
  /** Optional: delt vakt, the longest break (h) between the two parts of a split shift (plan file `rules.splitShiftMaxBreakHours`). */
  splitShiftMaxBreakHours?: number;
  /** Optional: the averaging period in weeks of the unit's agreement (plan file `rules.averagingWeeks`). */
  averagingWeeks?: number;
}

/** Used when a unit has not set its own limit: two sykepleiere, four of all the staff. */
export const DEFAULT_MAX_OFF_PER_COMPETENCE: Readonly<Record<string, number>> = { sykepleier: 2, any: 4 };

export function maxOffPerCompetenceOf(settings: Pick<UnitSettings, 'maxOffPerCompetence'>): Record<string, number> {
  return { ...(settings.maxOffPerCompetence ?? DEFAULT_MAX_OFF_PER_COMPETENCE) };
}

export interface UnitSummary {
  id: number;
  name: string;
  employeeCount: number;
  planCount: number;
}

export interface UnitDetail {
  id: number;
  name: string;
  settings: UnitSettings;
  shiftTypes: ShiftType[];
  /** Employees with `id` = String(database id). */
  employees: Employee[];
  demand: DemandRow[];
}

export interface PlanSummary {
  id: number;
  unitId: number;
  name: string;
  start: string;
  end: string;
  status: PlanStatus;
  updatedAt: string;
}

export interface PlanDetail extends PlanSummary {
  /** The whole plan as a plan file v1 model, ready for the rule engine and the metrics. */
  file: TurnusPlan;
}

export type { CellChange };

/** The weekend rhythm of a unit and every employee's weekend group, saved together. */
export interface WeekendSetup {
  /** Work every k-th weekend; null = no rhythm. */
  weekendFrequency: number | null;
  /** A Saturday on which group 0 works; left out = no anchor (the plan's first weekend). */
  weekendAnchor?: string;
  /** Employees of the unit and their group (null = no group). Employees not listed keep theirs. */
  groups: { employeeId: string; weekendGroup: number | null }[];
}

export interface AppInfo {
  version: string;
  dataFile: string;
  mode: 'electron' | 'browser';
}

/** Kinds of backup copy: daily rolling, before a migration, made by the user, before a restore. */
export type BackupKind = 'daglig' | 'migrering' | 'manuell' | 'gjenoppretting';

export interface BackupInfo {
  /** File name inside the backup folder; the id for restoreBackup. */
  name: string;
  kind: BackupKind;
  /** ISO timestamp. */
  createdAt: string;
  sizeBytes: number;
  /**
   * The last full integrity check of this copy (every page read; whether it is a Turnus file
   * this version can open). null = not checked yet (it is checked in the background).
   */
  check: BackupCheck | null;
}

export interface BackupCheck {
  ok: boolean;
  /** ISO timestamp of the check. */
  checkedAt: string;
  /** What was wrong (Norwegian), when not ok. */
  problem?: string;
}

/** Units, staff, bemanningsplan, plans and cells. */
export interface CoreApi {
  appInfo(): Promise<AppInfo>;

  listUnits(): Promise<UnitSummary[]>;
  createUnit(name: string): Promise<UnitDetail>;
  getUnit(unitId: number): Promise<UnitDetail>;
  renameUnit(unitId: number, name: string): Promise<UnitDetail>;
  updateUnitSettings(unitId: number, settings: Partial<UnitSettings>): Promise<UnitDetail>;
  deleteUnit(unitId: number): Promise<void>;

  saveShiftType(unitId: number, shiftType: ShiftType, previousCode?: string): Promise<UnitDetail>;
  deleteShiftType(unitId: number, code: string): Promise<UnitDetail>;

  addEmployee(unitId: number, employee: NewEmployee): Promise<Employee>;
  updateEmployee(employeeId: number, patch: Partial<NewEmployee>): Promise<Employee>;
  deleteEmployee(employeeId: number): Promise<void>;
  /** Writes the weekend rhythm, its anchor and the employees' weekend groups in one transaction. */
  saveWeekendSetup(unitId: number, setup: WeekendSetup): Promise<UnitDetail>;

  setDemand(unitId: number, rows: DemandRow[]): Promise<UnitDetail>;

  listPlans(unitId: number): Promise<PlanSummary[]>;
  createPlan(unitId: number, name: string, start: string, months: 3 | 6 | 12): Promise<PlanDetail>;
  getPlan(planId: number): Promise<PlanDetail>;
  renamePlan(planId: number, name: string): Promise<PlanSummary>;
  deletePlan(planId: number): Promise<void>;
  /** Applies all changes in one transaction; returns the number of cells written. */
  setCells(planId: number, changes: CellChange[]): Promise<{ written: number; updatedAt: string }>;

  /** Backups of the data file (issue 9), newest first. */
  listBackups(): Promise<BackupInfo[]>;
  /** Writes a manual backup now. */
  createBackup(): Promise<BackupInfo>;
  /**
   * Replaces ALL data with the backup's content in one transaction. The state before is saved
   * first as a 'gjenoppretting' backup, whose name is returned so the restore can be undone.
   */
  restoreBackup(name: string): Promise<{ restored: string; safetyBackup: string }>;
  /** Runs the full integrity check of every copy now; returns the list with the results. */
  checkBackups(): Promise<BackupInfo[]>;
}

export const CORE_METHODS = [
  'appInfo',
  'listUnits',
  'createUnit',
  'getUnit',
  'renameUnit',
  'updateUnitSettings',
  'deleteUnit',
  'saveShiftType',
  'deleteShiftType',
  'addEmployee',
  'updateEmployee',
  'deleteEmployee',
  'saveWeekendSetup',
  'setDemand',
  'listPlans',
  'createPlan',
  'getPlan',
  'renamePlan',
  'deletePlan',
  'setCells',
  'listBackups',
  'createBackup',
  'restoreBackup',
  'checkBackups',
] as const satisfies readonly (keyof CoreApi)[];

/**
 * The unit as a plan file for a period, with the given cells (none for a plan not yet made) and
 * timed activities: the one builder of the plan-file model (the backend's readPlan, the unit
 * screens' capacity figures).
 */
export function planFileOf(
  unit: UnitDetail,
  period: { start: string; end: string },
  assignments: Assignment[] = [],
  activities: PlanActivity[] = [],
): TurnusPlan {
  const s = unit.settings;
  return {
    format: 'turnusplan',
    version: 1,
    unit: {
      name: unit.name,
      heltidThreshold: s.heltidThreshold,
      ...(s.weekendFrequency !== null ? { weekendFrequency: s.weekendFrequency } : {}),
      ...(s.weekendAnchor !== undefined ? { weekendAnchor: s.weekendAnchor } : {}),
    },
    period: { start: period.start, end: period.end },
    rules: {
      holidayReduction: s.holidayReduction,
      agreements: { ...s.agreements },
      maxConsecutiveDays: s.maxConsecutiveDays,
      ...(s.splitShiftMaxBreakHours !== undefined ? { splitShiftMaxBreakHours: s.splitShiftMaxBreakHours } : {}),
      ...(s.averagingWeeks !== undefined ? { averagingWeeks: s.averagingWeeks } : {}),
      ...(s.agreementRecords && s.agreementRecords.length > 0 ? { agreementRecords: s.agreementRecords.map((r) => ({ ...r })) } : {}),
    },
    shiftTypes: unit.shiftTypes,
    absenceCodes: s.absenceCodes,
    employees: unit.employees,
    demand: unit.demand,
    assignments,
    costs: s.costs,
    ...(activities.length > 0 ? { activities } : {}),
  };
}
