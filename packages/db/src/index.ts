export * from './kernel/database';
export * from './kernel/migrate';
export * from './kernel/unit-of-work';
export * from './kernel/scope';
