/**
 * `motcua pki init-demo`: a DEMO root CA (kept in the store's trusted roots, its key sealed so that later runs
 * issue from the same root), an agency seal for the agency of each demo leader, and each demo leader's personal
 * certificate. Every subject says DEMO. Idempotent: what exists is kept. Refused in production.
 */
import { withUnitOfWork, type Database } from '@motcua/db';
import { findAgencyByCode } from '@motcua/db/organization';
import { findUserByIdentifier } from '@motcua/db/identity';
import { listSigningCandidates, listTrustedRoots, upsertTrustedRoot } from '@motcua/db/signatures';
import {
  createCertificateAuthority,
  issueSigningCertificate,
  parseCertificate,
  summariseCertificate,
  type Credential,
} from '@motcua/adapters/signatures';
import type { Clock } from '@motcua/core';
import type { AppConfig } from '../config';
import { demoOfficers } from '../identity/identity.seed';
import { signatureServices, storeCertificate } from './signature.services';
import { demoCrlUrl } from './demo-crl';

export const DEMO_ROOT_NAME = 'MotCua DEMO Root CA — KHÔNG dùng thật (not for production)';

export interface PkiDemoReport {
  rootFingerprint: string;
  rootCreated: boolean;
  issued: { agencyCode: string; purpose: 'seal' | 'personal'; commonName: string }[];
}

const YEAR = 365 * 86_400_000;
const system = { kind: 'system', name: 'cli:pki-init-demo' } as const;

async function demoRoot(deps: { db: Database; config: AppConfig }, now: Date): Promise<{ credential: Credential; created: boolean }> {
  const { vault } = signatureServices(deps);
  const existing = (await listTrustedRoots(deps.db)).find((root) => root.isDemo && root.sealedKey);
  if (existing?.sealedKey) {
    return {
      credential: { certificate: existing.certificateDer, privateKey: vault.open(existing.sealedKey, existing.fingerprint), chain: [] },
      created: false,
    };
  }
  const credential = await createCertificateAuthority({
    subject: { commonName: DEMO_ROOT_NAME, organization: 'MotCua DEMO' },
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 10 * YEAR),
  });
  const summary = summariseCertificate(parseCertificate(credential.certificate));
  await withUnitOfWork(deps.db, { actor: system, now }, async (uow) => {
    await upsertTrustedRoot(uow.tx, {
      fingerprint: summary.fingerprint,
      subject: summary.subject,
      notAfter: summary.notAfter,
      certificateDer: credential.certificate,
      isDemo: true,
      sealedKey: vault.seal(credential.privateKey, summary.fingerprint),
      addedAt: now,
    });
    uow.audit.record({ action: 'pki.trusted_root.add', targetType: 'pki_trusted_root', targetId: summary.fingerprint, summary: { subject: summary.subject, isDemo: true } });
  });
  return { credential, created: true };
}

export async function initDemoPki(deps: { db: Database; config: AppConfig; clock: Clock }): Promise<PkiDemoReport> {
  if (deps.config.signatures.production) throw new Error('pki init-demo is refused when MOTCUA_ENV=production');
  const now = deps.clock.now();
  const root = await demoRoot(deps, now);
  // Demo certificates name the DEMO root's CRL published by this server as their CRL distribution point.
  const validity = {
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 3 * YEAR),
    crlDistributionPoint: demoCrlUrl(deps.config),
  };
  const issued: PkiDemoReport['issued'] = [];
  for (const officer of demoOfficers.filter((o) => o.role === 'agency_leader')) {
    const agency = await findAgencyByCode(deps.db, officer.agencyCode);
    const user = await findUserByIdentifier(deps.db, { kind: 'email', value: officer.email });
    if (!agency || !user) continue;
    const agencyName = `${agency.name} (DEMO)`;
    if ((await listSigningCandidates(deps.db, agency.id, 'seal', null)).length === 0) {
      const seal = await issueSigningCertificate(root.credential, { subject: { commonName: agencyName, organization: agencyName }, ...validity });
      await storeCertificate(deps, { actor: system, now }, { agencyId: agency.id, purpose: 'seal', holderUserId: null, credential: seal, isDemo: true });
      issued.push({ agencyCode: agency.code, purpose: 'seal', commonName: agencyName });
    }
    if ((await listSigningCandidates(deps.db, agency.id, 'personal', user.id)).length === 0) {
      const name = `${user.displayName.replace(/\s*\(demo\)\s*$/i, '')} (DEMO)`;
      const personal = await issueSigningCertificate(root.credential, {
        subject: { commonName: name, organization: agencyName, title: 'Lãnh đạo' },
        ...validity,
      });
      await storeCertificate(deps, { actor: system, now }, { agencyId: agency.id, purpose: 'personal', holderUserId: user.id, credential: personal, isDemo: true });
      issued.push({ agencyCode: agency.code, purpose: 'personal', commonName: name });
    }
  }
  return { rootFingerprint: summariseCertificate(parseCertificate(root.credential.certificate)).fingerprint, rootCreated: root.created, issued };
}
