/**
 * What each weekend group can give on its weekends against what the bemanningsplan asks for
 * there, and the balanced groups for «Fordel grupper jevnt» with the unit's own demand.
 *
 * Exported:
 * - `weekendDemandHours(plan, saturday): number` — demand hours of one weekend (Sat + Sun).
 * - `weekendGroupSummary(plan, groups?, k?) → WeekendGroupSummary` — per group: members,
 *   langvakt consenters, sykepleiere, night-exempt, hours the group can give on its weekends
 *   (members not absent that day × their weekend-day hours) vs the weekend demand, the weekend
 *   shifts the group cannot cover even with hours to spare (./weekend-cover.ts: one shift a day,
 *   daily rest, consent, night exemption, competence, cells already laid), and a Norwegian
 *   warning when a group cannot cover its weekends.
 * - `balancePlanWeekendGroups(plan, k?)` — `balanceWeekendGroups` with the plan's average
 *   weekend demand and each person's weekend hours.
 */
import { type DayNumber, formatDateNo, fromDay } from '../calendar';
import type { Employee, TurnusPlan } from '../plan/model';
import { absenceCodesOf } from '../plan/model';
import { paidHours } from '../plan/plan-index';
import { balanceWeekendGroups, groupWeekends, isSykepleier, weekendDayHours, weekendFrequencyOf } from '../plan/weekend-groups';
import { demandOn, demandTable } from '../metrics/demand';
import { formatHours, resolveAgreements } from '../rules/agreements';
import { type WeekendSlot, weekendCover, weekendSlotLabel } from './weekend-cover';

export interface WeekendGroupInfo {
  /** 0-based group; the UI shows «Gruppe group+1». */
  group: number;
  members: Employee[];
  consenters: number;
  sykepleiere: number;
  nightExempt: number;
  /** Saturdays ('yyyy-MM-dd') of the group's weekends in the period. */
  weekends: string[];
  /** Hours the members can give on the group's weekends (absence days excluded). */
  canGiveHours: number;
  /** Demand hours of the group's weekends. */
  demandHours: number;
  /** max(0, demand − can give). */
  shortfallHours: number;
  /** Weekend shifts (still open) that the group cannot cover however the plan is laid (weekend-cover.ts). */
  uncoverableShifts: number;
  uncoverableHours: number;
  /** The first few of them as «lør. 13.03 N». */
  uncoverableExamples: string[];
  warning: string | null;
}

export interface WeekendGroupSummary {
  k: number;
  groups: WeekendGroupInfo[];
  withoutGroup: Employee[];
  warnings: string[];
}

