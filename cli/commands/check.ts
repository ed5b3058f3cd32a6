/**
 * `turnus check FILE [--json]` (plan-format.md «The command line»): validates the plan file and
 * runs the rule engine. Exit 0 when no violation has severity error, 1 when one has, 2 when the
 * file is invalid (the message names the field). Human output is Norwegian, grouped by employee.
 */

import { formatDateNo } from '../../shared/calendar';
import { checkPlan } from '../../shared/rules/engine';
import type { Violation } from '../../shared/rules/types';
import type { TurnusPlan } from '../../shared/plan/model';
import { type CliIo, EXIT_FOUND, EXIT_OK, printJson, readSinglePlanCommand } from '../io';

export const summary = 'Kontrollerer en turnusplan mot arbeidsmiljøloven og avdelingens regler.';

export const usage = `Bruk: turnus check FIL [--json]

Leser planfilen FIL (.turnus.json, planfil versjon 1) og kontrollerer den mot
arbeidsmiljøloven og avdelingens avtaler (hvile, lengste vakt, timer per uke,
søn- og helgedager, langvakt, helgefrekvens m.m.).

Valg:
  --json     skriv resultatet som JSON: { "violations": [ … ] }
  -h, --help vis denne hjelpen

Avslutningskode: 0 = ingen feil (bare advarsler eller ingenting),
1 = planen har brudd med alvorlighet «feil», 2 = filen er ugyldig.`;

const SEVERITY_LABEL: Record<Violation['severity'], string> = { error: 'FEIL', warning: 'ADVARSEL', info: 'INFO' };

export function formatHuman(plan: TurnusPlan, violations: Violation[]): string {
  const lines: string[] = [];
  lines.push(`Turnusplan: ${plan.unit.name} (${formatDateNo(plan.period.start, false)}–${formatDateNo(plan.period.end, false)})`);
  const byEmployee = new Map<string, Violation[]>();
  for (const v of violations) byEmployee.set(v.employee, [...(byEmployee.get(v.employee) ?? []), v]);
  if (violations.length === 0) {
    lines.push('', 'Ingen brudd på reglene.');
  }
  for (const e of plan.employees) {
    const list = byEmployee.get(e.id);
    if (!list) continue;
    const n = (s: Violation['severity']) => list.filter((v) => v.severity === s).length;
    const parts = [
      n('error') && `${n('error')} feil`,
      n('warning') && `${n('warning')} ${n('warning') === 1 ? 'advarsel' : 'advarsler'}`,
      n('info') && `${n('info')} merknad${n('info') === 1 ? '' : 'er'}`,
    ].filter(Boolean);
    lines.push('', `${e.name} (${e.id}): ${parts.join(', ')}`);
    for (const v of list) {
      lines.push(`  ${SEVERITY_LABEL[v.severity].padEnd(8)} ${v.date ? formatDateNo(v.date) : '(hele perioden)'.padEnd(15)}  ${v.rule}`);
      lines.push(`           ${v.message}`);
    }
  }
  const total = (s: Violation['severity']) => violations.filter((v) => v.severity === s).length;
  lines.push('', `Sammendrag: ${total('error')} feil, ${total('warning')} advarsler, ${total('info')} merknader.`);
  return lines.join('\n');
}

export async function run(argv: string[], io: CliIo): Promise<number> {
  const started = await readSinglePlanCommand(argv, io, 'check', usage);
  if (typeof started === 'number') return started;
  const { plan, json } = started;
  const violations = checkPlan(plan);
  if (json) {
    printJson(io, {
      violations: violations.map((v) => ({
        rule: v.rule,
        employee: v.employee,
        date: v.date,
        severity: v.severity,
        message: v.message,
        source: v.source,
      })),
    });
  } else {
    io.stdout(formatHuman(plan, violations));
  }
  return violations.some((v) => v.severity === 'error') ? EXIT_FOUND : EXIT_OK;
}
