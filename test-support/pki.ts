/**
 * A test PKI on a test app: a root CA the app trusts, the committee's seal and (optionally) a leader's personal
 * certificate in the certificate store, and poppler's pdfsig judge trusting the same root. Close the judge after.
 */
import {
  createCertificateAuthority,
  issueSigningCertificate,
  parseCertificate,
  summariseCertificate,
  toPem,
  type Credential,
} from '@motcua/adapters/signatures';
import { upsertTrustedRoot } from '@motcua/db/signatures';
import { storeCertificate } from '../apps/server/src/signatures/signature.services';
import type { TestApp } from './app';
import { createPdfsigJudge, type PdfsigJudge } from './pdfsig';

export interface TestPki {
  ca: Credential;
  judge: PdfsigJudge;
}

export const testValidity = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2029-01-01T00:00:00Z') };

export async function installTestPki(
  t: TestApp,
  spec: {
    rootName: string;
    sealAgencyId: string;
    sealName: string;
    personal?: { userId: string; name: string };
    now: Date;
  },
): Promise<TestPki> {
  const system = { kind: 'system', name: 'test' } as const;
  const ca = await createCertificateAuthority({ subject: { commonName: spec.rootName }, ...testValidity });
  const root = summariseCertificate(parseCertificate(ca.certificate));
  await upsertTrustedRoot(t.db, {
    fingerprint: root.fingerprint,
    subject: root.subject,
    notAfter: root.notAfter,
    certificateDer: ca.certificate,
    isDemo: true,
    sealedKey: null,
    addedAt: spec.now,
  });
  const seal = await issueSigningCertificate(ca, { subject: { commonName: spec.sealName, organization: spec.sealName }, ...testValidity });
  await storeCertificate(t, { actor: system, now: spec.now }, { agencyId: spec.sealAgencyId, purpose: 'seal', holderUserId: null, credential: seal });
  if (spec.personal) {
    const personal = await issueSigningCertificate(ca, { subject: { commonName: spec.personal.name, organization: spec.sealName }, ...testValidity });
    await storeCertificate(t, { actor: system, now: spec.now }, { agencyId: spec.sealAgencyId, purpose: 'personal', holderUserId: spec.personal.userId, credential: personal });
  }
  return { ca, judge: createPdfsigJudge([{ name: spec.rootName.replace(/[^A-Za-z0-9]+/g, '-'), pem: toPem(ca.certificate) }]) };
}
