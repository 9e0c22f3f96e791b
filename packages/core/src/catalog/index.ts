/**
 * @motcua/core/catalog — the procedure catalogue: procedures, immutable versions, cases, required documents, fees,
 * internal workflows and their budget rule, inter-agency groups, search text, import/export mapping.
 */
export * from './procedure';
export * from './catalog.errors';
export * from './catalog.ports';
export * from './time-limit';
export * from './workflow-budget';
export * from './validate-procedure';
export * from './canonical';
export * from './version-diff';
export * from './search-text';
export * from './inter-agency';
export * from './draft-edits';
export * from './publish-procedure';
export * from './manage-drafts';
export * from './import-procedure';
export * from './manage-inter-agency';
export * from './builders';
export * from './national-format';
export * from './excel-template';
export * from './excel-mapping';
export * from './national-merge';
export * from './editor-checks';
