/**
 * Units: rows of `units` with their settings JSON. Settings are validated on every read and
 * every write: a damaged value is reported, never guessed.
 */
import type Database from 'better-sqlite3';
import type { UnitDetail, UnitSettings } from '../../../shared/api/core';
import { zUnitSettings } from '../../../shared/api/args';
import { DEFAULT_ABSENCE_CODES, DEFAULT_AGREEMENTS, DEFAULT_HELTID_THRESHOLD } from '../../../shared/plan/model';
import { DomainError, notFound } from '../errors';
import { listDemand } from './demand';
import { listShiftTypes } from './shift-types';
import { listEmployees } from './staff';
import { nowIso } from './util';

export const DEFAULT_UNIT_SETTINGS: UnitSettings = {
  heltidThreshold: DEFAULT_HELTID_THRESHOLD,
  weekendFrequency: null,
  holidayReduction: 'MONSAT_T_OVER_6',
  agreements: { ...DEFAULT_AGREEMENTS },
  maxConsecutiveDays: 6,
  costs: {},
  absenceCodes: DEFAULT_ABSENCE_CODES.map((a) => ({ ...a })),
};

export interface UnitRow {
  id: number;
  name: string;
  settings: string;
}

export function findUnitRow(db: Database.Database, unitId: number): UnitRow | undefined {
  return db.prepare<[number], UnitRow>('SELECT id, name, settings FROM units WHERE id = ?').get(unitId);
}

export function getUnitRow(db: Database.Database, unitId: number, field = 'unitId'): UnitRow {
  const row = findUnitRow(db, unitId);
  if (!row) throw notFound('enheten', unitId, field);
  return row;
}

/** Every unit with its number of employees and plans (unsorted). */
export function listUnitRows(db: Database.Database): (UnitRow & { employeeCount: number; planCount: number })[] {
  return db
    .prepare<[], UnitRow & { employeeCount: number; planCount: number }>(
      `SELECT u.id, u.name, u.settings,
            (SELECT count(*) FROM employees e WHERE e.unit_id = u.id AND e.scenario_of IS NULL) AS employeeCount,
            (SELECT count(*) FROM plans p WHERE p.unit_id = u.id AND p.scenario_of IS NULL) AS planCount
     FROM units u`,
    )
    .all();
}

/** The stored settings over the defaults, checked against the settings schema. */
export function settingsOf(row: UnitRow): UnitSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(row.settings);
  } catch {
    throw new DomainError('DB_DAMAGED', `Innstillingene for enheten «${row.name}» er skadet (ikke gyldig JSON).`, 'settings');
  }
  const merged = { ...DEFAULT_UNIT_SETTINGS, ...(raw as object) };
  const parsed = zUnitSettings.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = ['settings', ...issue.path.map(String)].join('.');
    throw new DomainError('DB_DAMAGED', `Innstillingene for enheten «${row.name}» er ugyldige: ${field} ${issue.message}.`, field);
  }
  return parsed.data as UnitSettings;
}

/** The unit with settings, shift types, employees and bemanningsplan. */
export function readUnit(db: Database.Database, unitId: number): UnitDetail {
  const row = getUnitRow(db, unitId);
  return {
    id: row.id,
    name: row.name,
    settings: settingsOf(row),
    shiftTypes: listShiftTypes(db, unitId),
    employees: listEmployees(db, unitId),
    demand: listDemand(db, unitId),
  };
}

export function insertUnit(db: Database.Database, name: string, settings: UnitSettings = DEFAULT_UNIT_SETTINGS): number {
  const now = nowIso();
  return Number(
    db
      .prepare('INSERT INTO units (name, settings, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, JSON.stringify(settings), now, now).lastInsertRowid,
  );
}

export function renameUnit(db: Database.Database, unitId: number, name: string): void {
  db.prepare('UPDATE units SET name = ?, updated_at = ? WHERE id = ?').run(name, nowIso(), unitId);
}

/** Writes the whole settings object (checked against the schema first; throws a zod error). */
export function writeSettings(db: Database.Database, unitId: number, settings: UnitSettings): void {
  const checked = zUnitSettings.parse(settings);
  db.prepare('UPDATE units SET settings = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(checked), nowIso(), unitId);
}

/** Marks the unit as changed (its shift types, staff or bemanningsplan). */
export function touchUnit(db: Database.Database, unitId: number): void {
  db.prepare('UPDATE units SET updated_at = ? WHERE id = ?').run(nowIso(), unitId);
}

/** false when there was no such unit. Its staff, plans and cells go with it (ON DELETE CASCADE). */
export function deleteUnit(db: Database.Database, unitId: number): boolean {
  return db.prepare('DELETE FROM units WHERE id = ?').run(unitId).changes > 0;
}
