export * from './certificate.repository';
export * from './signed-document.repository';
export * from './revocation.repository';
