/**
 * Review pack, «Møter og kurs»: each timed meeting or course of the plan (date, time, code,
 * who), how many attend and the hours it credits them (its duration less the part their own
 * shift covers), and who is «fritatt» from a meeting for all and why (absent that day, or a shift
 * too close to it: shared/plan/activities.ts, the same predicate the rules and the generator read).
 */
import { count } from '../text';
import { indexPlan } from '../plan/plan-index';
import { attendanceOf } from '../plan/attendance';
import { sectionHeading } from './pack-cover';
import { dateNo, esc, nbShort } from './pack-format';
import type { ReviewPackInput } from './pack-types';

export function activitySection(input: ReviewPackInput): string {
  const { plan } = input;
  const head = `<section>${sectionHeading('moter')}`;
  const list = [...(plan.activities ?? [])]
    .filter((a) => a.date >= plan.period.start && a.date <= plan.period.end)
    .sort((a, b) => (a.date + a.start < b.date + b.start ? -1 : 1));
  if (list.length === 0) return `${head}<p class="meta">Planen har ingen møter eller kurs med klokkeslett.</p></section>`;
  const index = indexPlan(plan);
  const names = new Map(plan.employees.map((e) => [e.id, e.name]));
  const rows = list.map((a) => {
    const att = attendanceOf(index, a);
    const who = a.employees === 'all' ? 'Alle ansatte' : a.employees.map((id) => names.get(id) ?? id).join(', ');
    const hours = att.creditedHours.reduce((s, h) => s + h, 0);
    const excused = att.excused.map((x) => `${x.name} (${x.reason})`).join(', ');
    return `<tr><td>${esc(dateNo(a.date))}</td><td>${esc(`${a.start}–${a.end}`)}</td><td>${esc(a.code)}</td><td>${esc(who)}</td><td class="num">${att.attending.length}</td><td class="num">${esc(nbShort(hours))} t</td><td>${esc(excused)}</td></tr>`;
  });
  return `${head}
<p class="meta">${count(list.length, 'møte eller kurs', 'møter og kurs')} med klokkeslett. Et møte eller kurs er arbeidstid for dem som deltar (godskrevne timer: varigheten utenom den delen egen vakt dekker). Fra et møte for alle er den fritatt som har fravær den dagen eller en vakt som gir under 11 timer hvile mot møtet; vakten blir stående.</p>
<table><thead><tr><th>Dato</th><th>Tid</th><th>Type</th><th>Hvem</th><th class="num">Deltar</th><th class="num">Godskrevne timer</th><th>Fritatt</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
</section>`;
}
