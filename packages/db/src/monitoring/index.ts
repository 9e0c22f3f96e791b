export * from './rollup-store';
export * from './report-queries';
export * from './monitoring-lists';
export * from './export.repository';
