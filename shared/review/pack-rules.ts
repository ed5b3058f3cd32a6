/**
 * Review pack: the rule report grouped by rule (errors first, warnings, then information in
 * short), the diff against the last approved version, open comments and the signature block.
 */
import { formatDateNo } from '../calendar';
import { count, listNo } from '../text';
import { droftingDeadline, droftingNotice, sectionHeading } from './pack-cover';
import { dateNo, dateTimeNo, esc, nbNumber, nbPercent } from './pack-format';
import type { RuleHit } from './diff';
import type { ReviewPackInput } from './pack-types';

/** Most hits listed per rule; the rest is counted (all are in the Excel export). */
const MAX_HITS_PER_RULE = 40;
const MAX_DIFF_CELLS = 600;

/** Rule texts may name a plan-file setting («rules.maxConsecutiveDays»): the pack says what it is. */
export function plainRuleText(s: string): string {
  return s.replace(/\s*\(rules\.[A-Za-z.]+\)/g, ' (enhetens innstilling)').replace(/\brules\.[A-Za-z.]+/g, 'enhetens innstilling');
}

const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

function severityWord(s: string | undefined, n: number): string {
  return s === 'error' ? count(n, 'brudd', 'brudd') : s === 'warning' ? count(n, 'varsel', 'varsler') : count(n, 'merknad', 'merknader');
}

