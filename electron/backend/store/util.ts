/** Small helpers every store module uses. */

/** The timestamp written to created_at / updated_at columns. */
export const nowIso = (): string => new Date().toISOString();

/** A boolean as SQLite stores it. */
export const bool = (b: boolean | undefined): 0 | 1 => (b ? 1 : 0);
