/**
 * The comparison as one list of labelled figures (issue 18): the scenario screen's table and
 * bars, the PSU-ready HTML/PDF and the XLSX all read COMPARISON_METRICS, so a figure has one
 * label, one formula note and one format everywhere. Money differences are worded «Sparer X kr»
 * / «Koster X kr mer» (savingWords), never as a negative saving.
 */
import type { ScenarioComparison, ScenarioRow } from './compare';
import { savingWords } from './ledger';
import type { SplitKey } from '../metrics/ledger-split';

export type MetricKind = 'pct' | 'hours' | 'kr' | 'int' | 'num' | 'saving';

export interface ComparisonMetric {
  key: string;
  label: string;
  get(r: ScenarioRow): number;
  kind: MetricKind;
  /** Which direction is better (null: neither). */
  better: 'up' | 'down' | null;
  /** Assumption / formula and source. */
  note: string;
  /** Shown as a bar chart on the scenario screen. */
  chart?: string;
  /** Shown only when this holds for the comparison (default: always). */
  when?(c: ScenarioComparison): boolean;
}

/** One part of the ledger's split of the net (0 when the part is absent). */
const partNet = (r: ScenarioRow, key: SplitKey): number => r.ledger.split.parts.find((p) => p.key === key)?.net.period ?? 0;

const nb = (x: number, d: number) => x.toLocaleString('nb-NO', { minimumFractionDigits: d, maximumFractionDigits: d });

export function formatMetric(kind: MetricKind, x: number): string {
  switch (kind) {
    case 'pct':
      return `${nb(x * 100, 1)} %`;
    case 'hours':
      return `${nb(x, 1)} t`;
    case 'kr':
      return `kr ${nb(Math.round(x), 0)}`;
    case 'int':
      return nb(Math.round(x), 0);
    case 'num':
      return nb(x, 1);
    case 'saving':
      return savingWords(x, (v) => nb(v, 0));
  }
}

