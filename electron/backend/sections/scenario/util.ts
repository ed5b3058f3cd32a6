/** Helpers of the scenario section. */
import { DomainError } from '../../errors';

/** Log lines of accepted offers start with this (counted in ScenarioSummary.acceptedOffers). */
export const OFFER_LINE = '  + ';

/** A position as «87,5 %». */
export const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toString().replace('.', ',')} %`;

/** A JSON column of a scenario; damage is reported with the scenario's name. */
export function parseJson<T>(json: string, what: string, name: string): T {
  try {
    return JSON.parse(json) as T;
  } catch {
    throw new DomainError('DB_DAMAGED', `Scenarioet «${name}» er skadet (${what} er ikke gyldig JSON).`, what);
  }
}
