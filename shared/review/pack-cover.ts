/**
 * Review pack: the cover (drøfting notice, key figures, contents), the agreements on file beside
 * every limit, and the assumptions in plain Norwegian.
 */
import { addDays } from '../calendar';
import { absenceCodesOf, DEFAULT_HELTID_THRESHOLD, type AgreementKey, type PlanStatus, type TurnusPlan } from '../plan/model';
import { formatHours, resolveAgreements, type AgreedValue } from '../rules/agreements';
import { dateNo, esc, nbNumber, nbPercent, nbShort, osloLocal } from './pack-format';
import type { PackAgreementRecord, PackAssumption, ReviewPackInput } from './pack-types';
import { count, listNo } from '../text';

/** The Norwegian name of each plan status: the one place (review pack, backend change log, UI). */
export const STATUS_LABEL: Record<PlanStatus, string> = {
  utkast: 'Utkast',
  til_drofting: 'Til drøfting',
  godkjent: 'Godkjent',
};

/** The latest date «til drøfting» may be set: 14 days before the plan starts (aml § 10-3). */
export function droftingDeadline(plan: Pick<TurnusPlan, 'period'>): string {
  return addDays(plan.period.start, -14);
}

const HOLIDAY_REDUCTION_LABEL: Record<string, string> = {
  MONSAT_T_OVER_6: 'Røde dager mandag–lørdag trekkes med T/6 (anbefalt standard)',
  MONFRI_T_OVER_5: 'Røde dager mandag–fredag trekkes med T/5',
  NONE: 'Ingen trekk for røde dager; bare ferie trekkes',
};

/** A section heading with its legal source under it. */
export function heading(id: string, title: string, law: string): string {
  return `<h2 id="${esc(id)}">${esc(title)}</h2><p class="law">Hjemmel: ${esc(law)}</p>`;
}

/** The sections of the pack in order, with their legal source (the cover lists them). */
export const PACK_SECTIONS: { id: string; title: string; law: string }[] = [
  { id: 'plan', title: 'Turnusplanen med dekning', law: 'aml § 10-3 (arbeidsplan), enhetens bemanningsplan' },
  { id: 'apne', title: 'Åpne vakter', law: 'enhetens bemanningsplan (behov per vakt og kompetanse)' },
  { id: 'helger', title: 'Helger og helgegrupper', law: 'aml § 10-8 (4), lokal avtale om helgerytme (Askermodellen)' },
  {
    id: 'samtykke',
    title: 'Samtykke til langvakter og fritak fra nattarbeid',
    law: 'aml § 10-5 (2) og lokal avtale (langvakt er frivillig), aml § 10-2 (2)',
  },
  { id: 'moter', title: 'Møter og kurs', law: 'aml § 10-1 (1) (arbeidstid), aml § 10-8 (1) (døgnhvile)' },
  { id: 'avtaler', title: 'Avtaler og grenser', law: 'aml § 10-4, § 10-5, § 10-8 (3) og (4), § 10-12 (4)' },
  { id: 'regler', title: 'Regelsjekk', law: 'arbeidsmiljøloven kap. 10, ferieloven, KS hovedtariffavtale' },
  { id: 'timer', title: 'Timer og stillinger', law: 'KS HTA kap. 1 § 4 (arbeidstid), aml § 14-3 (fortrinnsrett for deltidsansatte)' },
  { id: 'rode', title: 'Røde dager og gjennomsnittlig arbeidstid', law: 'aml § 10-8 (4), aml § 10-5 (2), KS HTA' },
  { id: 'endringer', title: 'Endringer siden sist godkjente versjon', law: 'aml § 10-3 (endringer skal drøftes)' },
  { id: 'forutsetninger', title: 'Forutsetninger', law: 'enhetens innstillinger og lokale avtaler' },
  { id: 'signatur', title: 'Drøfting og godkjenning', law: 'aml § 10-3' },
];

export function sectionHeading(id: string): string {
  const s = PACK_SECTIONS.find((x) => x.id === id)!;
  return heading(s.id, s.title, s.law);
}

/** The drøfting notice in the right tense: a future date «skal drøftes», a past one «drøftet». */
export function droftingNotice(input: ReviewPackInput): string {
  const { plan, status } = input;
  const deadline = droftingDeadline(plan);
  const today = osloLocal(input.generatedAt).date;
  const d = status.droftingDate;
  const names = status.droftingNames?.length ? ` med ${esc(listNo(status.droftingNames))}` : '';
  const rule = 'aml § 10-3: arbeidsplanen skal drøftes med de tillitsvalgte senest to uker før den settes i verk';
  if (!d) {
    return `<p class="meta">Frist for drøfting med de tillitsvalgte: ${esc(dateNo(deadline))} (${rule}; planen starter ${esc(dateNo(plan.period.start))}).</p>`;
  }
  const late = d > deadline;
  if (d > today) {
    return late
      ? `<p class="warn">Planen skal drøftes${names} ${esc(dateNo(d))}, etter fristen ${esc(dateNo(deadline))} (${rule}).</p>`
      : `<p class="ok">Planen skal drøftes${names} ${esc(dateNo(d))}, innenfor fristen ${esc(dateNo(deadline))} (${rule}).</p>`;
  }
  return late
    ? `<p class="warn">Planen ble drøftet${names} ${esc(dateNo(d))}, senere enn fristen ${esc(dateNo(deadline))} (${rule}).</p>`
    : `<p class="ok">Drøftet${names} ${esc(dateNo(d))}, innenfor fristen ${esc(dateNo(deadline))} (${rule}).</p>`;
}

