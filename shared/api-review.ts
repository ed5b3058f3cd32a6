/**
 * API section: Plan status (utkast / til drøfting / godkjent), versions, diff, comments, change log, exports and imports (issue 8).
 * Add methods to the interface and to REVIEW_METHODS together; shared/api.ts composes
 * the sections into TurnusApi.
 */

export interface ReviewApi {}

export const REVIEW_METHODS = [] as const satisfies readonly (keyof ReviewApi)[];
