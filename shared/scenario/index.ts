/** Pilot scenarios (issues 7, 18): transforms, the stillingsøkning assistant, planned raises, the ledger and the comparison. */
export * from './transforms';
export * from './assistant';
export * from './compare';
export * from './raises';
export * from './ledger';
export * from './compare-report';
