/** Stable error codes of the documents module. */
export const documentErrorCodes = [
  'DOCUMENT_NOT_PDF',
  'DOCUMENT_CONTENT_MISSING',
  'DOCUMENT_ALREADY_APPROVED',
  'DOCUMENT_NOT_A_RESULT',
  'DOCUMENT_REPLACED',
] as const;
export type DocumentErrorCode = (typeof documentErrorCodes)[number];
