/** The documents module's HTTP face: a dossier's issued documents. */
export { documentRoutes } from './document.route';
export { documentJobHandlers } from './document.jobs';
export { readIssuedDocument, storeSignedContent, NotAnIncrementalUpdate, type IssuedDocumentContent } from './document.exports';
