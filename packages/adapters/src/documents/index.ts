/** PDF rendering of document definitions (pdfmake + Tinos). Signing lives with the signing helper's adapter. */
export * from './pdf-renderer';
