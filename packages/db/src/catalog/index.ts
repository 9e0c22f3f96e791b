export * from './catalog-store';
export * from './procedure-reads';
export * from './procedure-search';
export { UUID_PATTERN } from './catalog-rows';
export * from './catalog-unit';
export * from './form-templates';
