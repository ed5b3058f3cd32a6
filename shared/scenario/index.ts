/** Pilot scenarios (issue 7): transforms, the stillingsøkning assistant and the comparison. */
export * from './transforms';
export * from './assistant';
export * from './compare';
