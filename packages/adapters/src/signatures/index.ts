/** PAdES signing and verification of PDFs (pkijs), the local-key transport, certificate helpers. */
export { createPadesSigner, signatureCapacity } from './pades-signer';
export { createPdfSignatureVerifier, isPdf, parsePdfDate, decodePdfString } from './pdf-verifier';
export { createLocalKeyTransport } from './local-key-transport';
export { PdfStructureError, preparePdfForSignature, pdfTextString, DEFAULT_SIGNATURE_CAPACITY } from './pdf-incremental';
export { parseCertificate, summariseCertificate, distinguishedName, chainsToTrustedRoot, certificateDer } from './certificates';
export { buildCadesSignature, sha256 } from './cms';
export { createCertificateAuthority, createRevocationList, issueSigningCertificate, toPem, type Credential, type CrlEntry, type SubjectName } from './demo-pki';
export { createKeyVault, parseMasterKey, type KeyVault, type SealedKey } from './key-vault';
export { readPkcs12, writePkcs12, Pkcs12Error } from './pkcs12';
export { createRfc3161Client, TimestampAuthorityError, type TimestampFailure } from './timestamp-client';
export { checkTimestampToken, parseTimestampToken } from './timestamp-token';
export { checkRevocation, crlDistributionPoints, crlReasons, type CrlReason } from './revocation';
export { createCrlSource, readCrlFile } from './crl-source';
