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
  /** The RFC 3161 signature timestamp (PAdES B-T) as checked; null when the signature carries none. */
  readonly timestamp: TimestampCheck | null;
  /** Revocation of the signer's certificate and its intermediates (not the root), signer first. */
  readonly revocation: readonly RevocationCheck[];
  readonly signer: CertificateSummary | null;
  /** Why a check failed, in English, for logs and the detail view. */
  readonly problems: readonly string[];
}

/** The signature timestamp token (id-aa-timeStampToken over the signature value). */
export interface TimestampCheck {
  /** genTime of the token: the trusted time the signature existed by. */
  readonly time: Date | null;
  /** The time-stamping authority: its certificate's subject common name (or full subject). */
  readonly tsa: string | null;
  /** The token's own signature holds and its imprint is the SHA-2 hash of this signature's value. */
  readonly isIntact: boolean;
  /** The TSA certificate is for time-stamping (critical EKU) and chains to a trusted root at genTime. */
  readonly isTrusted: boolean;
  /** isIntact and isTrusted: the time can be relied on. */
  readonly valid: boolean;
  readonly problems: readonly string[];
}

export type RevocationStatus = 'good' | 'revoked' | 'unknown';

export interface RevocationCheck {
  readonly subject: string;
  readonly serialNumber: string;
  /** good: a valid CRL of its issuer does not list it; revoked: listed; unknown: no usable CRL reached. */
  readonly status: RevocationStatus;
  readonly revokedAt: Date | null;
  /** RFC 5280 CRLReason name, e.g. keyCompromise; null when the CRL gives none. */
  readonly reason: string | null;
  /** The CRL's URL or file the answer came from. */
  readonly source: string | null;
}

/**
 * Where certificate revocation lists come from: files configured by the deployment, and the certificate's CRL
 * distribution points fetched over HTTP (with a timeout and a cache). Never throws: what cannot be reached is
 * simply not returned (the verifier then answers `unknown`).
 */
export interface RevocationListSource {
  find(distributionPoints: readonly string[]): Promise<readonly { readonly source: string; readonly der: Uint8Array }[]>;
}

export interface VerifyOptions {
  /** Check the certificates against CRLs; without it every certificate's revocation is `unknown`. */
  readonly revocation?: RevocationListSource;
}

export interface PdfVerification {
  /** False when the bytes are not a PDF at all. */
  readonly isPdf: boolean;
  readonly signatures: readonly PdfSignatureCheck[];
}

export interface PdfSignatureVerifier {
  /** Never throws on bad input: a broken file or signature is a verdict, not an error. */
  verify(pdf: Uint8Array, trustedRoots: readonly Uint8Array[], at?: Date, options?: VerifyOptions): Promise<PdfVerification>;
}
