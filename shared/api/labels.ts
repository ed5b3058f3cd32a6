/**
 * One mapping from an API field path to the label the user sees on the screen, used by every
 * error the API returns (and by the forms, which show the message beside the field with that
 * path). A path such as `rows[3].count` becomes «Antall» in «rad 4 i bemanningsplanen»: users
 * never see an internal field name.
 */

/** Labels by the last property name of a path (the forms use the same words). */
const LABELS: Readonly<Record<string, string>> = {
  // people
  name: 'Navn',
  competence: 'Kompetanse',
  position: 'Stillingsprosent',
  wantedPosition: 'Ønsket stillingsprosent',
  weeklyHours: 'Arbeidstid per uke',
  consentsLongShifts: 'Samtykke til langvakter',
  longShiftConsentDate: 'Samtykkedato for langvakter',
  nightExempt: 'Fritatt for nattarbeid',
  age60plus: 'Fylt 60 år',
  wantsHovedferie: 'Ønsker hovedferie',
  weekendGroup: 'Helgegruppe',
  employeeNumber: 'Ansattnr',
  // shift types and absence codes
  code: 'Kode',
  start: 'Fra',
  end: 'Til',
  unpaidBreakMinutes: 'Ubetalt pause (minutter)',
  long: 'Langvakt',
  color: 'Farge',
  countsToward: 'Teller som',
  kind: 'Type fravær',
  creditedHours: 'Godskrevne timer',
  // bemanningsplan
  dayType: 'Dagtype',
  date: 'Dato',
  shift: 'Vakt',
  count: 'Antall',
  // unit settings
  heltidThreshold: 'Heltidsgrense',
  weekendFrequency: 'Helgerytme (hver k. helg)',
  weekendAnchor: 'Første helg for gruppe 1',
  maxOffPerCompetence: 'Flest med ferie samtidig (per kompetanse)',
  holidayReduction: 'Fradrag for helligdager',
  maxConsecutiveDays: 'Flest arbeidsdager på rad',
  dailyRestMinHours: 'Daglig hvile (timer)',
  weeklyRestMinHours: 'Ukentlig hvile (timer)',
  maxShiftHours: 'Lengste vakt (timer)',
  maxWeekHours: 'Flest timer i én uke',
  sundayAveragingWeeks: 'Gjennomsnittsberegning av søn- og helgedager (uker)',
  splitShiftMaxBreakHours: 'Lengste pause i delt vakt (timer)',
  averagingWeeks: 'Gjennomsnittsberegning (uker)',
  signedDate: 'Avtaledato',
  parties: 'Parter',
  validUntil: 'Gjelder til',
  costs: 'Kostnadsmodell',
  // ids of what a call is about
  unitId: 'Avdeling',
  planId: 'Plan',
  scenarioId: 'Scenario',
  wishId: 'Ferieønske',
  wishIds: 'Ferieønsker',
  activity: 'Møte eller kurs',
  activityId: 'Møte eller kurs',
  employees: 'Hvem',
  // the generator («Fyll ut»)
  share: 'Tillatt over måltimer (prosent)',
  minHours: 'Tillatt over måltimer (minst timer)',
  seconds: 'Tid til å lete (sekunder)',
  from: 'Fra dato',
  to: 'Til dato',
  // review, exchange, scenarios, wishes
  previousCode: 'Tidligere kode',
  change: 'Statusendring',
  versionId: 'Versjon',
  comment: 'Kommentar',
  commentId: 'Kommentar',
  resolved: 'Løst',
  limit: 'Antall linjer',
  format: 'Format',
  file: 'Fil',
  mapping: 'Kolonner',
  text: 'Tekst',
  planName: 'Navn på planen',
  jobId: 'Kjøring',
  description: 'Beskrivelse',
  scenarioIds: 'Scenarioer',
  profile: 'Målprofil',
  priority: 'Rekkefølge',
  offers: 'Tilbud',
  level: 'Ny stillingsprosent',
  employee: 'Ansatt',
  wish: 'Ferieønske',
  status: 'Status',
  // plans and cells
  months: 'Lengde (måneder)',
  employeeId: 'Ansatt',
  pinned: 'Låst',
};

/** Where a list element sits, by the name of its list. */
const LISTS: Readonly<Record<string, string>> = {
  rows: 'bemanningsplanen',
  changes: 'endringene',
  employees: 'ansattlisten',
  shiftTypes: 'vakttypene',
  absenceCodes: 'fraværskodene',
  agreementRecords: 'avtalene',
  activities: 'møtene og kursene',
  assignments: 'vaktene',
  demand: 'bemanningsplanen',
  raises: 'stillingsøkningene',
  groups: 'helgegruppene',
};

export interface FieldLabel {
  /** The label the user sees, e.g. «Antall». */
  label: string;
  /** Where, when the field is in a list: «rad 4 i bemanningsplanen». */
  where?: string;
}

/** The label of a field path such as `rows[3].count`, `settings.agreements.maxShiftHours` or `name`. */
export function fieldLabel(path: string): FieldLabel {
  const parts = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
  let where: string | undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (typeof p === 'number') {
      const list = typeof parts[i - 1] === 'string' ? LISTS[parts[i - 1] as string] : undefined;
      where = `rad ${p + 1}${list ? ` i ${list}` : ''}`;
    }
  }
  const last = [...parts].reverse().find((p): p is string => typeof p === 'string') ?? path;
  const label = LABELS[last] ?? (last in LISTS ? capitalize(LISTS[last]) : 'Verdien');
  return where ? { label, where } : { label };
}

/** «Antall» (rad 4 i bemanningsplanen): kan være høyst 200. */
export function fieldMessage(path: string, problem: string): string {
  const { label, where } = fieldLabel(path);
  return `«${label}»${where ? ` (${where})` : ''}: ${problem.replace(/\.$/, '')}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