function figure(value: string, label: string): string {
  return `<div class="figure"><span class="v">${esc(value)}</span><span class="l">${esc(label)}</span></div>`;
}

export function coverSection(input: ReviewPackInput): string {
  const { plan, unit, status } = input;
  const errors = input.hits.filter((h) => h.severity === 'error').length;
  const warnings = input.hits.filter((h) => h.severity === 'warning').length;
  const planned = input.employees.reduce((s, e) => s + e.plannedHours, 0);
  const target = input.employees.reduce((s, e) => s + e.targetHours, 0);
  const toc = PACK_SECTIONS.map((s) => `<li>${esc(s.title)} <span class="small">(${esc(s.law)})</span></li>`).join('');
  return `<section class="cover">
<h1>Turnusplan til drøfting: ${esc(plan.unit.name)}</h1>
<p class="meta"><b>${esc(input.planName)}</b> · Periode ${esc(dateNo(plan.period.start))}–${esc(dateNo(plan.period.end))} · Status: <b>${esc(STATUS_LABEL[status.status])}</b>${status.godkjentDate ? ` (godkjent ${esc(dateNo(status.godkjentDate))})` : ''}</p>
${droftingNotice(input)}
<div class="figures">
${figure(String(input.employees.length || plan.employees.length), 'ansatte')}
${figure(nbPercent(unit.heltidsandel.contracted), 'heltidsandel, avtalt stilling')}
${figure(nbPercent(unit.heltidsandel.resulting), 'heltidsandel, etter planen')}
${figure(nbPercent(unit.averagePosition.resulting), `gjennomsnittlig stilling etter planen (avtalt ${nbPercent(unit.averagePosition.contracted)})`)}
${figure(`${nbNumber(planned, 1)} t`, `planlagte timer (mål ${nbNumber(target, 1)} t)`)}
${figure(count(unit.uncoveredShifts, 'vakt', 'vakter'), `udekket, ${nbNumber(unit.uncoveredHours, 1)} t vikarbehov (se «Åpne vakter»)`)}
${figure(`${errors} brudd · ${warnings} varsler`, 'regelsjekk (se «Regelsjekk»)')}
${figure(count(plan.employees.filter((e) => e.consentsLongShifts).length, 'samtykke', 'samtykker'), 'til langvakt (se «Samtykke»)')}
</div>
<h3>Innhold</h3>
<ol class="toc">${toc}</ol>
</section>`;
}

const LIMIT_LABEL: Record<AgreementKey, string> = {
  dailyRestMinHours: 'Daglig arbeidsfri minst',
  weeklyRestMinHours: 'Ukentlig arbeidsfri minst',
  maxShiftHours: 'Lengste vakt',
  maxWeekHours: 'Flest timer i én uke',
  sundayAveragingWeeks: 'Søn- og helgedagsarbeid',
  splitShiftMaxBreakHours: 'Delt vakt',
};

function limitValue(key: AgreementKey, v: AgreedValue): string {
  if (key === 'sundayAveragingWeeks') return v.value === 0 ? 'annenhver søn-/helgedag fri' : `gjennomsnitt over ${v.value} uker`;
  if (key === 'splitShiftMaxBreakHours') return v.value === 0 ? 'ingen delt vakt' : `pause høyst ${formatHours(v.value)} t`;
  return `${formatHours(v.value)} t`;
}

function recordText(r: PackAgreementRecord, plan: TurnusPlan): string {
  const until = r.validUntil ? `, gjelder til ${dateNo(r.validUntil)}` : ', gjelder til den sies opp';
  const expires =
    r.validUntil && r.validUntil < plan.period.end
      ? ` <span class="off">Utløper før planen slutter (${esc(dateNo(plan.period.end))}).</span>`
      : '';
  return `Avtale ${esc(dateNo(r.signedDate))}, ${esc(r.parties)}${esc(until)}.${expires}`;
}

