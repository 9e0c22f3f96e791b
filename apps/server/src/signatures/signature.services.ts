/**
 * The signatures module wired to the deployment: the key vault under the master key, the PAdES signer and
 * verifier, the trusted roots (configured files + the store's roots), signing transports for stored certificates,
 * and the certificate store's use cases (import, deactivate), each audited in its transaction.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { DomainErrorException, type Actor, type OfficerActor } from '@motcua/core';
import {
  signatureError,
  type CertificatePurpose,
  type PdfSignatureVerifier,
  type PdfSigner,
  type RevocationListSource,
  type TimestampAuthority,
  type SigningTransport,
  type StoredCertificate,
} from '@motcua/core/signatures';
import {
  createCrlSource,
  createKeyVault,
  createLocalKeyTransport,
  createRfc3161Client,
  createPadesSigner,
  createPdfSignatureVerifier,
  parseCertificate,
  parseMasterKey,
  Pkcs12Error,
  readPkcs12,
  summariseCertificate,
  type Credential,
  type KeyVault,
} from '@motcua/adapters/signatures';
import { withUnitOfWork, type Database } from '@motcua/db';
import { expandScope } from '@motcua/db/organization';
import {
  deactivateCertificate,
  findCertificate,
  findSigningMaterial,
  holdsGrantAt,
  insertCertificate,
  listTrustedRoots,
} from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import { DEMO_PKI_MASTER_KEY, type SignatureConfig } from './signature.config';

export interface SignatureServices {
  readonly signer: PdfSigner;
  readonly verifier: PdfSignatureVerifier;
  /** The configured RFC 3161 TSA (PAdES B-T), or null (B-B). */
  readonly timestampAuthority: TimestampAuthority | null;
  /** CRLs for the verification: configured files and (unless disabled) distribution points over HTTP. */
  readonly revocationSource: RevocationListSource;
  /** True when private keys are sealed with the published DEMO master key. */
  readonly usesDemoMasterKey: boolean;
  readonly vault: KeyVault;
  /** DER of every root a signature may chain to: configured files, then the store's (DEMO ones outside production). */
  trustedRoots(): Promise<Uint8Array[]>;
  /** A transport that signs with a stored certificate's key. */
  transportFor(certificateId: string): Promise<SigningTransport>;
}

const cache = new WeakMap<Database, SignatureServices>();

