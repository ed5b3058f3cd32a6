/**
 * The review pack for tillitsvalgte (product.md (d) 4): ONE self-contained HTML document,
 * inline CSS, no scripts, that prints as the PDF (Chromium `page.pdf()` in Node,
 * `webContents.printToPDF` in Electron) and that the renderer can show in a print view.
 *
 * Sections: cover with key figures and every assumption; the plan grid by month; a summary
 * per employee; the rule report with paragraphs; the diff against the last approved version;
 * comments; a signature block with the aml § 10-3 notice date.
 *
 * Pure: everything is computed by the caller (see ./analysis `reviewPackInput`).
 */
import {
  MONTH_LONG, WEEKDAY_SHORT, addDays, formatDateNo, fromDay, holidayName, isoWeekday, toDay, ymd,
} from '../calendar';
import { absenceCodesOf, agreementsOf, DEFAULT_HELTID_THRESHOLD, type TurnusPlan } from '../plan/model';
import type { PlanStatus } from '../plan/model';
import type { PlanDiff, RuleHit } from './diff';

export type PaperSize = 'A4' | 'A3';

export interface PackEmployeeRow {
  id: string;
  plannedHours: number;
  targetHours: number;
  resultingPosition: number;
  weekendsWorked: number;
  holidaysWorked?: number;
  longShifts: number;
}

export interface PackUnitFigures {
  heltidsandel: { contracted: number; resulting: number };
  averagePosition: { contracted: number; resulting: number };
  neededHours: number;
  uncoveredShifts: number;
  uncoveredHours: number;
}

/** One assumption line: label, value and where it comes from. */
export interface PackAssumption {
  label: string;
  value: string | number | boolean;
  unit?: string;
  source?: string;
}

export interface PackComment {
  employeeId?: string | null;
  date?: string | null;
  text: string;
  author: string;
  createdAt: string;
  resolved?: boolean;
}

export interface PackStatus {
  status: PlanStatus;
  droftingDate?: string | null;
  droftingNames?: string[];
  godkjentDate?: string | null;
  godkjentNames?: string[];
}

export interface ReviewPackInput {
  plan: TurnusPlan;
  planName: string;
  status: PackStatus;
  employees: PackEmployeeRow[];
  unit: PackUnitFigures;
  hits: RuleHit[];
  /** Legal source per rule id (from the rule catalogue), e.g. 'aml § 10-8 (1)'. */
  ruleSources?: Record<string, string>;
  /** Norwegian rule names per rule id. */
  ruleNames?: Record<string, string>;
  /** Cost model and other assumptions beyond the plan's own rules. */
  assumptions?: PackAssumption[];
  diff?: PlanDiff | null;
  /** Name of the version the diff compares against, e.g. «Godkjent 12.03.2026». */
  diffAgainst?: string | null;
  comments?: PackComment[];
  /** ISO timestamp shown in the footer. */
  generatedAt: string;
  generatedBy: string;
  paper?: PaperSize;
}

/** The Norwegian name of each plan status: the one place (review pack, backend change log, UI). */
export const STATUS_LABEL: Record<PlanStatus, string> = {
  utkast: 'Utkast',
  til_drofting: 'Til drøfting',
  godkjent: 'Godkjent',
};

const HOLIDAY_REDUCTION_LABEL: Record<string, string> = {
  MONSAT_T_OVER_6: 'Røde dager mandag–lørdag trekkes med T/6 (lokal avtale, anbefalt standard)',
  MONFRI_T_OVER_5: 'Røde dager mandag–fredag trekkes med T/5 (lokal avtale)',
  NONE: 'Ingen trekk for røde dager; bare ferie trekkes',
};

