/**
 * API section: Pilot scenarios and the stillingsøkning assistant (issue 7).
 * Add methods to the interface and to SCENARIO_METHODS together; shared/api.ts composes
 * the sections into TurnusApi.
 */

export interface ScenarioApi {}

export const SCENARIO_METHODS = [] as const satisfies readonly (keyof ScenarioApi)[];