export const COMPARISON_METRICS: ComparisonMetric[] = [
  {
    key: 'heltid-a',
    label: 'Heltidsandel, avtalt',
    get: (r) => r.heltidsandel.contracted,
    kind: 'pct',
    better: 'up',
    note: 'Andel ansatte med avtalt stilling ≥ heltidsgrensen (shared/metrics heltidsandel)',
  },
  {
    key: 'heltid-r',
    label: 'Heltidsandel, det planen gir',
    get: (r) => r.heltidsandel.resulting,
    kind: 'pct',
    better: 'up',
    note: 'Samme regel på planlagte timer ÷ nettotimer ved 100 %',
    chart: 'Heltidsandel (det planen gir)',
  },
  {
    key: 'snitt-a',
    label: 'Gjennomsnittlig stilling, avtalt',
    get: (r) => r.averagePosition.contracted,
    kind: 'pct',
    better: 'up',
    note: 'Snitt av avtalte stillinger (shared/metrics averagePosition)',
  },
  {
    key: 'snitt-r',
    label: 'Gjennomsnittlig stilling, det planen gir',
    get: (r) => r.averagePosition.resulting,
    kind: 'pct',
    better: 'up',
    note: 'Snitt av planlagte timer ÷ nettotimer ved 100 %',
    chart: 'Gjennomsnittlig stilling (det planen gir)',
  },
  {
    key: 'ufrivillig',
    label: 'Ufrivillig deltid (personer)',
    get: (r) => r.involuntaryPartTime.count,
    kind: 'int',
    better: 'down',
    note: 'Ønsker større stilling enn det planen gir (shared/metrics involuntaryGap)',
  },
  {
    key: 'betalt',
    label: 'Betalte timer (stillinger)',
    get: (r) => r.ledger.paidHours.after,
    kind: 'hours',
    better: null,
    note: 'Betalt stilling × nettotimer ved 100 %',
  },
  {
    key: 'planlagt',
    label: 'Planlagte timer',
    get: (r) => r.ledger.plannedHours.after,
    kind: 'hours',
    better: null,
    note: 'Vaktene i planen',
  },
  {
    key: 'ikke-planlagt',
    label: 'Betalt, ikke planlagt',
    get: (r) => r.ledger.paidNotPlannedHours.after,
    kind: 'hours',
    better: 'down',
    note: 'max(0, måltimer − planlagte timer) per ansatt: en kostnad uten vakter',
    chart: 'Betalt, ikke planlagt (timer)',
  },
  {
    key: 'ikke-planlagt-kr',
    label: 'Betalt, ikke planlagt (kroner)',
    get: (r) => r.ledger.paidNotPlannedKroner.after,
    kind: 'kr',
    better: 'down',
    note: 'Timene over × fast timekostnad (del av de faste lønnskostnadene)',
  },
  { key: 'hoder', label: 'Personer på jobb per helg', get: (r) => r.weekendHeads, kind: 'num', better: null, note: 'Snitt over helgene' },
  {
    key: 'helgetimer',
    label: 'Helgebelastning: helgetimer per person',
    get: (r) => r.weekendHoursPerPerson,
    kind: 'hours',
    better: 'down',
    note: 'Snitt for ansatte med vakter',
    chart: 'Helgetimer per person',
  },
  { key: 'helger', label: 'Helger jobbet per person', get: (r) => r.weekendsWorkedPerPerson, kind: 'num', better: 'down', note: '' },
  {
    key: 'apne',
    label: 'Åpne vakter',
    get: (r) => r.uncoveredShifts,
    kind: 'int',
    better: 'down',
    note: 'Behov i bemanningsplanen uten person',
  },
  { key: 'udekket', label: 'Udekkede timer', get: (r) => r.uncoveredHours, kind: 'hours', better: 'down', note: 'Planlagt vikarbehov' },
  {
    key: 'vikartimer',
    label: 'Vikartimer',
    get: (r) => r.vikarHours,
    kind: 'hours',
    better: 'down',
    note: 'Udekket + forventet sykefravær',
  },
  {
    key: 'overtid',
    label: 'Herav overtid (timer)',
    get: (r) => r.ledger.overtimeHours.after,
    kind: 'hours',
    better: 'down',
    note: 'Vikartimer fordelt etter kostnadsmodellens kanalfordeling',
  },
  {
    key: 'ekstravakter',
    label: 'Herav ekstravakter (timer)',
    get: (r) => r.ledger.extraShiftHours.after,
    kind: 'hours',
    better: 'down',
    note: 'Som over',
  },
  {
    key: 'vikarkr',
    label: 'Vikarkroner',
    get: (r) => r.vikarKroner,
    kind: 'kr',
    better: 'down',
    note: 'Timer × timepris per kanal',
    chart: 'Vikarkroner i perioden',
  },
  {
    key: 'fastkr',
    label: 'Faste lønnskostnader',
    get: (r) => r.fixedSalaryKroner,
    kind: 'kr',
    better: 'down',
    note: 'Betalte stillinger × årsverkskostnad × periodens andel av året',
  },
  {
    key: 'netto',
    label: 'Netto mot første, i perioden',
    get: (r) => r.netSaving,
    kind: 'saving',
    better: 'up',
    note: 'Vikarkroner spart − økte faste lønnskostnader',
  },
  {
    key: 'netto-halvar',
    label: 'Netto mot første, per halvår',
    get: (r) => r.ledger.net.halfYear,
    kind: 'saving',
    better: 'up',
    note: 'Perioden skalert til 182,5 dager',
  },
  {
    key: 'netto-ar',
    label: 'Netto mot første, per år',
    get: (r) => r.ledger.net.year,
    kind: 'saving',
    better: 'up',
    note: 'Perioden skalert til 365 dager',
    chart: 'Netto per år mot første',
  },
  {
    key: 'netto-okning',
    label: 'Herav stillingsøkningen alene, i perioden',
    get: (r) => partNet(r, 'raise'),
    kind: 'saving',
    better: 'up',
    note: 'Økt fast lønn for dem som fikk endret stilling − vikartimene de økte planlagte timene erstatter (shared/metrics ledgerSplit)',
  },
  {
    key: 'netto-andre',
    label: 'Herav omplanlegging av de andre, i perioden',
    get: (r) => partNet(r, 'others'),
    kind: 'saving',
    better: null,
    note: 'Timer over avtalt fjernet eller lagt til for de andre, og resten av endringen i vikartimer: kommer av omplanleggingen, ikke av stillingsøkningen',
  },
  {
    key: 'netto-bemanning',
    label: 'Herav endret bemanning, i perioden',
    get: (r) => partNet(r, 'staff'),
    kind: 'saving',
    better: null,
    note: 'Ansatte lagt til eller tatt bort i scenarioet',
    when: (c) => c.rows.some((r) => r.ledger.split.parts.some((p) => p.key === 'staff')),
  },
  {
    key: 'feil',
    label: 'Regelbrudd (feil)',
    get: (r) => r.ruleHits.error,
    kind: 'int',
    better: 'down',
    note: 'Arbeidsmiljøloven og avtaler',
  },
  { key: 'advarsler', label: 'Regelbrudd (advarsler)', get: (r) => r.ruleHits.warning, kind: 'int', better: 'down', note: '' },
];

/** The metrics this comparison shows (the screen, the PSU HTML/PDF and the XLSX use the same list). */
export function comparisonMetrics(c: ScenarioComparison): ComparisonMetric[] {
  return COMPARISON_METRICS.filter((m) => !m.when || m.when(c));
}

