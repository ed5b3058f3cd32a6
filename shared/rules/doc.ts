/**
 * `rulesMarkdown()`: docs/rules.md generated from the catalogue, so the document always says
 * what the engine does (a unit test compares the committed file with this text; regenerate with
 * `npm run build:node && node scripts/gen-rules-doc.mjs`).
 */

import { CONTRACT_RULE_IDS, RULES } from './index';

const SEVERITY_NO = { error: 'feil', warning: 'advarsel', info: 'info' } as const;

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function rulesMarkdown(): string {
  const contract = new Set<string>(CONTRACT_RULE_IDS);
  const out: string[] = [];
  out.push('# Regelkatalog (regelmotoren, issue 3)', '');
  out.push(
    'Generert fra `shared/rules/` med `node scripts/gen-rules-doc.mjs` (etter `npm run build:node`). Ikke rediger for hånd: en enhetstest sammenligner filen med katalogen.',
    '',
  );
  out.push(
    'Hvert brudd har formen `{ rule, employee, date, severity, message, source }`. `source` er paragrafen eller avtalen som faktisk ble brukt (for eksempel `aml § 10-8 (3)` når planen har en avtale om redusert hvile). Alvorlighet: **feil** = brudd på loven uten registrert avtale, **advarsel** = brudd på tariff, praksis eller avdelingens egne mål. `turnus check` avslutter med kode 1 når minst ett brudd er en feil.',
    '',
  );
  out.push('Regler merket **K** er kontraktens regel-id-er fra plan-format.md; de må alltid finnes og beholde sin betydning.', '');
  out.push(
    '**Absolutte regler** (kolonnen «absolutt»): alle regler med alvorlighet feil, pluss LONG-SHIFT-CONSENT. Langvakt uten samtykke er en advarsel fordi kravet kommer fra praksis og fagforeningene, ikke lovteksten (domain.md §0 og §2.4), men produktet lover at langvakter alltid er frivillige. Generatoren og appen bruker derfor `HARD_RULE_IDS` / `isHardViolation(v)` fra `shared/engine.ts`: generatoren lager aldri et absolutt brudd, og appen viser dem som absolutte. Alvorligheten (og dermed avslutningskoden til `turnus check`) er uendret.',
    '',
  );
  out.push('| id | K | tittel | kilde | alvorlighet | absolutt |', '|---|---|---|---|---|---|');
  for (const r of RULES)
    out.push(
      `| \`${r.id}\` | ${contract.has(r.id) ? 'K' : ''} | ${cell(r.title)} | ${cell(r.source)} | ${SEVERITY_NO[r.severity]} | ${r.severity === 'error' || r.hard ? 'ja' : ''} |`,
    );
  out.push('');
  for (const r of RULES) {
    out.push(`## ${r.id}: ${r.title}`, '');
    out.push(`- Kilde: ${r.source}`);
    out.push(`- Alvorlighet: ${SEVERITY_NO[r.severity]}${r.hard && r.severity !== 'error' ? ' (absolutt for generatoren og appen)' : ''}`);
    out.push(`- Sjekker: ${r.description}`);
    if (r.parameters.length) {
      out.push('- Parametere:');
      for (const p of r.parameters)
        out.push(`  - \`${p.name}\` (standard: ${p.default === null ? 'ikke satt' : String(p.default)}): ${p.description}`);
    }
    out.push('');
  }
  out.push('## Avtaler og hva loven tillater', '');
  out.push(
    'Verdiene i `rules.agreements` tolkes slik (domain.md §2.1). Verdier under lovens gulv blir avvist av planfilleseren; regelmotoren klemmer dem uansett til gulvet og sier fra i meldingen.',
    '',
  );
  out.push('| parameter | verdi | hjemmel som siteres |', '|---|---|---|');
  out.push('| `dailyRestMinHours` | ≥ 11 | aml § 10-8 (1) |');
  out.push(
    '| `dailyRestMinHours` | 8 til under 11 | avtale med tillitsvalgte, aml § 10-8 (3); gir også kompenserende hvile (AML-REST-COMP) |',
  );
  out.push('| `weeklyRestMinHours` | ≥ 35 | aml § 10-8 (2) |');
  out.push('| `weeklyRestMinHours` | 28 til under 35 | avtale med tillitsvalgte, aml § 10-8 (3) |');
  out.push('| `maxShiftHours` | ≤ 9 | aml § 10-4 (1) |');
  out.push('| `maxShiftHours` | over 9 til 10 | skriftlig avtale med den ansatte, aml § 10-5 (1) |');
  out.push('| `maxShiftHours` | over 10 til 12,5 | avtale med tillitsvalgte, aml § 10-5 (2) |');
  out.push('| `maxShiftHours` | over 12,5 | avtale godkjent av fagforbundet sentralt, aml § 10-12 (4) |');
  out.push('| `maxWeekHours` | ≤ 40 | aml § 10-4 (1) |');
  out.push('| `maxWeekHours` | over 40 til 50 | gjennomsnittsberegning etter skriftlig avtale, aml § 10-5 (1) |');
  out.push('| `maxWeekHours` | over 50 til 54 | gjennomsnittsberegning etter avtale med tillitsvalgte, aml § 10-5 (2) |');
  out.push('| `maxWeekHours` | over 54 | avtale godkjent av fagforbundet sentralt, aml § 10-12 (4) |');
  out.push('| `sundayAveragingWeeks` | 0 | streng veksling, aml § 10-8 (4) |');
  out.push('| `sundayAveragingWeeks` | 1–26 | gjennomsnittsberegning etter skriftlig avtale, aml § 10-8 (4) |');
  out.push('');
  out.push('## Definisjoner som reglene bygger på', '');
  out.push(
    '- Vakter er reelle tidsintervaller i Europe/Oslo; en nattvakt over omleggingen til/fra sommertid er én time kortere/lengre. Betalte timer = varighet − `unpaidBreakMinutes`.',
  );
  out.push(
    '- Delt vakt: to vakter etter hverandre med kort pause som hører til samme hovedarbeidsperiode (aml § 10-8 (1); domain.md §2.3 punkt 1, f.eks. 4 t + 5 t). Vilkårene står under AML-REST-DAILY. Delt vakt er valgfri oppførsel og er av med mindre planen har `rules.splitShiftMaxBreakHours` (over 0); et valgfritt felt skal alltid ha «av» som standard (plan-format.md «Defaults and edge cases»). Planfil v1 har én rad per ansatt og dato, så to deler på samme dato legges inn som én vakttype med `unpaidBreakMinutes` (pausen er da aldri hvile).',
  );
  out.push('- Natt = 21:00–06:00 (aml § 10-11 (1)). En vakt helt innenfor 06:00–24:00 regnes ikke som nattarbeid.');
  out.push(
    '- Helg = lørdag 00:00 – mandag 00:00; en helg er arbeidet når en vakt overlapper den med mer enn én time. Bare helger der både lørdag og søndag ligger i perioden telles.',
  );
  out.push(
    '- Søn-/helgedagsvinduer (aml § 10-10 (1), plan-format.md «Red-day windows»; `shared/plan/zones.ts`): vinduet slutter kl. 22 på den røde dagen og begynner kl. 22 dagen før når den dagen selv er rød (en kjede av røde dager er ett sammenhengende vindu, delt kl. 22 hver dag); ellers kl. 15 på jul-, påske- og pinseaften; ellers kl. 22 dagen før 1. og 17. mai på mandag–lørdag (lov 26.04.1947 nr. 1 § 2); ellers kl. 18 dagen før. En rød dag er arbeidet når en vakt overlapper vinduet (AML-SUNDAY, AML-SUNDAY-4W, rapportens tall for røde dager og S-timene i tredelt-beregningen). En lørdagsvakt til 22:30 er altså søndagsarbeid, en nattvakt som begynner søndag 22:15 er det ikke.\n- Klokkeslett i hullet når sommertiden begynner (02:00–03:00 siste søndag i mars) leses med forskyvningen før omleggingen: 02:30 = 01:30 UTC (= 03:30 sommertid), som PEP 495 (fold 0), ECMAScript og RFC 5545.',
  );
  out.push(
    '- Vakter utenfor perioden: planfilleseren godtar dem, men gir en advarsel per rad («assignments[i].date: … ligger utenfor perioden …»). De teller aldri i planlagte timer, dekning eller rapport (plan-format.md teller bare vakter datert i perioden; unntak: en helg i perioden som en slik vakt overlapper med mer enn én time, er arbeidet), men hvilereglene ser dem ved periodens kanter, slik at en plan kan ha med de siste vaktene fra forrige plan. Et brudd meldes bare når det gjelder minst én vakt datert i perioden; et brudd som bare består av vakter fra forrige eller neste plan, hører til den planen. Vi valgte advarsel fremfor feil fordi slike filer ellers ikke kunne leses, og appens planimport allerede hopper over radene med egen advarsel.',
  );
  out.push(
    '- Inkrementell kontroll: hver regel oppgir hvor mange dager rundt en endret dato dens brudd kan endre seg («rekkevidde»); regler som ser på hele perioden (WEEKEND-FREQUENCY, HOVEDFERIE, AML-SUNDAY med gjennomsnittsavtale) kjøres for hele den ansattes plan. En egenskapstest viser at inkrementell og full kontroll alltid gir samme liste.',
  );
  out.push('');
  return out.join('\n');
}
