export * from './certificate.repository';
export * from './signed-document.repository';