export function weekendDemandHours(plan: Pick<TurnusPlan, 'demand' | 'shiftTypes'>, saturday: DayNumber): number {
  const table = demandTable(plan.demand);
  const types = new Map(plan.shiftTypes.map((t) => [t.code, t]));
  let h = 0;
  for (const day of [saturday, saturday + 1]) {
    for (const n of demandOn(table, day)) {
      const t = types.get(n.shift);
      if (t) h += n.count * paidHours(t, day);
    }
  }
  return h;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** How many uncoverable weekend shifts a warning names. */
const EXAMPLES = 3;

/** The first few uncoverable shifts, the same shift on the same day once: «3 × lør. 27.03 L». */
function examplesOf(open: readonly WeekendSlot[]): { examples: string[]; named: number } {
  const counts = new Map<string, number>();
  for (const x of open) {
    const label = weekendSlotLabel(x);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const first = [...counts].slice(0, EXAMPLES);
  return { examples: first.map(([label, n]) => (n > 1 ? `${n} × ${label}` : label)), named: first.reduce((t, [, n]) => t + n, 0) };
}

/** «a, b og c», with «og n til» for the shifts the examples leave out. */
function listOf(examples: readonly string[], more: number): string {
  const items = more > 0 ? [...examples, `${more} til`] : [...examples];
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} og ${items[items.length - 1]}`;
}

export function weekendGroupSummary(
  plan: TurnusPlan,
  groups?: ReadonlyMap<string, number>,
  k = weekendFrequencyOf(plan),
): WeekendGroupSummary {
  const groupOf = (e: Employee) => (groups ? groups.get(e.id) : e.weekendGroup);
  const absence = new Set(absenceCodesOf(plan).map((a) => a.code));
  const absent = new Set(plan.assignments.filter((a) => absence.has(a.code)).map((a) => `${a.employee}|${a.date}`));
  const out: WeekendGroupSummary = { k, groups: [], withoutGroup: [], warnings: [] };
  const uncoverable = new Map<number, WeekendSlot[]>();
  for (const w of weekendCover(plan, { k, groupOf })) {
    const list = uncoverable.get(w.group);
    if (list) list.push(...w.uncoverable);
    else uncoverable.set(w.group, [...w.uncoverable]);
  }
  const rest = formatHours(resolveAgreements(plan).dailyRest.value);
  for (const e of plan.employees) {
    const g = groupOf(e);
    if (typeof g !== 'number' || !Number.isInteger(g) || g < 0 || g >= k) out.withoutGroup.push(e);
  }
  for (let g = 0; g < k; g++) {
    const members = plan.employees.filter((e) => groupOf(e) === g);
    const sats = groupWeekends(plan, g, k);
    let can = 0,
      need = 0;
    for (const sat of sats) {
      need += weekendDemandHours(plan, sat);
      for (const e of members) {
        const h = weekendDayHours(plan, e);
        for (const day of [sat, sat + 1]) if (!absent.has(`${e.id}|${fromDay(day)}`)) can += h;
      }
    }
    const shortfall = Math.max(0, need - can);
    const open = uncoverable.get(g) ?? [];
    const openHours = round1(open.reduce((t, x) => t + x.hours, 0));
    const ex = examplesOf(open);
    const info: WeekendGroupInfo = {
      group: g,
      members,
      consenters: members.filter((e) => e.consentsLongShifts).length,
      sykepleiere: members.filter(isSykepleier).length,
      nightExempt: members.filter((e) => e.nightExempt).length,
      weekends: sats.map(fromDay),
      canGiveHours: round1(can),
      demandHours: round1(need),
      shortfallHours: round1(shortfall),
      uncoverableShifts: open.length,
      uncoverableHours: openHours,
      uncoverableExamples: ex.examples,
      warning: null,
    };
    const parts: string[] = [];
    if (shortfall > 0.05) {
      parts.push(
        `Gruppe ${g + 1} kan gi ${formatHours(round1(can))} t på sine ${sats.length} helger, men helgene trenger ${formatHours(round1(need))} t: det mangler ${formatHours(round1(shortfall))} t.`,
      );
    }
    if (open.length > 0) {
      const n = open.length === 1 ? '1 helgevakt' : `${open.length} helgevakter`;
      const who = parts.length > 0 ? 'Gruppen kan heller ikke dekke' : `Gruppe ${g + 1} kan ikke dekke`;
      const spare = parts.length > 0 ? '' : ' selv med ledige timer';
      parts.push(
        `${who} ${n} (${formatHours(openHours)} t)${spare}: ${listOf(ex.examples, open.length - ex.named)}. Gruppen har for få som kan ta dem når hver tar én vakt per dag med ${rest} t hvile mellom vaktene (kompetanse, samtykke til langvakt, nattfritak og vakter som alt er lagt er regnet med).`,
      );
    }
    if (parts.length > 0) {
      info.warning = parts.join(' ');
    } else if (
      sats.length > 0 &&
      info.sykepleiere === 0 &&
      plan.demand.some((r) => r.competence === 'sykepleier' && (r.dayType === 'saturday' || r.dayType === 'sunday'))
    ) {
      info.warning = `Gruppe ${g + 1} har ingen sykepleier, men helgene fra ${formatDateNo(fromDay(sats[0]))} trenger sykepleier.`;
    }
    if (info.warning) out.warnings.push(info.warning);
    out.groups.push(info);
  }
  if (out.withoutGroup.length > 0) out.warnings.push(`Uten helgegruppe: ${out.withoutGroup.map((e) => e.name).join(', ')}.`);
  return out;
}

/** «Fordel grupper jevnt» with the unit's own weekend demand and each person's weekend hours. */
export function balancePlanWeekendGroups(
  plan: TurnusPlan,
  k = weekendFrequencyOf(plan),
  current?: ReadonlyMap<string, number>,
): Map<string, number> {
  const sats = Array.from({ length: k }, (_, g) => groupWeekends(plan, g, k)).flat();
  const total = sats.reduce((s, sat) => s + weekendDemandHours(plan, sat), 0);
  return balanceWeekendGroups(plan.employees, k, {
    current,
    weekendDemandHours: sats.length > 0 ? total / sats.length : 0,
    weekendHoursOf: (e) => 2 * weekendDayHours(plan, e),
  });
}