/** The rows of the table: metrics, then the target profile (Asker 2030: heltid 80–100 %, 90 % i heltid, snitt 90 %). */
export function comparisonTable(c: ScenarioComparison): { key: string; label: string; values: string[]; note: string }[] {
  const out = comparisonMetrics(c).map((m) => ({
    key: m.key,
    label: m.label,
    note: m.note,
    values: c.rows.map((r, i) => (m.kind === 'saving' && i === 0 ? 'referanse' : formatMetric(m.kind, m.get(r)))),
  }));
  c.rows[0].target.metrics.forEach((tm, j) => {
    out.push({
      key: 'mal-' + tm.metric,
      label: `Mål: ${tm.label} (${c.profile.name}${tm.target !== null ? `, mål ${formatMetric('pct', tm.target)}` : ''})`,
      values: c.rows.map((r) => {
        const x = r.target.metrics[j];
        return (
          formatMetric('pct', x.value) +
          (x.target !== null ? (x.value >= x.target - 1e-9 ? ' (nådd)' : ` (${formatMetric('pct', x.target - x.value)} igjen)`) : '')
        );
      }),
      note: `Heltid = stilling ≥ ${formatMetric('pct', c.profile.heltidThreshold)}; betalt stilling (den største av avtalt og det planen gir)`,
    });
  });
  out.push({
    key: 'tillegg',
    label: 'Tillegg: beregnes når satsene er lagt inn',
    values: c.rows.map(() => '–'),
    note: 'Ubekvemstillegg fra vakttidene er ikke med ennå (KS HTA kap. 1 § 5)',
  });
  return out;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** Horizontal SVG bars for one metric (the same shapes as the screen). */
function svgBars(title: string, names: string[], values: number[], labels: string[]): string {
  const max = Math.max(...values.map(Math.abs), 1e-9);
  const h = 22 * names.length + 8;
  const bars = names
    .map((n, i) => {
      const w = Math.round((Math.abs(values[i]) / max) * 260);
      const y = 4 + i * 22;
      return `<text x="0" y="${y + 14}" font-size="11">${esc(n.slice(0, 28))}</text><rect x="170" y="${y + 3}" width="${w}" height="14" fill="${values[i] < 0 ? '#b45309' : i === 0 ? '#9ca3af' : '#2563eb'}"/><text x="${176 + w}" y="${y + 14}" font-size="11">${esc(labels[i])}</text>`;
    })
    .join('');
  return `<figure><figcaption><b>${esc(title)}</b></figcaption><svg width="600" height="${h}" role="img" aria-label="${esc(title)}">${bars}</svg></figure>`;
}

/** The comparison as a self-contained HTML document for PSU (printed to PDF by the backend). */
export function comparisonHtml(c: ScenarioComparison, unitName: string, madeOn: string): string {
  const table = comparisonTable(c);
  const head = `<tr><th>Nøkkeltall</th>${c.rows.map((r) => `<th>${esc(r.name)}</th>`).join('')}<th>Forutsetning og kilde</th></tr>`;
  const body = table
    .map(
      (t) =>
        `<tr><td>${esc(t.label)}</td>${t.values.map((v) => `<td class="num">${esc(v)}</td>`).join('')}<td class="note">${esc(t.note)}</td></tr>`,
    )
    .join('');
  const charts = comparisonMetrics(c)
    .filter((m) => m.chart)
    .map((m) =>
      svgBars(
        m.chart!,
        c.rows.map((r) => r.name),
        c.rows.map((r) => m.get(r)),
        c.rows.map((r, i) => (m.kind === 'saving' && i === 0 ? 'referanse' : formatMetric(m.kind, m.get(r)))),
      ),
    )
    .join('');
  const notes = c.rows[1]?.ledger.notes ?? [];
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Scenarioer for ${esc(unitName)}</title>
<style>@page{size:A4 landscape;margin:12mm}body{font-family:system-ui,sans-serif;font-size:11px;color:#111}h1{font-size:18px}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}.num{text-align:right;white-space:nowrap}.note{color:#555;font-size:10px}figure{display:inline-block;margin:6px 12px 6px 0}</style></head>
<body><h1>Sammenligning av scenarioer – ${esc(unitName)}</h1>
<p>Til partssammensatt utvalg (PSU). Laget ${esc(madeOn)}. Første kolonne er referansen; «Sparer»/«Koster … mer» er mot den. Målprofil: ${esc(c.profile.name)} (${c.year}).</p>
<table>${head}${body}</table>
<h2>Hva nettoen består av</h2><ul>${c.rows
    .slice(1)
    .map(
      (r) =>
        `<li><b>${esc(r.name)}</b>: ${esc(r.ledger.split.headline)}${r.ledger.split.warning ? ` <i>${esc(r.ledger.split.warning)}</i>` : ''}</li>`,
    )
    .join('')}</ul>
<h2>Diagrammer</h2>${charts}
<h2>Forutsetninger</h2><ul>${notes.map((n) => `<li>${esc(n)}</li>`).join('')}<li>Tillegg fra vakttidene er ikke regnet med før satsene er lagt inn.</li></ul>
</body></html>`;
}
