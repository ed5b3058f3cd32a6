/**
 * Review pack: the plan grid month by month with coverage rows under it (what is short on each
 * day, per shift and per named competence), and the list of open shifts by day, shift and
 * competence with the absences of that day beside it.
 */
import { MONTH_LONG, WEEKDAY_SHORT, fromDay, holidayName, isoWeekday, toDay, ymd } from '../calendar';
import { absenceCodesOf, COMPETENCE_LABEL, type Competence, type TurnusPlan } from '../plan/model';
import { count, listNo } from '../text';
import { sectionHeading } from './pack-cover';
import { dateNo, esc, nbNumber } from './pack-format';
import type { PackOpenShift, ReviewPackInput } from './pack-types';

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

/** 'sykepleier' → 'sykepleier'; 'any' → 'uansett kompetanse'. */
export function competenceText(c: string): string {
  if (c === 'any') return 'uansett kompetanse';
  return (COMPETENCE_LABEL[c as Competence] ?? c).toLowerCase();
}

const dayClass = (d: number) => (holidayName(d) ? 'hol' : isoWeekday(d) >= 5 ? 'we' : '');

export function gridSection(input: ReviewPackInput): string {
  const { plan } = input;
  const cells = new Map<string, string>();
  for (const a of plan.assignments) cells.set(`${a.employee}\u0000${a.date}`, a.code);
  const commented = new Set(
    (input.comments ?? []).filter((c) => c.employeeId && c.date && !c.resolved).map((c) => `${c.employeeId}\u0000${c.date}`),
  );
  // Coverage: missing per shift code and date; shift codes short of each named competence per date.
  const missing = new Map<string, number>();
  const shiftCodes: string[] = [];
  for (const s of input.coverage ?? []) {
    if (s.needed > 0 && !shiftCodes.includes(s.shift)) shiftCodes.push(s.shift);
    if (s.missing > 0) missing.set(`${s.shift}\u0000${s.date}`, s.missing);
  }
  const byCompetence = new Map<string, Map<string, string[]>>();
  for (const o of input.openShifts ?? []) {
    if (o.competence === 'any') continue;
    const m = byCompetence.get(o.competence) ?? new Map<string, string[]>();
    byCompetence.set(o.competence, m);
    m.set(o.date, [...(m.get(o.date) ?? []), o.shift]);
  }
  const out: string[] = [`<section class="grid-section">${sectionHeading('plan')}`];
  out.push(
    '<p class="small">Under hver måned: «Mangler D» = hvor mange som mangler på vakt D den dagen etter bemanningsplanen; «Mangler sykepleier» = vaktene som mangler en sykepleier. Tom celle = dekket.</p>',
  );
  const holidaysSeen: { date: string; name: string }[] = [];
  for (const m of months(plan)) {
    const days: number[] = [];
    for (let d = m.from; d <= m.to; d++) days.push(d);
    for (const d of days) {
      const h = holidayName(d);
      if (h) holidaysSeen.push({ date: fromDay(d), name: h });
    }
    out.push(`<div class="month"><h3>${esc(MONTH_LONG[m.month - 1])} ${m.year}</h3>`);
    out.push('<table class="grid"><thead><tr><th class="name">Ansatt</th>');
    out.push(days.map((d) => `<th class="${dayClass(d)}">${ymd(d).day}</th>`).join(''));
    out.push('</tr><tr><th class="name"></th>');
    out.push(days.map((d) => `<th class="${dayClass(d)}">${esc(WEEKDAY_SHORT[isoWeekday(d)].slice(0, 2))}</th>`).join(''));
    out.push('</tr></thead><tbody>');
    for (const e of plan.employees) {
      out.push(`<tr><td class="name">${esc(e.name)}</td>`);
      for (const d of days) {
        const key = `${e.id}\u0000${fromDay(d)}`;
        const code = cells.get(key) ?? '';
        const c = [dayClass(d), code ? 'c' : '', commented.has(key) ? 'cm' : ''].filter(Boolean).join(' ');
        out.push(`<td${c ? ` class="${c}"` : ''}>${esc(code)}</td>`);
      }
      out.push('</tr>');
    }
    shiftCodes.forEach((code, i) => {
      out.push(`<tr class="cov${i === 0 ? ' first' : ''}"><td class="name">Mangler ${esc(code)}</td>`);
      for (const d of days) {
        const n = missing.get(`${code}\u0000${fromDay(d)}`);
        out.push(n ? `<td class="short ${dayClass(d)}">${n}</td>` : `<td class="${dayClass(d)}"></td>`);
      }
      out.push('</tr>');
    });
    for (const [comp, dates] of byCompetence) {
      out.push(`<tr class="cov"><td class="name">Mangler ${esc(competenceText(comp))}</td>`);
      for (const d of days) {
        const codes = dates.get(fromDay(d));
        out.push(codes ? `<td class="short ${dayClass(d)}">${esc([...new Set(codes)].join(''))}</td>` : `<td class="${dayClass(d)}"></td>`);
      }
      out.push('</tr>');
    }
    out.push('</tbody></table></div>');
  }
  const legend = plan.shiftTypes
    .map((s) => `<span><b>${esc(s.code)}</b> ${esc(s.start)}–${esc(s.end)}${s.name ? ` ${esc(s.name)}` : ''}</span>`)
    .concat(absenceCodesOf(plan).map((a) => `<span><b>${esc(a.code)}</b> ${esc(a.name ?? a.kind)}</span>`));
  out.push(
    `<p class="legend small">${legend.join(' ')}<span>Grå = helg</span><span>Rød = helligdag</span><span>Stiplet ramme = kommentar</span></p>`,
  );
  if (holidaysSeen.length) {
    out.push(
      `<p class="small">Helligdager i perioden: ${holidaysSeen.map((h) => `${esc(dateNo(h.date))} ${esc(h.name)}`).join('; ')}.</p>`,
    );
  }
  out.push('</section>');
  return out.join('\n');
}