/** Escapes text for HTML content and attribute values. */
export function esc(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Norwegian number: 1 234,5 (plain spaces so the PDF text is searchable). */
export function nbNumber(n: number, decimals = 1): string {
  if (!Number.isFinite(n)) return '–';
  const neg = n < 0;
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const out = frac ? `${grouped},${frac}` : grouped;
  return neg && Number(fixed) !== 0 ? `−${out}` : out;
}

export function nbPercent(fraction: number, decimals = 1): string {
  return `${nbNumber(fraction * 100, decimals)} %`;
}

function dateNo(date: string | null | undefined): string {
  return date ? formatDateNo(date, false) : '–';
}

/** The latest date «til drøfting» may be set: 14 days before the plan starts (aml § 10-3). */
export function droftingDeadline(plan: Pick<TurnusPlan, 'period'>): string {
  return addDays(plan.period.start, -14);
}

const CSS = (paper: PaperSize) => `
@page { size: ${paper} landscape; margin: 12mm 10mm 14mm 10mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; }
h1 { font-size: 20pt; margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; border-bottom: 1.5pt solid #333; padding-bottom: 1mm; }
h3 { font-size: 10.5pt; margin: 4mm 0 2mm; }
section { page-break-before: always; break-before: page; }
section.cover { page-break-before: avoid; break-before: avoid; }
table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
th, td { border: 0.5pt solid #999; padding: 1pt 3pt; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { page-break-inside: avoid; break-inside: avoid; }
thead { display: table-header-group; }
.meta { color: #444; margin: 0 0 2mm; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 4mm 0; }
.figure { border: 0.8pt solid #555; padding: 2mm 3mm; }
.figure .v { font-size: 15pt; font-weight: 700; display: block; }
.figure .l { color: #333; }
.warn { border: 1pt solid #b00; background: #fff0f0; padding: 2mm 3mm; margin: 2mm 0; }
.ok { border: 1pt solid #070; background: #f0fff0; padding: 2mm 3mm; margin: 2mm 0; }
.grid { table-layout: fixed; font-size: ${paper === 'A3' ? '8pt' : '6.5pt'}; }
.grid th, .grid td { padding: 0.5pt 0; text-align: center; overflow: hidden; white-space: nowrap; }
.grid th.name, .grid td.name { text-align: left; padding-left: 2pt; width: ${paper === 'A3' ? '45mm' : '38mm'}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.month { break-inside: avoid; page-break-inside: avoid; }
.grid .we { background: #e4e4e4; }
.grid .hol { background: #f7c9c9; color: #800; }
.grid td.c { font-weight: 600; }
.grid td.cm { outline: 1pt dashed #c60; }
.legend span { display: inline-block; margin-right: 4mm; }
.sev-error { color: #a00; font-weight: 600; }
.sev-warning { color: #8a5a00; }
.added { color: #a00; }
.removed { color: #070; }
.sign { display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; margin-top: 10mm; }
.sign div { border-top: 0.8pt solid #000; padding-top: 1mm; min-height: 18mm; }
footer { color: #666; font-size: 7.5pt; margin-top: 4mm; }
.small { font-size: 7.5pt; color: #444; }
`;

function figure(value: string, label: string): string {
  return `<div class="figure"><span class="v">${esc(value)}</span><span class="l">${esc(label)}</span></div>`;
}

function months(plan: TurnusPlan): { year: number; month: number; from: number; to: number }[] {
  const start = toDay(plan.period.start);
  const end = toDay(plan.period.end);
  const out: { year: number; month: number; from: number; to: number }[] = [];
  let d = start;
  while (d <= end) {
    const { year, month } = ymd(d);
    let to = d;
    while (to + 1 <= end && ymd(to + 1).month === month) to++;
    out.push({ year, month, from: d, to });
    d = to + 1;
  }
  return out;
}

function coverSection(input: ReviewPackInput): string {
  const { plan, unit, status } = input;
  const ag = agreementsOf(plan);
  const errors = input.hits.filter((h) => h.severity === 'error').length;
  const warnings = input.hits.length - errors;
  const deadline = droftingDeadline(plan);
  const threshold = plan.unit.heltidThreshold ?? DEFAULT_HELTID_THRESHOLD;
  const planned = input.employees.reduce((s, e) => s + e.plannedHours, 0);
  const target = input.employees.reduce((s, e) => s + e.targetHours, 0);

  let notice: string;
  if (status.droftingDate) {
    notice = status.droftingDate > deadline
      ? `<p class="warn">Planen ble lagt fram til drøfting ${esc(dateNo(status.droftingDate))}, senere enn fristen ${esc(dateNo(deadline))}: arbeidsplanen skal drøftes med tillitsvalgte senest to uker før den settes i verk (aml § 10-3).</p>`
      : `<p class="ok">Lagt fram til drøfting ${esc(dateNo(status.droftingDate))}, innenfor fristen ${esc(dateNo(deadline))} (aml § 10-3: senest to uker før planen starter).</p>`;
  } else {
    notice = `<p class="meta">Frist for drøfting med tillitsvalgte: ${esc(dateNo(deadline))} (aml § 10-3: senest to uker før planen starter ${esc(dateNo(plan.period.start))}).</p>`;
  }

  const assumptions: PackAssumption[] = [
    { label: 'Heltid fra stillingsprosent', value: nbPercent(threshold, 0), source: 'Enhetens innstilling (Asker: 80–100 %)' },
    { label: 'Helgefrekvens', value: plan.unit.weekendFrequency ? `hver ${plan.unit.weekendFrequency}. helg` : 'ikke satt', source: 'Enhetens innstilling' },
    { label: 'Trekk for røde dager', value: HOLIDAY_REDUCTION_LABEL[plan.rules?.holidayReduction ?? 'MONSAT_T_OVER_6'] ?? String(plan.rules?.holidayReduction), source: 'Lokal avtale med tillitsvalgte (ingen nasjonal regel for årsturnus)' },
    { label: 'Daglig hvile minst', value: `${nbNumber(ag.dailyRestMinHours, 1)} t`, source: ag.dailyRestMinHours < 11 ? 'Avtale med tillitsvalgte, aml § 10-8 (3)' : 'aml § 10-8 (1)' },
    { label: 'Ukentlig hvile minst', value: `${nbNumber(ag.weeklyRestMinHours, 1)} t`, source: ag.weeklyRestMinHours < 35 ? 'Avtale med tillitsvalgte, aml § 10-8 (3)' : 'aml § 10-8 (2)' },
    { label: 'Lengste vakt', value: `${nbNumber(ag.maxShiftHours, 1)} t`, source: 'aml § 10-5 / lokal avtale' },
    { label: 'Høyst timer i én uke', value: `${nbNumber(ag.maxWeekHours, 1)} t`, source: 'aml § 10-5 (2) gjennomsnittsberegning' },
    { label: 'Søn- og helgedager', value: ag.sundayAveragingWeeks === 0 ? 'streng veksling (annenhver fri)' : `gjennomsnitt over ${ag.sundayAveragingWeeks} uker`, source: 'aml § 10-8 (4)' },
  ];
  if (typeof plan.rules?.maxConsecutiveDays === 'number') {
    assumptions.push({ label: 'Flest arbeidsdager på rad', value: plan.rules.maxConsecutiveDays, source: 'Enhetens innstilling' });
  }
  assumptions.push(...(input.assumptions ?? []));

  const shiftRows = plan.shiftTypes.map((s) =>
    `<tr><td><b>${esc(s.code)}</b></td><td>${esc(s.name ?? '')}</td><td>${esc(s.start)}–${esc(s.end)}</td><td class="num">${esc(s.unpaidBreakMinutes ?? 0)} min</td><td>${s.long ? 'Langvakt (krever samtykke)' : ''}</td></tr>`).join('');
  const absenceRows = absenceCodesOf(plan).map((a) =>
    `<tr><td><b>${esc(a.code)}</b></td><td>${esc(a.name ?? a.kind)}</td><td colspan="3">${a.creditedHours ? `${nbNumber(a.creditedHours, 1)} t godskrives` : 'ingen timer godskrives'}</td></tr>`).join('');

  return `<section class="cover">
<h1>Turnusplan til drøfting: ${esc(plan.unit.name)}</h1>
<p class="meta"><b>${esc(input.planName)}</b> · Periode ${esc(dateNo(plan.period.start))}–${esc(dateNo(plan.period.end))} · Status: <b>${esc(STATUS_LABEL[status.status])}</b>${status.godkjentDate ? ` (godkjent ${esc(dateNo(status.godkjentDate))})` : ''}</p>
${notice}
<div class="figures">
${figure(String(input.employees.length || plan.employees.length), 'ansatte')}
${figure(nbPercent(unit.heltidsandel.contracted), 'heltidsandel, avtalt stilling')}
${figure(nbPercent(unit.heltidsandel.resulting), 'heltidsandel, etter planen')}
${figure(nbPercent(unit.averagePosition.contracted), 'gjennomsnittlig stilling, avtalt')}
${figure(nbPercent(unit.averagePosition.resulting), 'gjennomsnittlig stilling, etter planen')}
${figure(`${nbNumber(planned, 1)} t`, `planlagte timer (mål ${nbNumber(target, 1)} t)`)}
${figure(`${nbNumber(unit.uncoveredShifts, 0)} vakter`, `udekket (${nbNumber(unit.uncoveredHours, 1)} t vikarbehov)`)}
${figure(`${errors} brudd · ${warnings} varsler`, 'regelsjekk')}
</div>
<h3>Forutsetninger</h3>
<table><thead><tr><th>Forutsetning</th><th>Verdi</th><th>Kilde</th></tr></thead><tbody>
${assumptions.map((a) => `<tr><td>${esc(a.label)}</td><td>${esc(typeof a.value === 'boolean' ? (a.value ? 'ja' : 'nei') : typeof a.value === 'number' ? nbNumber(a.value, Number.isInteger(a.value) ? 0 : 3) : a.value)}${a.unit ? ` ${esc(a.unit)}` : ''}</td><td class="small">${esc(a.source ?? '')}</td></tr>`).join('\n')}
</tbody></table>
<h3>Vakttyper og fraværskoder</h3>
<table><thead><tr><th>Kode</th><th>Navn</th><th>Tid</th><th class="num">Ubetalt pause</th><th>Merknad</th></tr></thead><tbody>
${shiftRows}${absenceRows}
</tbody></table>
<p class="small">Behov i timer (bemanningsplan): ${esc(nbNumber(unit.neededHours, 1))} t.</p>
</section>`;
}

function gridSection(input: ReviewPackInput): string {
  const { plan } = input;
  const cells = new Map<string, string>();
  for (const a of plan.assignments) cells.set(`${a.employee}\u0000${a.date}`, a.code);
  const commented = new Set((input.comments ?? []).filter((c) => c.employeeId && c.date && !c.resolved).map((c) => `${c.employeeId}\u0000${c.date}`));
  const out: string[] = ['<section class="grid-section"><h2>Turnusplanen</h2>'];
  const holidaysSeen: { date: string; name: string }[] = [];
  for (const m of months(plan)) {
    const days: number[] = [];
    for (let d = m.from; d <= m.to; d++) days.push(d);
    const cls = (d: number) => (holidayName(d) ? 'hol' : isoWeekday(d) >= 5 ? 'we' : '');
    for (const d of days) { const h = holidayName(d); if (h) holidaysSeen.push({ date: fromDay(d), name: h }); }
    out.push(`<div class="month"><h3>${esc(MONTH_LONG[m.month - 1])} ${m.year}</h3>`);
    out.push('<table class="grid"><thead><tr><th class="name">Ansatt</th>');
    out.push(days.map((d) => `<th class="${cls(d)}">${ymd(d).day}</th>`).join(''));
    out.push('</tr><tr><th class="name"></th>');
    out.push(days.map((d) => `<th class="${cls(d)}">${esc(WEEKDAY_SHORT[isoWeekday(d)].slice(0, 2))}</th>`).join(''));
    out.push('</tr></thead><tbody>');
    for (const e of plan.employees) {
      out.push(`<tr><td class="name">${esc(e.name)}</td>`);
      for (const d of days) {
        const key = `${e.id}\u0000${fromDay(d)}`;
        const code = cells.get(key) ?? '';
        const c = [cls(d), code ? 'c' : '', commented.has(key) ? 'cm' : ''].filter(Boolean).join(' ');
        out.push(`<td${c ? ` class="${c}"` : ''}>${esc(code)}</td>`);
      }
      out.push('</tr>');
    }
    out.push('</tbody></table></div>');
  }
  const legend = plan.shiftTypes.map((s) => `<span><b>${esc(s.code)}</b> ${esc(s.start)}–${esc(s.end)}${s.name ? ` ${esc(s.name)}` : ''}</span>`)
    .concat(absenceCodesOf(plan).map((a) => `<span><b>${esc(a.code)}</b> ${esc(a.name ?? a.kind)}</span>`));
  out.push(`<p class="legend small">${legend.join(' ')}<span>Grå = helg</span><span>Rød = helligdag</span><span>Stiplet ramme = kommentar</span></p>`);
  if (holidaysSeen.length) {
    out.push(`<p class="small">Helligdager i perioden: ${holidaysSeen.map((h) => `${esc(dateNo(h.date))} ${esc(h.name)}`).join('; ')}.</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function employeeSection(input: ReviewPackInput): string {
  const rows = new Map(input.employees.map((r) => [r.id, r]));
  const body = input.plan.employees.map((e) => {
    const r = rows.get(e.id);
    if (!r) return '';
    const diff = r.plannedHours - r.targetHours;
    return `<tr><td>${esc(e.name)}</td><td>${esc(e.competence)}</td>
<td class="num">${nbPercent(e.position)}</td><td class="num">${e.wantedPosition !== undefined ? nbPercent(e.wantedPosition) : '–'}</td>
<td class="num">${nbNumber(r.plannedHours, 1)}</td><td class="num">${nbNumber(r.targetHours, 1)}</td><td class="num">${nbNumber(diff, 1)}</td>
<td class="num">${nbPercent(r.resultingPosition)}</td><td class="num">${r.weekendsWorked}</td>
<td class="num">${r.holidaysWorked === undefined ? '–' : r.holidaysWorked}</td><td class="num">${r.longShifts}</td></tr>`;
  }).join('\n');
  return `<section><h2>Per ansatt</h2>
<table><thead><tr><th>Navn</th><th>Kompetanse</th><th class="num">Stilling</th><th class="num">Ønsket</th><th class="num">Planlagte timer</th><th class="num">Måltimer</th><th class="num">Differanse</th><th class="num">Stilling etter planen</th><th class="num">Helger</th><th class="num">Helligdager</th><th class="num">Langvakter</th></tr></thead>
<tbody>${body}</tbody></table>
<p class="small">Måltimer = stilling × (T × dager/7 − (ferie + helligdager) × T/6) etter valgt trekkregel; stilling etter planen = planlagte timer delt på måltimer ved 100 %.</p>
</section>`;
}

function ruleSection(input: ReviewPackInput): string {
  const names = new Map(input.plan.employees.map((e) => [e.id, e.name]));
  const src = input.ruleSources ?? {};
  const rn = input.ruleNames ?? {};
  if (input.hits.length === 0) {
    return `<section><h2>Regelsjekk</h2><p class="ok">Regelsjekken fant ingen brudd på arbeidsmiljøloven, tariffavtalen eller de lokale avtalene.</p></section>`;
  }
  const byRule = new Map<string, RuleHit[]>();
  for (const h of input.hits) byRule.set(h.rule, [...(byRule.get(h.rule) ?? []), h]);
  const out: string[] = ['<section><h2>Regelsjekk</h2>'];
  out.push('<table><thead><tr><th>Regel</th><th>Hjemmel</th><th class="num">Antall</th></tr></thead><tbody>');
  for (const [rule, hits] of byRule) {
    out.push(`<tr><td><b>${esc(rule)}</b> ${esc(rn[rule] ?? '')}</td><td>${esc(sourceOf(hits[0], src))}</td><td class="num">${hits.length}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push('<table><thead><tr><th>Alvor</th><th>Regel</th><th>Hjemmel</th><th>Ansatt</th><th>Dato</th><th>Melding</th></tr></thead><tbody>');
  for (const h of [...input.hits].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.rule.localeCompare(b.rule))) {
    const sev = h.severity === 'error' ? 'Brudd' : h.severity === 'warning' ? 'Varsel' : (h.severity ?? '');
    out.push(`<tr><td class="sev-${esc(h.severity ?? '')}">${esc(sev)}</td><td>${esc(h.rule)}</td><td>${esc(sourceOf(h, src))}</td><td>${esc(h.employee ? (names.get(h.employee) ?? h.employee) : 'Enheten')}</td><td>${esc(h.date ? dateNo(h.date) : '–')}</td><td>${esc(h.message)}</td></tr>`);
  }
  out.push('</tbody></table></section>');
  return out.join('\n');
}

function sourceOf(h: RuleHit, src: Record<string, string>): string {
  return h.source || src[h.rule] || '';
}

const MAX_DIFF_CELLS = 600;

function diffSection(input: ReviewPackInput): string {
  const d = input.diff;
  const title = '<h2>Endringer siden sist godkjente versjon</h2>';
  if (!d) {
    return `<section>${title}<p class="meta">Planen har ingen godkjent versjon ennå, så det er ingenting å sammenligne med.</p></section>`;
  }
  const against = input.diffAgainst ? ` (${esc(input.diffAgainst)})` : '';
  if (d.identical) return `<section>${title}<p class="ok">Ingen endringer siden sist godkjente versjon${against}.</p></section>`;
  const out: string[] = [`<section>${title}`];
  out.push(`<p class="meta">Sammenlignet med${against}: ${d.summary.cellsChanged} endrede celler, ${d.summary.employeesChanged} berørte ansatte, ${d.summary.rulesAdded} nye regelbrudd, ${d.summary.rulesRemoved} løste regelbrudd. Planlagte timer ${nbNumber(d.summary.plannedHoursBefore, 1)} → ${nbNumber(d.summary.plannedHoursAfter, 1)} t.</p>`);
  if (d.periodBefore.start !== d.periodAfter.start || d.periodBefore.end !== d.periodAfter.end) {
    out.push(`<p class="warn">Perioden er endret: ${esc(dateNo(d.periodBefore.start))}–${esc(dateNo(d.periodBefore.end))} → ${esc(dateNo(d.periodAfter.start))}–${esc(dateNo(d.periodAfter.end))}.</p>`);
  }
  if (d.employees.length) {
    out.push('<h3>Per ansatt</h3><table><thead><tr><th>Ansatt</th><th>Endring</th><th class="num">Celler</th><th class="num">Timer før</th><th class="num">Timer etter</th><th class="num">Stilling før</th><th class="num">Stilling etter</th><th class="num">Resultat før</th><th class="num">Resultat etter</th></tr></thead><tbody>');
    for (const e of d.employees) {
      const ch = e.change === 'added' ? 'ny ansatt' : e.change === 'removed' ? 'fjernet' : 'endret';
      const n = (x: number | null, pct = false) => (x === null ? '–' : pct ? nbPercent(x) : nbNumber(x, 1));
      out.push(`<tr><td>${esc(e.name)}</td><td>${ch}</td><td class="num">${e.cellsChanged}</td><td class="num">${n(e.plannedHoursBefore)}</td><td class="num">${n(e.plannedHoursAfter)}</td><td class="num">${n(e.positionBefore, true)}</td><td class="num">${n(e.positionAfter, true)}</td><td class="num">${n(e.resultingPositionBefore, true)}</td><td class="num">${n(e.resultingPositionAfter, true)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  if (d.rulesAdded.length || d.rulesRemoved.length) {
    out.push('<h3>Regelbrudd</h3><table><thead><tr><th></th><th>Regel</th><th>Dato</th><th>Melding</th></tr></thead><tbody>');
    for (const h of d.rulesAdded) out.push(`<tr><td class="added">Nytt</td><td>${esc(h.rule)}</td><td>${esc(h.date ? dateNo(h.date) : '–')}</td><td>${esc(h.message)}</td></tr>`);
    for (const h of d.rulesRemoved) out.push(`<tr><td class="removed">Løst</td><td>${esc(h.rule)}</td><td>${esc(h.date ? dateNo(h.date) : '–')}</td><td>${esc(h.message)}</td></tr>`);
    out.push('</tbody></table>');
  }
  if (d.cells.length) {
    out.push('<h3>Endrede celler</h3><table><thead><tr><th>Ansatt</th><th>Dato</th><th>Før</th><th>Etter</th></tr></thead><tbody>');
    for (const c of d.cells.slice(0, MAX_DIFF_CELLS)) {
      out.push(`<tr><td>${esc(c.employeeName)}</td><td>${esc(formatDateNo(c.date))}</td><td>${esc(c.before ?? 'fri')}</td><td>${esc(c.after ?? 'fri')}</td></tr>`);
    }
    out.push('</tbody></table>');
    if (d.cells.length > MAX_DIFF_CELLS) out.push(`<p class="small">Viser de første ${MAX_DIFF_CELLS} av ${d.cells.length} endrede celler; hele listen finnes i appen og i eksporten til Excel.</p>`);
  }
  out.push('</section>');
  return out.join('\n');
}

function commentSection(input: ReviewPackInput): string {
  const list = (input.comments ?? []).filter((c) => !c.resolved);
  if (!list.length) return '';
  const names = new Map(input.plan.employees.map((e) => [e.id, e.name]));
  return `<section><h2>Kommentarer</h2><table><thead><tr><th>Gjelder</th><th>Kommentar</th><th>Av</th><th>Tid</th></tr></thead><tbody>
${list.map((c) => `<tr><td>${c.employeeId || c.date ? `${esc(c.employeeId ? (names.get(c.employeeId) ?? c.employeeId) : 'Alle')}${c.date ? `, ${esc(formatDateNo(c.date))}` : ''}` : 'Hele planen'}</td><td>${esc(c.text)}</td><td>${esc(c.author)}</td><td>${esc(c.createdAt.slice(0, 16).replace('T', ' '))}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

function signatureSection(input: ReviewPackInput): string {
  const s = input.status;
  const deadline = droftingDeadline(input.plan);
  const tv = [...new Set([...(s.droftingNames ?? []), ...(s.godkjentNames ?? [])])];
  return `<section><h2>Drøfting og godkjenning</h2>
<table><tbody>
<tr><th>Plan</th><td>${esc(input.planName)}, ${esc(input.plan.unit.name)}, ${esc(dateNo(input.plan.period.start))}–${esc(dateNo(input.plan.period.end))}</td></tr>
<tr><th>Frist for drøfting (aml § 10-3)</th><td>${esc(dateNo(deadline))}</td></tr>
<tr><th>Lagt fram til drøfting</th><td>${esc(dateNo(s.droftingDate))}${s.droftingNames?.length ? `, med ${esc(s.droftingNames.join(', '))}` : ''}</td></tr>
<tr><th>Godkjent</th><td>${esc(dateNo(s.godkjentDate))}${s.godkjentNames?.length ? `, av ${esc(s.godkjentNames.join(', '))}` : ''}</td></tr>
</tbody></table>
<p>Planen er drøftet med de tillitsvalgte i samsvar med arbeidsmiljøloven § 10-3. Avvik fra lovens hovedregler forutsetter de avtalene som er listet under «Forutsetninger».</p>
<div class="sign">
<div>Sted og dato<br><br>Avdelingsleder (arbeidsgiver)</div>
${(tv.length ? tv : ['Tillitsvalgt']).map((n) => `<div>Sted og dato<br><br>${esc(n)}${tv.length ? ' (tillitsvalgt)' : ''}</div>`).join('\n')}
</div>
<footer>Laget ${esc(input.generatedAt.slice(0, 16).replace('T', ' '))} av ${esc(input.generatedBy)} med Turnus.</footer>
</section>`;
}

/** The whole review pack as one HTML document (UTF-8, no external resources, no scripts). */
export function buildReviewPackHtml(input: ReviewPackInput): string {
  const paper = input.paper ?? 'A4';
  return `<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8">
<title>${esc(`Turnusplan ${input.plan.unit.name} – ${input.planName}`)}</title>
<style>${CSS(paper)}</style>
</head><body>
${coverSection(input)}
${gridSection(input)}
${employeeSection(input)}
${ruleSection(input)}
${diffSection(input)}
${commentSection(input)}
${signatureSection(input)}
</body></html>
`;
}
