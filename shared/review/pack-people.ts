/**
 * Review pack, per person: weekends against the rhythm (plan-format.md «Weekend groups»), the
 * consent register (langvakt, night exemption), hours and positions, and red days.
 */
import { count } from '../text';
import { sectionHeading } from './pack-cover';
import { dateNo, dayMonth, esc, nbNumber, nbPercent, nbShort } from './pack-format';
import type { PackEmployeeRow, ReviewPackInput } from './pack-types';
import { weekendRhythm } from './weekend-rhythm';

/** Weekend groups as people read them: group 0 is «gruppe 1» (the settings screen's wording). */
export function groupName(g: number): string {
  return `gruppe ${g + 1}`;
}

export function weekendSection(input: ReviewPackInput): string {
  const { plan } = input;
  const rhythm = weekendRhythm(plan);
  const rows = new Map(input.employees.map((r) => [r.id, r]));
  const k = rhythm.frequency;
  const out: string[] = [`<section>${sectionHeading('helger')}`];
  if (k === null) {
    out.push('<p class="meta">Enheten har ingen helgerytme (hver k. helg) satt. Tabellen viser helgene hver ansatt arbeider.</p>');
  } else {
    out.push(
      `<p class="meta">Helgerytme: hver ${k}. helg. Helgene nummereres fra helgen som starter lørdag ${esc(dateNo(rhythm.anchor))}` +
        `${rhythm.anchorFromFile ? ' (enhetens første helg for gruppe 1)' : ' (planens første helg; enheten har ingen fast startuke)'}: ` +
        `den helgen er helg 0, og helg n tilhører gruppe (n mod ${k}) + 1. En helg regnes som arbeidet når en vakt ligger mer enn én time inne i lørdag 00:00–mandag 00:00.</p>`,
    );
    out.push(
      '<h3>Helgene i perioden per gruppe</h3><table><thead><tr><th>Gruppe</th><th>Helger (lørdag)</th><th>Ansatte i gruppen</th></tr></thead><tbody>',
    );
    for (let g = 0; g < k; g++) {
      const sats = rhythm.weekends.filter((w) => w.group === g).map((w) => dayMonth(w.saturday));
      const members = plan.employees.filter((e) => e.weekendGroup === g).map((e) => e.name);
      out.push(`<tr><td>${esc(groupName(g))}</td><td>${esc(sats.join(', '))}</td><td>${esc(members.join(', '))}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push(
    '<h3>Helger per ansatt</h3><table><thead><tr><th>Navn</th><th>Gruppe</th><th class="num">Helger</th><th>Arbeider helgene (lørdag)</th>' +
      (k !== null ? '<th>I rytmen, men fri</th><th>Utenfor rytmen</th>' : '') +
      '</tr></thead><tbody>',
  );
  for (const e of plan.employees) {
    const worked = rows.get(e.id)?.weekendDates ?? [];
    const g = typeof e.weekendGroup === 'number' ? e.weekendGroup : null;
    let extra = '';
    if (k !== null) {
      const own = g === null ? [] : rhythm.weekends.filter((w) => w.group === g).map((w) => w.saturday);
      const workedSet = new Set(worked);
      const ownSet = new Set(own);
      const missed = own.filter((s) => !workedSet.has(s));
      const outside = g === null ? [] : worked.filter((s) => !ownSet.has(s));
      extra =
        g === null
          ? '<td colspan="2" class="small">ingen gruppe</td>'
          : `<td>${esc(missed.map(dayMonth).join(', ') || '–')}</td><td${outside.length ? ' class="off"' : ''}>${esc(outside.map(dayMonth).join(', ') || '–')}</td>`;
    }
    out.push(
      `<tr><td>${esc(e.name)}</td><td>${g === null ? '–' : esc(groupName(g))}</td><td class="num">${worked.length}</td><td>${esc(worked.map(dayMonth).join(', ') || '–')}</td>${extra}</tr>`,
    );
  }
  out.push('</tbody></table></section>');
  return out.join('\n');
}

export function consentSection(input: ReviewPackInput): string {
  const { plan } = input;
  const rows = new Map(input.employees.map((r) => [r.id, r]));
  const without = new Map<string, number>();
  for (const h of input.hits)
    if (h.rule === 'LONG-SHIFT-CONSENT' && h.employee) without.set(h.employee, (without.get(h.employee) ?? 0) + 1);
  const consenters = plan.employees.filter((e) => e.consentsLongShifts);
  const undated = consenters.filter((e) => !e.longShiftConsentDate).length;
  const body = plan.employees
    .map((e) => {
      const long = rows.get(e.id)?.longShifts ?? 0;
      const consent = e.consentsLongShifts
        ? `ja, ${e.longShiftConsentDate ? `samtykket ${esc(dateNo(e.longShiftConsentDate))}` : '<span class="off">dato mangler</span>'}`
        : 'nei';
      const bad = without.get(e.id);
      return `<tr><td>${esc(e.name)}</td><td>${consent}</td><td class="num">${long}</td><td${bad ? ' class="off"' : ''}>${bad ? count(bad, 'langvakt', 'langvakter') + ' uten samtykke' : ''}</td><td>${e.nightExempt ? 'ja, fritatt' : 'nei'}</td></tr>`;
    })
    .join('\n');
  return (
    `<section>${sectionHeading('samtykke')}
<p class="meta">${count(consenters.length, 'ansatt', 'ansatte')} har samtykket til langvakter${undated ? `; <span class="off">${count(undated, 'samtykke', 'samtykker')} mangler dato</span>` : ', alle med dato'}. ` +
    `${count(plan.employees.filter((e) => e.nightExempt).length, 'ansatt', 'ansatte')} er fritatt fra nattarbeid.</p>
<table><thead><tr><th>Navn</th><th>Samtykke til langvakt</th><th class="num">Langvakter i planen</th><th>Avvik</th><th>Fritatt nattarbeid</th></tr></thead>
<tbody>${body}</tbody></table>
</section>`
  );
}

export function hoursSection(input: ReviewPackInput): string {
  const rows = new Map(input.employees.map((r) => [r.id, r]));
  const body = input.plan.employees
    .map((e) => {
      const r = rows.get(e.id);
      if (!r) return '';
      const diff = r.plannedHours - r.targetHours;
      const nr = typeof e.employeeNumber === 'string' ? e.employeeNumber : '';
      return `<tr><td>${esc(e.name)}</td><td>${esc(nr)}</td><td>${esc(e.competence)}</td>
<td class="num">${nbPercent(e.position)}</td><td class="num">${e.wantedPosition !== undefined ? nbPercent(e.wantedPosition) : '–'}</td>
<td class="num">${nbNumber(r.plannedHours, 1)}</td><td class="num">${nbNumber(r.targetHours, 1)}</td><td class="num">${nbNumber(diff, 1)}</td>
<td class="num">${nbPercent(r.resultingPosition)}</td><td class="num">${r.weekendsWorked}</td>
<td class="num">${r.holidaysWorked === undefined ? '–' : r.holidaysWorked}</td><td class="num">${r.longShifts}</td></tr>`;
    })
    .join('\n');
  return `<section>${sectionHeading('timer')}
<table><thead><tr><th>Navn</th><th>Ansattnr</th><th>Kompetanse</th><th class="num">Stilling</th><th class="num">Ønsket</th><th class="num">Planlagte timer</th><th class="num">Måltimer</th><th class="num">Differanse</th><th class="num">Stilling etter planen</th><th class="num">Helger</th><th class="num">Helligdager</th><th class="num">Langvakter</th></tr></thead>
<tbody>${body}</tbody></table>
<p class="small">Måltimer = stilling × (T × dager/7 − (ferie + helligdager) × T/6) etter valgt trekkregel; stilling etter planen = planlagte timer delt på måltimer ved 100 %.</p>
</section>`;
}

function hasRedDays(r: PackEmployeeRow): boolean {
  return r.redDaysWorked !== undefined || r.redDaysFree !== undefined || r.averageWeeklyHours !== undefined;
}

/**
 * Red days (Sundays and holidays) worked and free, and average weekly hours against the norm,
 * per person: printed when the plan report carries them (the rule engine's F3/F5 work). Until
 * then the section says where the holidays worked are shown instead.
 */
export function redDaysSection(input: ReviewPackInput): string {
  const rows = new Map(input.employees.map((r) => [r.id, r]));
  const head = `<section>${sectionHeading('rode')}`;
  if (!input.employees.some(hasRedDays)) {
    return `${head}<p class="meta">Regelmotoren gir ennå ikke røde dager arbeidet og fri eller gjennomsnittlig ukentlig arbeidstid per ansatt. Helligdager arbeidet står under «Timer og stillinger»; søn- og helgedagsregelen (aml § 10-8 (4)) står under «Regelsjekk».</p></section>`;
  }
  const cell = (v: number | undefined, d = 0) => `<td class="num">${v === undefined ? '–' : nbShort(v, d)}</td>`;
  const body = input.plan.employees
    .map((e) => {
      const r = rows.get(e.id);
      if (!r) return '';
      return `<tr><td>${esc(e.name)}</td>${cell(r.redDaysWorked)}${cell(r.redDaysFree)}${cell(r.averageWeeklyHours, 2)}${cell(r.weeklyNorm, 2)}${cell(r.overtimeHours, 1)}${cell(r.dayOvertimeHours, 1)}</tr>`;
    })
    .join('\n');
  return `${head}
<table><thead><tr><th>Navn</th><th class="num">Røde dager arbeidet</th><th class="num">Røde dager fri</th><th class="num">Gjennomsnitt t/uke</th><th class="num">Norm t/uke</th><th class="num">Overtid t</th><th class="num">Herav utover full dag</th></tr></thead>
<tbody>${body}</tbody></table>
<p class="small">Overtid = timer over full stilling i gjennomsnittsperioden og, for deltidsansatte, timer over en full dag (T/5 eller datoens egen vakt, det største; KS HTA kap. 1 § 6, aml § 10-6). Overtid skal ikke planlegges.</p></section>`;
}
