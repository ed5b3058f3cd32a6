/**
 * The averaging rules' parameters as the solver terms read them, imported from shared/rules
 * (AML-AVG-48: 8 weeks × 48 h; AML-NIGHT-AVG: 4 weeks, more than 3 h night work makes a night
 * shift, 8 h per døgn over the § 10-11 (6) days). No threshold is copied here.
 */
export { AVG48_HOURS, AVG48_WEEKS, NIGHT_AVG_LIMIT_HOURS, NIGHT_AVG_SHIFT_MINUTES, NIGHT_AVG_WEEKS } from '../../../rules/index';
