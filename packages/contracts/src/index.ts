export * from './problem';
export * from './platform';
