/**
 * Digital signatures of issued documents (PAdES). The ports separate three things that production deployments
 * supply differently:
 *  - a SigningTransport holds (or reaches) the private key: a local key from the certificate store now, an HSM or
 *    a remote-signing service (SmartCA-style) later. It only ever signs the DER of the CMS signed attributes, so a
 *    remote service receives a hash-sized payload, never the document;
 *  - a TimestampAuthority (RFC 3161) turns a baseline B-B signature into B-T when the deployment has one;
 *  - the PdfSigner / PdfSignatureVerifier adapters know PDF and CMS.
 */

/** Signature algorithms a transport may use. The digest is always SHA-256. */
export type SignatureAlgorithm = 'RSASSA-PKCS1-v1_5-SHA256' | 'ECDSA-SHA256';

export interface SigningTransport {
  /** 'local-key' (the certificate store's encrypted key), 'hsm', 'remote' ... for logs and the audit trail. */
  readonly kind: string;
  readonly algorithm: SignatureAlgorithm;
  /** DER of the signer's certificate, then its issuers up to (optionally) the root. */
  readonly certificateChain: readonly Uint8Array[];
  /** Signs `data` (SHA-256 is applied by the transport, as PKCS#1 / ECDSA define). Returns the raw signature. */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export interface TimestampAuthority {
  /** RFC 3161: returns the DER of a TimeStampToken (a CMS ContentInfo) over the SHA-256 digest given. */
  timestamp(sha256Digest: Uint8Array): Promise<Uint8Array>;
}

/** What the signature dictionary says about a signature (shown by PDF readers and by our verification page). */
export interface SignatureRequest {
  /** e.g. "Phê duyệt kết quả" or "Đóng dấu cơ quan". */
  readonly reason: string;
  /** The signer's display name (the leader, or the agency for the seal). */
  readonly name: string;
  readonly location?: string;
  readonly contactInfo?: string;
  /** The claimed signing time, written as /M (B-B carries no signing-time attribute). */
  readonly signingTime: Date;
  /** The form field name; a unique one is chosen when absent. */
  readonly fieldName?: string;
}

export interface PdfSigner {
  /**
   * Appends one signature as an incremental update: the bytes of `pdf` are kept as they are, so signatures
   * already in it stay valid. With a TimestampAuthority the result is PAdES B-T, otherwise B-B.
   */
  sign(
    pdf: Uint8Array,
    request: SignatureRequest,
    transport: SigningTransport,
    timestampAuthority?: TimestampAuthority,
  ): Promise<Uint8Array>;
}

export interface CertificateSummary {
  readonly subject: string;
  /** Common name of the subject (a person or an agency seal). */
  readonly commonName: string | null;
  /** Organisation of the subject: for our certificates, the agency. */
  readonly organization: string | null;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the DER, hex. */
  readonly fingerprint: string;
}

export interface PdfSignatureCheck {
  readonly subFilter: string | null;
  /** /M of the signature dictionary, as claimed by the signer (no timestamp in B-B). */
  readonly claimedSigningTime: Date | null;
  readonly reason: string | null;
  /** Bytes covered and the CMS signature both check out. */
  readonly isIntact: boolean;
  /** The signer's certificate chains to one of the trusted roots (and was valid at verification time). */
  readonly isTrusted: boolean;
  /** The signed range runs to the end of the file: nothing was appended after this signature. */
  readonly coversWholeDocument: boolean;
  readonly hasSigningCertificateV2: boolean;
  readonly hasTimestamp: boolean;
  readonly signer: CertificateSummary | null;
  /** Why a check failed, in English, for logs and the detail view. */
  readonly problems: readonly string[];
}

export interface PdfVerification {
  /** False when the bytes are not a PDF at all. */
  readonly isPdf: boolean;
  readonly signatures: readonly PdfSignatureCheck[];
}

export interface PdfSignatureVerifier {
  /** Never throws on bad input: a broken file or signature is a verdict, not an error. */
  verify(pdf: Uint8Array, trustedRoots: readonly Uint8Array[], at?: Date): Promise<PdfVerification>;
}
