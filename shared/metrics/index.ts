/**
 * The metrics layer in one import (docs/metrics.md): bemanningsplan, coverage, positions,
 * weekends, helgekalkulator, economics and the vikar ledger, target profiles.
 */
export * from './assumptions';
export * from './demand';
export * from './coverage';
export * from './coverage-views';
export * from './positions';
export * from './weekends';
export * from './helgekalkulator';
export * from './economics';
export * from './targets';
export * from './red-days';
export * from './tillegg';
