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
export * from './countdown';
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
export * from './dossier-store.ports';
export * from './record-transition';
export * from './reception-assignment';
export * from './new-dossier-input';
export * from './receive-at-desk';
export * from './submit-dossier-online';
export * from './conclude-at-counter';
export * from './act-on-dossier';
export * from './deliver-notice';
export * from './sweep-deadlines';
export * from './calendar-clock';
export * from './attachments';
export * from './due-time-shift';
