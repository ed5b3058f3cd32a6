/**
 * API section: exports and imports (issue 8). Exports of a plan (xlsx, csv, ics, the review
 * pack as pdf/html, the plan file) and imports of a staff list (CSV/XLSX) or a plan file.
 * Add methods to the interface and to EXCHANGE_METHODS together; ./index.ts composes the
 * sections into TurnusApi. EXCHANGE_ARGS holds the zod argument schema of every method.
 *
 * Files travel as base64 in both directions (JSON-safe, identical in Electron and browser
 * mode): an export returns `{ files: [{ name, mimeType, base64 }] }` for the renderer to
 * download or save; an import takes `{ name, base64 }` read from a file input.
 */
import { z } from 'zod';
import type { Employee } from '../plan/model';
import type { ColumnMapping, StaffImportMode, StaffImportPreview } from '../exchange/staff-import';
import { optional, sig, zId, zName, type Signatures } from './args';
import type { PlanDetail } from './core';

export type { StaffImportPreview, ColumnMapping, StaffImportMode, StaffChange, StaffUpdateRow } from '../exchange/staff-import';

export interface StaffImportOptions {
  /** 'create' (default) adds new employees; 'update' also updates those matched by ansattnr, else name. */
  mode?: StaffImportMode;
}

/**
 * 'ics' = one calendar file per employee; 'ics-zip' = the same files in one .zip (one download);
 * 'csv-staff' = the staff list in the staff import's columns.
 */
export type ExportFormat = 'xlsx' | 'csv' | 'csv-grid' | 'csv-staff' | 'ics' | 'ics-zip' | 'pdf' | 'html' | 'turnus';

export interface ExportOptions {
  /** Paper for the review pack (pdf/html): A4 (default) or A3, always landscape. */
  paper?: 'A4' | 'A3';
}

export interface ExportedFile {
  name: string;
  mimeType: string;
  base64: string;
}

export interface ExportResult {
  files: ExportedFile[];
}

export interface ImportFile {
  /** The file name (its extension decides CSV or XLSX). */
  name: string;
  base64: string;
}

export interface PlanImportPreview {
  ok: boolean;
  /** Norwegian messages naming the field, e.g. «employees[2].position: …». */
  errors: string[];
  warnings: string[];
  unitName: string | null;
  period: { start: string; end: string } | null;
  employees: number;
  assignments: number;
  shiftTypes: string[];
  /** Agreements on file (rules.agreementRecords) that will be stored with the unit. */
  agreementRecords: number;
  /** Timed meetings and courses (activities) that will be stored with the plan. */
  activities: number;
  /** Pinned cells inside the period. */
  pinned: number;
}

export interface ExchangeApi {
  /** The review pack as one self-contained HTML document (for a print view). */
  reviewPackHtml(planId: number, options?: ExportOptions): Promise<string>;
  /** Builds an export; 'ics' gives one file per employee. */
  exportPlan(planId: number, format: ExportFormat, options?: ExportOptions): Promise<ExportResult>;

  /** Reads a staff list (CSV or XLSX) and returns what would be imported; writes nothing. */
  previewStaffImport(unitId: number, file: ImportFile, mapping?: ColumnMapping, options?: StaffImportOptions): Promise<StaffImportPreview>;
  /** Imports a clean staff list in one transaction; refuses (VALIDATION) if any row has an error. */
  commitStaffImport(
    unitId: number,
    file: ImportFile,
    mapping?: ColumnMapping,
    options?: StaffImportOptions,
  ): Promise<{ created: Employee[]; updated: Employee[] }>;

  /** Checks a plan file v1 and says what importing it would create; writes nothing. */
  previewPlanImport(text: string): Promise<PlanImportPreview>;
  /** Imports a plan file v1 as a new unit with its staff, shift types, bemanningsplan and plan. */
  commitPlanImport(text: string, planName?: string): Promise<PlanDetail>;
}

export const EXCHANGE_METHODS = [
  'reviewPackHtml',
  'exportPlan',
  'previewStaffImport',
  'commitStaffImport',
  'previewPlanImport',
  'commitPlanImport',
] as const satisfies readonly (keyof ExchangeApi)[];

// ---------------------------------------------------------------------------------------------
// Argument schemas

export const zExportFormat = z.enum(['xlsx', 'csv', 'csv-grid', 'csv-staff', 'ics', 'ics-zip', 'pdf', 'html', 'turnus'], {
  error: 'må være xlsx, csv, csv-grid, csv-staff, ics, ics-zip, pdf, html eller turnus',
});
export const zExportOptions = z.object({ paper: z.enum(['A4', 'A3'], { error: 'må være A4 eller A3' }).optional() });

/** 20 MB of base64 is far more than any staff list. */
export const zImportFile = z.object({
  name: z.string({ error: 'må være et filnavn' }).trim().min(1, 'kan ikke være tomt').max(260, 'kan ha høyst 260 tegn'),
  base64: z
    .string({ error: 'må være filinnhold (base64)' })
    .max(20_000_000, 'filen er for stor (høyst 15 MB)')
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, 'er ikke gyldig base64'),
});

const zColumn = z.number().int('må være et kolonnenummer').min(0).max(1000).optional();
export const zColumnMapping = z.object(
  {
    employeeNumber: zColumn,
    name: zColumn,
    competence: zColumn,
    position: zColumn,
    wantedPosition: zColumn,
    weeklyHours: zColumn,
    longShiftConsentDate: zColumn,
    consentsLongShifts: zColumn,
    nightExempt: zColumn,
    weekendGroup: zColumn,
  },
  { error: 'må være en kolonnetilordning' },
);
export const zStaffImportOptions = z.object({
  mode: z.enum(['create', 'update'], { error: 'må være create (nye ansatte) eller update (oppdater)' }).optional(),
});

const zPlanText = z.string({ error: 'må være innholdet i en planfil (tekst)' }).max(50_000_000, 'planfilen er for stor');

export const EXCHANGE_ARGS: Signatures<ExchangeApi> = {
  reviewPackHtml: sig(['planId', zId], ['options', optional(zExportOptions)]),
  exportPlan: sig(['planId', zId], ['format', zExportFormat], ['options', optional(zExportOptions)]),
  previewStaffImport: sig(
    ['unitId', zId],
    ['file', zImportFile],
    ['mapping', optional(zColumnMapping)],
    ['options', optional(zStaffImportOptions)],
  ),
  commitStaffImport: sig(
    ['unitId', zId],
    ['file', zImportFile],
    ['mapping', optional(zColumnMapping)],
    ['options', optional(zStaffImportOptions)],
  ),
  previewPlanImport: sig(['text', zPlanText]),
  commitPlanImport: sig(['text', zPlanText], ['planName', optional(zName)]),
};
