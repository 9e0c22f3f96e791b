export * from './rollup-store';
