/**
 * @motcua/core/dossiers — the dossier lifecycle engine: states and national status codes, transitions with their
 * guards, the dossier code, forms per transition, timing rules, notices and read models. Pure: time, the legal
 * clock, the policy and ids come in the context.
 */
export * from './dossier-state';
export * from './dossier';
export * from './dossier.ports';
export * from './dossier.errors';
export * from './dossier-code';
export * from './forms';
export * from './form-data';
export * from './policy';
export * from './timing';
export * from './transition';
export { actsFor } from './guards';
export * from './reception';
export * from './supplement';
export * from './transfer';
export * from './workflow';
export * from './coordination';
export * from './financial';
export * from './extension';
export * from './closing';
export * from './commands';
export * from './notices';
export * from './read-models';
