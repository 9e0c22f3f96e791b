export * from './problem';
export * from './platform';
export * from './organization';
export * from './identity';
export * from './calendar';
export * from './dossiers';
export * from './catalog';
export * from './catalog-admin';
