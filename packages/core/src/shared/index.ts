export * from './result';
export * from './domain-error';
export * from './clock';
export * from './actor';
export * from './unit-of-work';
