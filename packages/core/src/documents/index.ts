/**
 * @motcua/core/documents — official documents: the layouts of the one-stop forms (TT 03/2025 and TT 01/2018 sets),
 * the control sheet, the ledger and result documents, as pure document definitions; issued-document records and
 * the ports to render and store them. The PDF engine lives in @motcua/adapters/documents.
 */
export * from './document-definition';
export * from './local-time';
export * from './form-layout';
export * from './dossier-forms';
export * from './issued-document';
export * from './issue-event-form';
export * from './sheet-forms';
export * from './result-documents';
export * from './result-use-cases';
export * from './document.errors';
