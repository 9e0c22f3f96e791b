export * from './dossier-load';
export * from './dossier-save';
export * from './dossier-store';
export * from './use-case';
export * from './dossier-queries';
export * from './idempotency';
export * from './legal-clocks';
export * from './attachments.repository';
