/**
 * The cost model for vikar savings, domain.md § 7 (all numbers [KONFIG] unless tagged).
 *
 *   C_year_FTE  = L·salaryPaidFactor·(1+aga) + L·pension·(1+aga) + tillegg·(1+fp)(1+aga)
 *   c_fast_prod = C_year_FTE / (Netto_100 · (1 − sick))          cost per productive hour
 *   c_vikar     = (L/(52T))·(1+fp)(1+aga) [+ (L/(52T))·pension·(1+aga)] + ub
 *   c_ot(s)     = (L/1850)·(1+s)·(1+fp)(1+aga) + ub               s ∈ {0.5, 1, 4/3}
 *   c_byra      = byraHourly  or  byraMultiplier · (C_year_FTE / Netto_100)
 *
 * Public entry point: the parameters, their sources and the plan's `costs` overrides
 * (cost-model.ts), the § 7.2 unit costs above (unit-costs.ts) and the vikar ledger
 * (vikar-ledger.ts).
 */
export * from './cost-model';
export * from './unit-costs';
export * from './vikar-ledger';
export * from './ledger-split';
export * from './raise-credit';
