/**
 * Norwegian alphabetical order (æ, ø, å after z; «Avdeling 2» before «Avdeling 10»): the one
 * collator of the whole app lives in shared/plan/names.ts; the screens import it from here.
 */
export { compareNames, sameName } from '../../../shared/plan/names';