/** Absences of each date: code → names, so a short day with a meeting or a course is explained. */
function absencesByDate(plan: TurnusPlan): Map<string, Map<string, string[]>> {
  const codes = new Map(absenceCodesOf(plan).map((a) => [a.code, a]));
  const names = new Map(plan.employees.map((e) => [e.id, e.name]));
  const out = new Map<string, Map<string, string[]>>();
  for (const a of plan.assignments) {
    if (!codes.has(a.code)) continue;
    const m = out.get(a.date) ?? new Map<string, string[]>();
    out.set(a.date, m);
    m.set(a.code, [...(m.get(a.code) ?? []), names.get(a.employee) ?? a.employee]);
  }
  return out;
}

export function openShiftsSection(input: ReviewPackInput): string {
  const open = (input.openShifts ?? []).filter((o) => o.missing > 0);
  const head = `<section>${sectionHeading('apne')}`;
  if (open.length === 0) return `${head}<p class="ok">Alle vakter i bemanningsplanen er dekket.</p></section>`;
  const total = open.reduce((s, o) => s + o.missing, 0);
  const byShift = new Map<string, number>();
  const byComp = new Map<string, number>();
  for (const o of open) {
    byShift.set(o.shift, (byShift.get(o.shift) ?? 0) + o.missing);
    byComp.set(o.competence, (byComp.get(o.competence) ?? 0) + o.missing);
  }
  const absences = absencesByDate(input.plan);
  // One row per date; the shifts in the plan's shift-type order.
  const order = new Map(input.plan.shiftTypes.map((t, i) => [t.code, i]));
  const byDate = new Map<string, PackOpenShift[]>();
  for (const o of open) byDate.set(o.date, [...(byDate.get(o.date) ?? []), o]);
  const rows = [...byDate.keys()]
    .sort()
    .map((date) => {
      const list = byDate.get(date)!;
      const shifts = [...new Set(list.map((o) => o.shift))].sort(
        (x, y) => (order.get(x) ?? 99) - (order.get(y) ?? 99) || x.localeCompare(y),
      );
      const what = shifts
        .map((sh) => `${sh}: ${listNo(list.filter((o) => o.shift === sh).map((o) => `${o.missing} ${competenceText(o.competence)}`))}`)
        .join('; ');
      const hours = list.reduce((s, o) => s + o.hours, 0);
      const abs = absences.get(date);
      const absText = abs
        ? [...abs].map(([code, who]) => `${code}: ${who.length > 3 ? count(who.length, 'ansatt', 'ansatte') : who.join(', ')}`).join('; ')
        : '';
      const wd = WEEKDAY_SHORT[isoWeekday(toDay(date))];
      return `<tr><td>${esc(wd)}. ${esc(dateNo(date))}</td><td>${esc(what)}</td><td class="num">${nbNumber(hours, 1)}</td><td>${esc(absText)}</td></tr>`;
    })
    .join('\n');
  return `${head}
<p class="meta">${count(total, 'vakt', 'vakter')} er ikke dekket: ${esc([...byShift].map(([s, n]) => `${n} på ${s}`).join(', '))}. Per kompetanse: ${esc([...byComp].map(([c, n]) => `${n} ${competenceText(c)}`).join(', '))}. Vikarbehov ${nbNumber(input.unit.uncoveredHours, 1)} t.</p>
<table><thead><tr><th>Dag</th><th>Mangler per vakt</th><th class="num">Timer</th><th>Fravær samme dag (møte, kurs, ferie …)</th></tr></thead>
<tbody>${rows}</tbody></table>
</section>`;
}