export function ruleSection(input: ReviewPackInput): string {
  const names = new Map(input.plan.employees.map((e) => [e.id, e.name]));
  const src = input.ruleSources ?? {};
  const titles = input.ruleNames ?? {};
  const title = (rule: string) => titles[rule] ?? 'Annen regel';
  const source = (h: RuleHit) => plainRuleText(h.source || src[h.rule] || '');
  const head = `<section>${sectionHeading('regler')}`;
  const main = input.hits.filter((h) => h.severity !== 'info');
  const info = input.hits.filter((h) => h.severity === 'info');
  const byRule = new Map<string, RuleHit[]>();
  for (const h of main) byRule.set(h.rule, [...(byRule.get(h.rule) ?? []), h]);
  const groups = [...byRule.values()].sort(
    (a, b) => (SEVERITY_ORDER[a[0].severity ?? 'info'] ?? 2) - (SEVERITY_ORDER[b[0].severity ?? 'info'] ?? 2) || b.length - a.length,
  );
  const out: string[] = [head];
  if (groups.length === 0) {
    out.push(
      '<p class="ok">Regelsjekken fant ingen brudd eller varsler etter arbeidsmiljøloven, tariffavtalen eller de lokale avtalene.</p>',
    );
  } else {
    out.push(
      '<table><thead><tr><th>Regel</th><th>Hjemmel</th><th>Alvor</th><th class="num">Antall</th><th class="num">Ansatte</th></tr></thead><tbody>',
    );
    for (const g of groups) {
      const people = new Set(g.map((h) => h.employee).filter(Boolean)).size;
      out.push(
        `<tr><td>${esc(title(g[0].rule))}</td><td>${esc(source(g[0]))}</td><td class="sev-${esc(g[0].severity ?? '')}">${g[0].severity === 'error' ? 'Brudd' : 'Varsel'}</td><td class="num">${g.length}</td><td class="num">${people}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
    for (const g of groups) {
      out.push(
        `<h3>${esc(title(g[0].rule))}: ${esc(severityWord(g[0].severity, g.length))}</h3><p class="law">Hjemmel: ${esc(source(g[0]))}</p>`,
      );
      out.push('<table><thead><tr><th>Ansatt</th><th>Dato</th><th>Melding</th></tr></thead><tbody>');
      const sorted = [...g].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
      for (const h of sorted.slice(0, MAX_HITS_PER_RULE)) {
        out.push(
          `<tr><td>${esc(h.employee ? (names.get(h.employee) ?? h.employee) : 'Enheten')}</td><td>${esc(h.date ? dateNo(h.date) : '–')}</td><td>${esc(plainRuleText(h.message))}</td></tr>`,
        );
      }
      out.push('</tbody></table>');
      if (g.length > MAX_HITS_PER_RULE)
        out.push(`<p class="small">Viser de første ${MAX_HITS_PER_RULE} av ${g.length}; alle står i Excel-eksporten (arket «Regler»).</p>`);
    }
  }
  if (info.length) {
    const infoBy = new Map<string, RuleHit[]>();
    for (const h of info) infoBy.set(h.rule, [...(infoBy.get(h.rule) ?? []), h]);
    out.push('<h3>Til orientering</h3><ul class="small">');
    for (const [rule, hits] of infoBy) {
      const people = [...new Set(hits.map((h) => (h.employee ? (names.get(h.employee) ?? h.employee) : '')).filter(Boolean))];
      const who = people.length > 6 ? count(people.length, 'ansatt', 'ansatte') : listNo(people);
      out.push(
        `<li>${esc(title(rule))} (${esc(source(hits[0]))}): ${esc(severityWord('info', hits.length))}${who ? `, ${esc(who)}` : ''}.</li>`,
      );
    }
    out.push('</ul>');
  }
  out.push('</section>');
  return out.join('\n');
}

export function diffSection(input: ReviewPackInput): string {
  const d = input.diff;
  const head = `<section>${sectionHeading('endringer')}`;
  if (!d) return `${head}<p class="meta">Planen har ingen godkjent versjon ennå, så det er ingenting å sammenligne med.</p></section>`;
  const against = input.diffAgainst ? ` (${esc(input.diffAgainst)})` : '';
  if (d.identical) return `${head}<p class="ok">Ingen endringer siden sist godkjente versjon${against}.</p></section>`;
  const out: string[] = [head];
  out.push(
    `<p class="meta">Sammenlignet med${against}: ${d.summary.cellsChanged} endrede celler, ${d.summary.employeesChanged} berørte ansatte, ${d.summary.rulesAdded} nye regelbrudd, ${d.summary.rulesRemoved} løste regelbrudd. Planlagte timer ${nbNumber(d.summary.plannedHoursBefore, 1)} → ${nbNumber(d.summary.plannedHoursAfter, 1)} t.</p>`,
  );
  if (d.periodBefore.start !== d.periodAfter.start || d.periodBefore.end !== d.periodAfter.end) {
    out.push(
      `<p class="warn">Perioden er endret: ${esc(dateNo(d.periodBefore.start))}–${esc(dateNo(d.periodBefore.end))} → ${esc(dateNo(d.periodAfter.start))}–${esc(dateNo(d.periodAfter.end))}.</p>`,
    );
  }
  const titles = input.ruleNames ?? {};
  if (d.employees.length) {
    out.push(
      '<h3>Per ansatt</h3><table><thead><tr><th>Ansatt</th><th>Endring</th><th class="num">Celler</th><th class="num">Timer før</th><th class="num">Timer etter</th><th class="num">Stilling før</th><th class="num">Stilling etter</th><th class="num">Resultat før</th><th class="num">Resultat etter</th></tr></thead><tbody>',
    );
    for (const e of d.employees) {
      const ch = e.change === 'added' ? 'ny ansatt' : e.change === 'removed' ? 'fjernet' : 'endret';
      const n = (x: number | null, pct = false) => (x === null ? '–' : pct ? nbPercent(x) : nbNumber(x, 1));
      out.push(
        `<tr><td>${esc(e.name)}</td><td>${ch}</td><td class="num">${e.cellsChanged}</td><td class="num">${n(e.plannedHoursBefore)}</td><td class="num">${n(e.plannedHoursAfter)}</td><td class="num">${n(e.positionBefore, true)}</td><td class="num">${n(e.positionAfter, true)}</td><td class="num">${n(e.resultingPositionBefore, true)}</td><td class="num">${n(e.resultingPositionAfter, true)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  if (d.rulesAdded.length || d.rulesRemoved.length) {
    out.push('<h3>Regelbrudd</h3><table><thead><tr><th></th><th>Regel</th><th>Dato</th><th>Melding</th></tr></thead><tbody>');
    for (const h of d.rulesAdded)
      out.push(
        `<tr><td class="added">Nytt</td><td>${esc(titles[h.rule] ?? h.rule)}</td><td>${esc(h.date ? dateNo(h.date) : '–')}</td><td>${esc(h.message)}</td></tr>`,
      );
    for (const h of d.rulesRemoved)
      out.push(
        `<tr><td class="removed">Løst</td><td>${esc(titles[h.rule] ?? h.rule)}</td><td>${esc(h.date ? dateNo(h.date) : '–')}</td><td>${esc(h.message)}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  if (d.cells.length) {
    out.push('<h3>Endrede celler</h3><table><thead><tr><th>Ansatt</th><th>Dato</th><th>Før</th><th>Etter</th></tr></thead><tbody>');
    for (const c of d.cells.slice(0, MAX_DIFF_CELLS)) {
      out.push(
        `<tr><td>${esc(c.employeeName)}</td><td>${esc(formatDateNo(c.date))}</td><td>${esc(c.before ?? 'fri')}</td><td>${esc(c.after ?? 'fri')}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
    if (d.cells.length > MAX_DIFF_CELLS)
      out.push(
        `<p class="small">Viser de første ${MAX_DIFF_CELLS} av ${d.cells.length} endrede celler; hele listen finnes i appen og i eksporten til Excel.</p>`,
      );
  }
  out.push('</section>');
  return out.join('\n');
}

export function commentSection(input: ReviewPackInput): string {
  const list = (input.comments ?? []).filter((c) => !c.resolved);
  if (!list.length) return '';
  const names = new Map(input.plan.employees.map((e) => [e.id, e.name]));
  return `<section><h2>Kommentarer</h2><table><thead><tr><th>Gjelder</th><th>Kommentar</th><th>Av</th><th>Tid</th></tr></thead><tbody>
${list.map((c) => `<tr><td>${c.employeeId || c.date ? `${esc(c.employeeId ? (names.get(c.employeeId) ?? c.employeeId) : 'Alle')}${c.date ? `, ${esc(formatDateNo(c.date))}` : ''}` : 'Hele planen'}</td><td>${esc(c.text)}</td><td>${esc(c.author)}</td><td>${esc(dateTimeNo(c.createdAt))}</td></tr>`).join('\n')}
</tbody></table></section>`;
}

export function signatureSection(input: ReviewPackInput): string {
  const s = input.status;
  const deadline = droftingDeadline(input.plan);
  const tv = s.droftingNames ?? [];
  const approvers = (s.godkjentNames ?? []).filter((n) => !tv.includes(n));
  return `<section>${sectionHeading('signatur')}
${droftingNotice(input)}
<table><tbody>
<tr><th>Plan</th><td>${esc(input.planName)}, ${esc(input.plan.unit.name)}, ${esc(dateNo(input.plan.period.start))}–${esc(dateNo(input.plan.period.end))}</td></tr>
<tr><th>Frist for drøfting (aml § 10-3)</th><td>${esc(dateNo(deadline))}</td></tr>
<tr><th>Drøfting</th><td>${esc(dateNo(s.droftingDate))}${tv.length ? `, med ${esc(listNo(tv))}` : ''}</td></tr>
<tr><th>Godkjent</th><td>${esc(dateNo(s.godkjentDate))}${s.godkjentNames?.length ? `, av ${esc(listNo(s.godkjentNames))}` : ''}</td></tr>
</tbody></table>
<p>Planen er drøftet med de tillitsvalgte etter arbeidsmiljøloven § 10-3. Grenser som er lempet ut over lovens hovedregel, gjelder med avtalene under «Avtaler og grenser».</p>
<div class="sign">
<div>Sted og dato<br><br>Avdelingsleder (arbeidsgiver)</div>
${(tv.length ? tv.map((n) => `${esc(n)} (tillitsvalgt)`) : ['Tillitsvalgt']).map((n) => `<div>Sted og dato<br><br>${n}</div>`).join('\n')}
${approvers.map((n) => `<div>Sted og dato<br><br>${esc(n)} (godkjent av)</div>`).join('\n')}
</div>
<footer>Laget ${esc(dateTimeNo(input.generatedAt))} av ${esc(input.generatedBy)} med Turnus.</footer>
</section>`;
}