/** Every limit with its value, its legal basis and the agreement on file, or «ingen avtale registrert». */
export function agreementSection(input: ReviewPackInput): string {
  // One source for «which agreement allows this limit»: the records on file, read by the rule
  // engine too (a plan file from the app carries them; an older one gets the unit's here).
  const records = input.agreementRecords ?? [];
  const plan =
    records.length > 0 && !input.plan.rules?.agreementRecords
      ? { ...input.plan, rules: { ...input.plan.rules, agreementRecords: records } }
      : input.plan;
  const eff = resolveAgreements(plan);
  const rows: [AgreementKey, AgreedValue][] = [
    ['dailyRestMinHours', eff.dailyRest],
    ['weeklyRestMinHours', eff.weeklyRest],
    ['maxShiftHours', eff.maxShift],
    ['maxWeekHours', eff.maxWeek],
    ['sundayAveragingWeeks', eff.sundayAveragingWeeks],
    ['splitShiftMaxBreakHours', eff.splitShift],
  ];
  const body = rows
    .map(([key, v]) => {
      const relaxed = v.basis !== v.source;
      const own = records.filter((r) => r.key === key);
      const onFile = own.length
        ? own.map((r) => recordText(r, plan)).join('<br>')
        : relaxed
          ? '<span class="off">ingen avtale registrert</span>'
          : 'lovens hovedregel, ingen avtale trengs';
      return `<tr><td>${esc(LIMIT_LABEL[key])}</td><td class="num">${esc(limitValue(key, v))}</td><td>${esc(v.basis)}</td><td>${onFile}</td></tr>`;
    })
    .join('\n');
  return `<section>${sectionHeading('avtaler')}
<table><thead><tr><th>Grense</th><th class="num">Verdi</th><th>Hjemmel</th><th>Avtale på fil (dato, parter, periode)</th></tr></thead>
<tbody>${body}</tbody></table>
<p class="small">En grense som er lempet ut over lovens hovedregel, gjelder bare med en avtale. Står det «ingen avtale registrert», må avtalen legges fram før planen godkjennes.</p>
</section>`;
}

function assumptionValue(a: PackAssumption): string {
  const v = typeof a.value === 'boolean' ? (a.value ? 'ja' : 'nei') : typeof a.value === 'number' ? nbShort(a.value, 2) : a.value;
  return `${esc(v)}${a.unit ? ` ${esc(a.unit)}` : ''}`;
}

/** The plan's own settings, then the cost model, each line named in Norwegian with its value and source. */
export function assumptionSection(input: ReviewPackInput): string {
  const { plan } = input;
  const threshold = plan.unit.heltidThreshold ?? DEFAULT_HELTID_THRESHOLD;
  const own: PackAssumption[] = [
    { label: 'Heltid regnes fra stillingsprosent', value: nbPercent(threshold, 0), source: 'Enhetens innstilling (Asker: 80–100 %)' },
    {
      label: 'Helgerytme',
      value: plan.unit.weekendFrequency ? `hver ${plan.unit.weekendFrequency}. helg` : 'ikke satt',
      source: 'Enhetens innstilling',
    },
    {
      label: 'Trekk for røde dager i måltimene',
      value: HOLIDAY_REDUCTION_LABEL[plan.rules?.holidayReduction ?? 'MONSAT_T_OVER_6'] ?? 'ukjent',
      source: 'Lokal avtale (ingen nasjonal regel for årsturnus)',
    },
  ];
  if (typeof plan.rules?.maxConsecutiveDays === 'number') {
    own.push({ label: 'Flest arbeidsdager på rad', value: plan.rules.maxConsecutiveDays, source: 'Enhetens innstilling' });
  }
  const line = (a: PackAssumption) =>
    `<tr><td>${esc(a.label)}</td><td>${assumptionValue(a)}</td><td class="small">${esc(a.source ?? '')}</td></tr>`;
  const shiftRows = plan.shiftTypes
    .map(
      (s) =>
        `<tr><td><b>${esc(s.code)}</b></td><td>${esc(s.name ?? '')}</td><td>${esc(s.start)}–${esc(s.end)}</td><td class="num">${esc(s.unpaidBreakMinutes ?? 0)} min</td><td>${s.long ? 'Langvakt (krever samtykke)' : ''}</td></tr>`,
    )
    .join('');
  const absenceRows = absenceCodesOf(plan)
    .map(
      (a) =>
        `<tr><td><b>${esc(a.code)}</b></td><td>${esc(a.name ?? a.kind)}</td><td colspan="3">${a.creditedHours ? `${nbNumber(a.creditedHours, 1)} t godskrives` : 'ingen timer godskrives'}</td></tr>`,
    )
    .join('');
  const costs = input.assumptions ?? [];
  return `<section>${sectionHeading('forutsetninger')}
<table><thead><tr><th>Forutsetning</th><th>Verdi</th><th>Kilde</th></tr></thead><tbody>
${own.map(line).join('\n')}
</tbody></table>
<h3>Vakttyper og fraværskoder</h3>
<table><thead><tr><th>Kode</th><th>Navn</th><th>Tid</th><th class="num">Ubetalt pause</th><th>Merknad</th></tr></thead><tbody>
${shiftRows}${absenceRows}
</tbody></table>
<p class="small">Behov etter bemanningsplanen: ${esc(nbNumber(input.unit.neededHours, 1))} t i perioden.</p>
${
  costs.length
    ? `<h3>Forutsetninger for kostnadstallene</h3>
<table><thead><tr><th>Forutsetning</th><th>Verdi</th><th>Kilde</th></tr></thead><tbody>
${costs.map(line).join('\n')}
</tbody></table>`
    : ''
}
</section>`;
}
