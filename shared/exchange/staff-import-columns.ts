/**
 * Staff import, columns: the fields a staff table may hold, their Norwegian labels, and the
 * detection of each field's column from the header row (Norwegian spellings, case and accents
 * ignored). Used by ./staff-import.
 */
import { asciiFold } from '../text';
export type StaffField =
  | 'employeeNumber'
  | 'name'
  | 'competence'
  | 'position'
  | 'wantedPosition'
  | 'weeklyHours'
  | 'longShiftConsentDate'
  | 'consentsLongShifts'
  | 'nightExempt'
  | 'weekendGroup';

/** In detection order: a more specific header («Samtykkedato langvakt») before a broader one («Langvakt»). */
export const STAFF_FIELDS: readonly StaffField[] = [
  'employeeNumber',
  'name',
  'competence',
  'position',
  'wantedPosition',
  'weeklyHours',
  'longShiftConsentDate',
  'consentsLongShifts',
  'nightExempt',
  'weekendGroup',
];

/** The field names a user sees (and the headers of the import template). */
export const STAFF_FIELD_LABEL: Record<StaffField, string> = {
  employeeNumber: 'Ansattnr',
  name: 'Navn',
  competence: 'Kompetanse',
  position: 'Stillingsprosent',
  wantedPosition: 'Ønsket stilling',
  weeklyHours: 'Ukentlig arbeidstid',
  longShiftConsentDate: 'Samtykkedato langvakt',
  consentsLongShifts: 'Langvakt',
  nightExempt: 'Fritatt nattarbeid',
  weekendGroup: 'Helgegruppe',
};

export const REQUIRED_STAFF_FIELDS: readonly StaffField[] = ['name', 'competence', 'position'];

/** Header spellings seen in Norwegian staff lists (after normalizeHeader). */
const HEADER_ALIASES: Record<StaffField, string[]> = {
  employeeNumber: [
    'ansattnr',
    'ansattnummer',
    'ansattid',
    'ansnr',
    'personalnummer',
    'personalnr',
    'lonnsnummer',
    'lonnsnr',
    'medarbeidernummer',
    'medarbeidernr',
    'ressursnummer',
    'ressursnr',
    'employeenumber',
    'employeeid',
  ],
  name: ['navn', 'ansatt', 'ansattnavn', 'fulltnavn', 'medarbeider', 'name'],
  competence: [
    'kompetanse',
    'yrke',
    'yrkesgruppe',
    'stillingskategori',
    'fagkompetanse',
    'kompetansegruppe',
    'stillingstittel',
    'tittel',
    'stillingsbetegnelse',
    'stillingskode',
    'competence',
  ],
  position: ['stillingsprosent', 'stilling', 'stillingsstorrelse', 'stillingsandel', 'stillingprosent', 'prosent', 'position'],
  wantedPosition: ['onsketstilling', 'onsketstillingsprosent', 'onsketstillingsstorrelse', 'onsket', 'wantedposition'],
  weeklyHours: ['ukentligarbeidstid', 'arbeidstid', 'timerperuke', 'ukentligetimer', 'arbeidstidperuke', 'timeruke', 'weeklyhours'],
  consentsLongShifts: ['langvakt', 'langvakter', 'samtykkelangvakt', 'samtykkerlangvakt', 'langvaktsamtykke', 'consentslongshifts'],
  nightExempt: ['fritattnattarbeid', 'fritattnatt', 'nattfritak', 'ikkenatt', 'nightexempt'],
  longShiftConsentDate: [
    'samtykkedatolangvakt',
    'samtykkedato',
    'datosamtykke',
    'langvaktsamtykkedato',
    'samtykkelangvaktdato',
    'datoforsamtykke',
    'longshiftconsentdate',
  ],
  weekendGroup: ['helgegruppe', 'helgegrp', 'helgrupppe', 'weekendgroup'],
};

/** 'Ønsket stilling (%)' → 'onsketstilling'. */
export function normalizeHeader(h: string): string {
  return asciiFold(h.replace(/^\uFEFF/, ''))
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** Column index per field; a field left out is not imported. */
export type ColumnMapping = Partial<Record<StaffField, number>>;

/** Finds the column of each field from the header row. */
export function detectColumns(header: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  const norm = header.map(normalizeHeader);
  for (const field of STAFF_FIELDS) {
    const aliases = HEADER_ALIASES[field];
    // Exact match first, then a header that starts with an alias (e.g. «Stillingsprosent 2026»).
    let idx = norm.findIndex((h, i) => !taken.has(i) && aliases.includes(h));
    if (idx < 0) idx = norm.findIndex((h, i) => !taken.has(i) && h.length > 0 && aliases.some((a) => a.length >= 5 && h.startsWith(a)));
    if (idx >= 0) {
      mapping[field] = idx;
      taken.add(idx);
    }
  }
  return mapping;
}

/** The user's chosen mapping, keeping only known fields pointing at an existing column. */
export function sanitizeMapping(m: ColumnMapping, width: number): ColumnMapping {
  const out: ColumnMapping = {};
  for (const f of STAFF_FIELDS) {
    const v = m[f];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < width) out[f] = v;
  }
  return out;
}
