/**
 * `turnus helgekalkulator --weekend-ratio R --shift-hours H --frequency K
 *  [--vacation-share A] [--weekly-hours T] [--target-position P] [--weekday-hours D] [--json]`
 * (plan-format.md «The command line», domain.md § 6.3). Bad arguments → a Norwegian message
 * naming the flag, exit 2.
 */

import { helgekalkulator, type HelgekalkulatorResult } from '../../shared/metrics/helgekalkulator';
import { type CliIo, EXIT_INVALID, EXIT_OK, parseCommandLine, printJson } from '../io';

export const summary =
  'Helgekalkulator: største mulige gjennomsnittsstilling for en helgebemanning (turnusmatematikk, se docs/metrics.md).';

export const usage = `Bruk: turnus helgekalkulator --weekend-ratio R --shift-hours H --frequency K
                            [--vacation-share A] [--weekly-hours T]
                            [--target-position P] [--weekday-hours D] [--json]

Regner ut hvor stor gjennomsnittlig stilling avdelingen kan gi når helgene skal
dekkes med vakter på H timer hver K-te helg.

Valg:
  --weekend-ratio R    behovstimer på en helgedag ÷ behovstimer på en hverdag (f.eks. 1 eller 0,75)
  --shift-hours H      betalte timer per vakt hver helgedag en ansatt jobber (7,5 eller 12,5)
  --frequency K        hver K-te helg (3 eller 4)
  --vacation-share A   andel helger tapt til ferie (standard 0; 5/52 ≈ 0,096)
  --weekly-hours T     ukentlig arbeidstid ved 100 % (standard 35,5)
  --target-position P  mål for gjennomsnittlig stilling (standard 0,9)
  --weekday-hours D    behovstimer på én hverdag (gir antall hoder og årsverk)
  --json               skriv resultatet som JSON
  -h, --help           vis denne hjelpen

Eksempel: 7,5 t hver 3. helg med lik bemanning alle dager (R = 1) gir 49,3 %;
12,5 t hver 4. helg gir 61,6 %.`;

const FLAGS = {
  'weekend-ratio': { key: 'weekendRatio', required: true },
  'shift-hours': { key: 'shiftHours', required: true },
  frequency: { key: 'frequency', required: true },
  'vacation-share': { key: 'vacationShare', required: false },
  'weekly-hours': { key: 'weeklyHours', required: false },
  'target-position': { key: 'targetPosition', required: false },
  'weekday-hours': { key: 'weekdayDemandHours', required: false },
} as const;

type FlagName = keyof typeof FLAGS;

/** Accepts «0.75» and «0,75». */
function parseNumber(s: string): number {
  const t = s.trim().replace(',', '.');
  return /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

const nb = (x: number, digits = 1) => x.toLocaleString('nb-NO', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const pct = (x: number) => `${nb(x * 100)} %`;

export function formatHelgekalkulator(r: HelgekalkulatorResult): string {
  const i = r.inputs;
  const lines = [
    `Helgekalkulator: ${nb(i.shiftHours, 2)} t hver ${i.frequency}. helg, helgeandel R = ${nb(i.weekendRatio, 2)}, ` +
      `ferieandel a = ${nb(i.vacationShare, 3)}, T = ${nb(i.weeklyHours, 1)} t`,
    '',
    `Største gjennomsnittlige stilling:  ${pct(r.maxAveragePosition)}`,
    `Helgens andel av ukens behovstimer: ${pct(r.weekendShare)}`,
    `Helgetimer per ansatt per uke:       ${nb(r.weekendHoursPerHeadWeek, 2)} t`,
    `Hoder per person på vakt i helgen:   ${nb(r.headsPerWeekendPost, 2)}`,
    '',
    `For et gjennomsnitt på ${pct(r.targetPosition)}:`,
    `  hver ansatt må jobbe minst hver ${nb(r.frequencyForTarget, 2)}. helg (k ≤ ${nb(r.frequencyForTarget, 2)})`,
    `  helgens andel av behovstimene må være høyst ${pct(r.maxWeekendShareForTarget)} (R ≤ ${Number.isFinite(r.maxWeekendRatioForTarget) ? nb(r.maxWeekendRatioForTarget, 2) : '∞'})`,
  ];
  if (r.absolute) {
    lines.push(
      '',
      `Med ${nb(i.weekdayDemandHours ?? 0, 1)} behovstimer per hverdag: ${nb(r.absolute.headsNeeded, 1)} hoder for helgene, ${nb(r.absolute.fteNeeded, 2)} årsverk i behov`,
    );
  }
  lines.push('', 'Helgerytme   største snittstilling   hoder per helgepost');
  for (const x of r.rhythms)
    lines.push(`  hver ${x.frequency}.    ${pct(x.maxAveragePosition).padStart(10)}              ${nb(x.headsPerWeekendPost, 2)}`);
  lines.push('', 'Modell [INFERENS]: p̄ = h_helg (1 − a) H_tot / (k T H_helg), der H_helg / H_tot = 2R / (5 + 2R).');
  return lines.join('\n');
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  };
  for (const f of Object.keys(FLAGS)) options[f] = { type: 'string' };
  const args = parseCommandLine(argv, options, usage, io);
  if (typeof args === 'number') return args;
  const json = args.values.json === true;
  const fail = (flag: string, message: string) => {
    const text = `--${flag}: ${message}`;
    if (json) printJson(io, { errors: [{ field: `--${flag}`, message }] });
    io.stderr(`${text}\n\n${usage}`);
    return EXIT_INVALID;
  };
  if (args.positionals.length > 0) return fail(Object.keys(FLAGS)[0], `uventet argument «${args.positionals[0]}» (bruk valgene)`);
  const input: Record<string, number> = {};
  for (const [flag, spec] of Object.entries(FLAGS) as [FlagName, (typeof FLAGS)[FlagName]][]) {
    const raw = args.values[flag];
    if (raw === undefined) {
      if (spec.required) return fail(flag, 'mangler (påkrevd)');
      continue;
    }
    const v = parseNumber(String(raw));
    if (!Number.isFinite(v)) return fail(flag, `«${raw}» er ikke et tall`);
    input[spec.key] = v;
  }
  let result: HelgekalkulatorResult;
  try {
    result = helgekalkulator(input as unknown as Parameters<typeof helgekalkulator>[0]);
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    const key = m.split(':')[0];
    const flag = (Object.keys(FLAGS) as FlagName[]).find((f) => FLAGS[f].key === key) ?? key;
    return fail(flag, m.slice(key.length + 2));
  }
  if (json) printJson(io, result);
  else io.stdout(formatHelgekalkulator(result));
  return EXIT_OK;
}
