/**
 * @motcua/core/monitoring — one definition per figure: a dossier's facts folded from its events, its contribution
 * to the day rollups, the period figures and the Biểu II.06a columns, report periods, live pending categories.
 */
export * from './facts';
export * from './rollup';
export * from './figures';
export * from './period';
export * from './live';
export * from './monitoring.errors';
export * from './report';
export * from './ii07b';
export * from './report-documents';
