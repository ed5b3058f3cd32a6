/**
 * The product solver's hard terms, one module per rule. Terms with a `rule` count exactly the
 * violations the rule engine reports for that rule; the others are generator policies the engine
 * reports as warnings (weekend group, weekend frequency, days in a row).
 */
import type { Term } from './env';
import { restDailyTerm, restWeeklyTerm } from './rest';
import { dayMaxTerm, longShiftConsentTerm, nightExemptTerm, weekMaxTerm } from './shifts';
import { sundayTerm } from './sunday';
import { avg48Term, nightAvgTerm } from './averaging';
import { consecutiveTerm, weekendFrequencyTerm, weekendGroupTerm } from './weekend';

export type { Term } from './env';
export { BLOCKED, EMPTY, TermEnv } from './env';

/** In this order; the first of equal counts names a candidate's reason, so the group comes first. */
export const HARD_TERMS: readonly Term[] = [
  weekendGroupTerm,
  restDailyTerm,
  restWeeklyTerm,
  dayMaxTerm,
  weekMaxTerm,
  avg48Term,
  sundayTerm,
  nightAvgTerm,
  nightExemptTerm,
  longShiftConsentTerm,
  weekendFrequencyTerm,
  consecutiveTerm,
];