/** PEM blocks of a file → DER. */
export function readPemCertificates(text: string): Uint8Array[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((match) =>
    Uint8Array.from(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64')),
  );
}

function configuredRoots(config: SignatureConfig): Uint8Array[] {
  const roots: Uint8Array[] = [];
  for (const file of config.trustedRootFiles) {
    const found = readPemCertificates(readFileSync(file, 'utf8'));
    if (found.length === 0) throw new Error(`MOTCUA_PKI_TRUSTED_ROOTS: no PEM certificate in ${file}`);
    for (const der of found) parseCertificate(der); // a broken file stops start-up, not a verification later
    roots.push(...found);
  }
  return roots;
}

export function vaultOf(config: SignatureConfig): { vault: KeyVault; usesDemoMasterKey: boolean } {
  if (!config.masterKey && config.production) {
    throw new DomainErrorException(signatureError('SIGNING_NOT_CONFIGURED', 'MOTCUA_PKI_MASTER_KEY is required in production'));
  }
  const key = parseMasterKey(config.masterKey ?? DEMO_PKI_MASTER_KEY);
  if (!key) throw new Error('MOTCUA_PKI_MASTER_KEY is not 32 bytes');
  return { vault: createKeyVault(key), usesDemoMasterKey: !config.masterKey };
}

export function signatureServices(deps: Pick<AppDeps, 'db' | 'config'>): SignatureServices {
  const cached = cache.get(deps.db);
  if (cached) return cached;
  const config = deps.config.signatures;
  const { vault, usesDemoMasterKey } = vaultOf(config);
  const fileRoots = configuredRoots(config);
  const services: SignatureServices = {
    signer: createPadesSigner(),
    verifier: createPdfSignatureVerifier(),
    timestampAuthority: config.tsaUrl ? createRfc3161Client({ url: config.tsaUrl }) : null,
    revocationSource: createCrlSource({ files: config.crlFiles, fetchDistributionPoints: config.fetchCrls }),
    usesDemoMasterKey,
    vault,
    async trustedRoots() {
      const stored = await listTrustedRoots(deps.db);
      return [...fileRoots, ...stored.filter((root) => !root.isDemo || !config.production).map((root) => root.certificateDer)];
    },
    async transportFor(certificateId) {
      const material = await findSigningMaterial(deps.db, certificateId);
      if (!material?.sealedKey) {
        throw new DomainErrorException(signatureError('SIGNING_CERTIFICATE_MISSING', `No usable key for certificate ${certificateId}`));
      }
      const privateKey = vault.open(material.sealedKey, material.fingerprint);
      return createLocalKeyTransport({ privateKey, certificateChain: [material.certificateDer, ...material.chainDer] });
    },
  };
  cache.set(deps.db, services);
  return services;
}

const fail = (code: Parameters<typeof signatureError>[0], message: string, details?: Record<string, unknown>) =>
  new DomainErrorException(signatureError(code, message, details));

/** Agencies whose certificates the officer administers: the agencies of their system_administrator grants. */
export async function administeredAgencyIds(db: Database, actor: OfficerActor): Promise<string[]> {
  return expandScope(db, actor.grants.filter((grant) => grant.role === 'system_administrator'));
}

export interface ImportCertificateInput {
  readonly agencyId: string;
  readonly purpose: CertificatePurpose;
  readonly holderUserId: string | null;
  readonly credential: Credential;
  readonly isDemo?: boolean;
}

/** Seals the key and stores the certificate, audited. Used by the admin API (after reading the PKCS#12) and the demo. */
export async function storeCertificate(
  deps: Pick<AppDeps, 'db' | 'config'>,
  context: { actor: Actor; now: Date; requestId?: string | null },
  input: ImportCertificateInput,
): Promise<StoredCertificate> {
  const summary = summariseCertificate(parseCertificate(input.credential.certificate));
  if (summary.notAfter.getTime() <= context.now.getTime() || summary.notBefore.getTime() > context.now.getTime()) {
    throw fail('SIGNING_CERTIFICATE_EXPIRED', 'The certificate is not valid now', {
      notBefore: summary.notBefore.toISOString(),
      notAfter: summary.notAfter.toISOString(),
    });
  }
  if (input.purpose === 'personal') {
    if (!input.holderUserId || !(await holdsGrantAt(deps.db, input.holderUserId, input.agencyId))) {
      throw new DomainErrorException({
        code: 'VALIDATION_FAILED',
        message: 'A personal certificate needs holderUserId: an officer with a role at the agency',
        details: { field: 'holderUserId' },
      });
    }
  }
  const { vault } = signatureServices(deps);
  const stored: StoredCertificate = {
    ...summary,
    id: randomUUID(),
    agencyId: input.agencyId,
    purpose: input.purpose,
    holderUserId: input.purpose === 'personal' ? input.holderUserId : null,
    transport: 'local-key',
    isDemo: input.isDemo ?? false,
    isActive: true,
    importedAt: context.now,
  };
  return withUnitOfWork(deps.db, context, async (uow) => {
    const inserted = await insertCertificate(uow.tx, {
      ...stored,
      certificateDer: input.credential.certificate,
      chainDer: input.credential.chain,
      sealedKey: vault.seal(input.credential.privateKey, summary.fingerprint),
      importedBy: context.actor.kind === 'officer' ? context.actor.userId : context.actor.kind === 'system' ? context.actor.name : null,
    });
    if (!inserted) throw fail('SIGNING_CERTIFICATE_DUPLICATE', 'This certificate is already in the store', { fingerprint: summary.fingerprint });
    uow.audit.record({
      action: 'signing_certificate.import',
      targetType: 'signing_certificate',
      targetId: stored.id,
      agencyId: stored.agencyId,
      summary: {
        purpose: stored.purpose,
        holderUserId: stored.holderUserId,
        subject: stored.subject,
        fingerprint: stored.fingerprint,
        notAfter: stored.notAfter.toISOString(),
        isDemo: stored.isDemo,
      },
    });
    return stored;
  });
}

export function readCredential(pkcs12: Uint8Array, password: string): Credential {
  try {
    return readPkcs12(pkcs12, password);
  } catch (error) {
    if (error instanceof Pkcs12Error) {
      throw fail(error.reason === 'no-key' ? 'SIGNING_CERTIFICATE_NO_KEY' : 'SIGNING_CERTIFICATE_UNREADABLE', error.message);
    }
    throw error;
  }
}

export async function deactivateStoredCertificate(
  deps: Pick<AppDeps, 'db'>,
  context: { actor: OfficerActor; now: Date; requestId?: string | null },
  input: { id: string; reason: string; administered: readonly string[] },
): Promise<StoredCertificate> {
  const scope = { kind: 'agencies', agencyIds: input.administered } as const;
  return withUnitOfWork(deps.db, context, async (uow) => {
    const certificate = await findCertificate(uow.tx, scope, input.id);
    if (!certificate) throw fail('SIGNING_CERTIFICATE_NOT_FOUND', `No certificate ${input.id}`);
    if (!(await deactivateCertificate(uow.tx, certificate.id, { at: context.now, by: context.actor.userId, reason: input.reason }))) {
      throw fail('SIGNING_CERTIFICATE_ALREADY_INACTIVE', 'The certificate is already deactivated');
    }
    uow.audit.record({
      action: 'signing_certificate.deactivate',
      targetType: 'signing_certificate',
      targetId: certificate.id,
      agencyId: certificate.agencyId,
      summary: { reason: input.reason, fingerprint: certificate.fingerprint },
    });
    return { ...certificate, isActive: false };
  });
}

