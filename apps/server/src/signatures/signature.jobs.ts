/**
 * Signing as background work (outbox topic `document.sign`, enqueued by the dossier engine when a result is
 * recorded — the leader's approval — and by the periodic pickup of issued documents waiting for a signature):
 * the signer's personal certificate first when they have one, then the agency seal, each an incremental update.
 * The unsigned original stays where it was; the signed file goes to the content store; both hashes are recorded in
 * `signed_document`. Idempotent: a source already signed is skipped, so retries and duplicate messages are harmless.
 */
import { randomUUID } from 'node:crypto';
import { dossierTopics } from '@motcua/core/dossiers';
import { chooseSigningCertificate, type CertificatePurpose, type StoredCertificate } from '@motcua/core/signatures';
import { isPdf, PdfStructureError, TimestampAuthorityError } from '@motcua/adapters/signatures';
import { withUnitOfWork, type Database } from '@motcua/db';
import { findAttachment, findDossier } from '@motcua/db/dossiers';
import { findIssuedDocument, findIssuedDocumentByEvent, listDossierDocuments } from '@motcua/db/documents';
import {
  agencyLineage,
  findSignedSource,
  insertSignedDocument,
  listSigningCandidates,
  listUnsignedIssuedDocuments,
  markReplaced,
  type SignedDocumentRow,
  type SignerEntry,
} from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import { PermanentJobError, type JobHandler, type PeriodicTask } from '../jobs/job-runner';
import { signatureServices } from './signature.services';
import { certificateExpiryTask } from './certificate-expiry';
import type { AppConfig } from '../config';
import type { JobLogger } from '../jobs/job-runner';

const system = { kind: 'system', name: 'document.sign' } as const;

export interface SigningSource {
  readonly kind: SignedDocumentRow['sourceKind'];
  readonly id: string;
  readonly dossierId: string | null;
  readonly eventId: string | null;
  /** The agency whose seal signs (its nearest ancestor with a seal when it has none). */
  readonly agencyId: string;
  readonly title: string | null;
  readonly contentKey: string;
  /** The officer who approved it: signs first with their personal certificate when they have one. */
  readonly approverUserId: string | null;
}

/** The certificate that would sign now for this agency lineage (the signing-status route asks it too). */
export async function certificateFor(
  db: Database,
  lineage: readonly string[],
  purpose: CertificatePurpose,
  holderUserId: string | null,
  now: Date,
): Promise<StoredCertificate | null> {
  for (const agencyId of lineage) {
    const candidates = await listSigningCandidates(db, agencyId, purpose, holderUserId);
    const chosen = chooseSigningCertificate(candidates, { agencyId, purpose, holderUserId }, now);
    if (chosen) return chosen;
  }
  return null;
}

/** Signs one source; answers the signed_document id, or null when there is nothing to sign (not a PDF). */
export async function signSource(deps: AppDeps, db: Database, now: Date, source: SigningSource): Promise<string | null> {
  const already = await findSignedSource(db, source.kind, source.id);
  if (already) return already.id;
  const original = await deps.contentStore.get(source.contentKey);
  if (!original) throw new PermanentJobError(`The content of ${source.kind} ${source.id} is missing from the store`);
  if (!isPdf(original)) return null;

  const services = signatureServices(deps);
  const lineage = await agencyLineage(db, source.agencyId);
  const personal = source.approverUserId ? await certificateFor(db, lineage, 'personal', source.approverUserId, now) : null;
  const seal = await certificateFor(db, lineage, 'seal', null, now);
  // Retried with back-off: an administrator may import the missing certificate meanwhile.
  if (!seal && !personal) throw new Error(`No valid signing certificate for agency ${source.agencyId}`);

  let pdf = original;
  const signers: SignerEntry[] = [];
  const place = deps.config.documents.place;
  try {
    for (const [certificate, reason] of [
      [personal, 'Phê duyệt'],
      [seal, 'Đóng dấu cơ quan'],
    ] as const) {
      if (!certificate) continue;
      pdf = await services.signer.sign(
        pdf,
        { name: certificate.commonName ?? certificate.subject, reason, location: place, signingTime: now },
        await services.transportFor(certificate.id),
        services.timestampAuthority ?? undefined,
      );
      signers.push({ certificateId: certificate.id, purpose: certificate.purpose, commonName: certificate.commonName, fingerprint: certificate.fingerprint });
    }
  } catch (error) {
    if (error instanceof TimestampAuthorityError) {
      // B-T is configured: nothing is stored or marked signed without the timestamp; the job retries with back-off.
      await withUnitOfWork(db, { actor: system, now }, async (uow) => {
        uow.audit.record({
          action: 'document.sign_timestamp_failed',
          targetType: source.kind,
          targetId: source.id,
          agencyId: source.agencyId,
          summary: { reason: error.reason, message: error.message },
        });
      });
      throw error;
    }
    if (!(error instanceof PdfStructureError)) throw error;
    // A file that says PDF but cannot be read as one: retrying will not help; the audit trail says why.
    await withUnitOfWork(db, { actor: system, now }, async (uow) => {
      uow.audit.record({ action: 'document.sign_skipped', targetType: source.kind, targetId: source.id, agencyId: source.agencyId, summary: { reason: error.message } });
    });
    return null;
  }
  const stored = await deps.contentStore.put(pdf);
  const originalHash = (await deps.contentStore.put(original)).sha256; // already there: answers its hash

  return withUnitOfWork(db, { actor: system, now }, async (uow) => {
    const row = await insertSignedDocument(uow.tx, {
      id: randomUUID(),
      sourceKind: source.kind,
      sourceId: source.id,
      dossierId: source.dossierId,
      agencyId: source.agencyId,
      eventId: source.eventId,
      title: source.title,
      unsignedSha256: originalHash,
      signedSha256: stored.sha256,
      signedSizeBytes: stored.sizeBytes,
      signers,
      signedAt: now,
    });
    if (row.created) {
      if (source.kind === 'result_attachment' && source.dossierId) {
        await markReplaced(uow.tx, { dossierId: source.dossierId, sourceKind: source.kind, exceptEventId: source.eventId, byId: row.id, at: now });
      }
      uow.audit.record({
        action: 'document.sign',
        targetType: source.kind,
        targetId: source.id,
        agencyId: source.agencyId,
        summary: { signedDocumentId: row.id, unsignedSha256: originalHash, signedSha256: stored.sha256, signers: signers.map((s) => s.commonName) },
      });
    }
    return row.id;
  });
}

async function issuedDocumentSource(db: Database, id: string): Promise<SigningSource | null> {
  const document = await findIssuedDocument(db, id);
  if (!document) return null;
  // The documents module records the approver as `officer:<user id>` (result-use-cases.ts approveResult).
  const approvedBy = document.approvedBy?.replace(/^officer:/, '') ?? null;
  const approver = approvedBy && /^[0-9a-f-]{36}$/i.test(approvedBy) ? approvedBy : null;
  return {
    kind: 'issued_document',
    id: document.id,
    dossierId: document.dossierId,
    eventId: document.eventId,
    agencyId: document.issuingAgencyId,
    title: document.title,
    contentKey: document.storageKey,
    approverUserId: approver,
  };
}

export function signatureJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  return {
    [dossierTopics.signResult]: async (payload, context) => {
      const now = context.clock.now();
      if (typeof payload.issuedDocumentId === 'string') {
        const source = await issuedDocumentSource(context.db, payload.issuedDocumentId);
        if (!source) throw new PermanentJobError(`No issued document ${payload.issuedDocumentId}`);
        await signSource(deps, context.db, now, source);
        return;
      }
      // A recorded result (the leader's approval): its attachments and its rendered result document, if any.
      const dossierId = String(payload.dossierId ?? '');
      const eventId = typeof payload.eventId === 'string' ? payload.eventId : null;
      const dossier = await findDossier(context.db, system, dossierId);
      if (!dossier) throw new PermanentJobError(`No dossier ${dossierId}`);
      const approver = dossier.result?.recordedById ?? null;
      const attachmentIds = Array.isArray(payload.attachmentIds) ? payload.attachmentIds.map(String) : [];
      // A file that is a result document's content is signed as that document (on approval), never again as a
      // loose file: one signed version per content, and a replaced draft's file is not the result.
      const documents = attachmentIds.length > 0 ? ((await listDossierDocuments(context.db, system, dossier.id)) ?? []) : [];
      const documentContent = new Set(documents.filter((d) => d.kind === 'result').map((d) => d.sha256));
      for (const attachmentId of attachmentIds) {
        const attachment = await findAttachment(context.db, dossier.id, attachmentId);
        if (!attachment || documentContent.has(attachment.sha256)) continue;
        await signSource(deps, context.db, now, {
          kind: 'result_attachment',
          id: attachment.id,
          dossierId: dossier.id,
          eventId,
          agencyId: dossier.competentAgencyId,
          title: attachment.fileName,
          contentKey: attachment.storageKey,
          approverUserId: approver,
        });
      }
      const rendered = eventId ? await findIssuedDocumentByEvent(context.db, eventId, 'result') : null;
      if (rendered) {
        const source = await issuedDocumentSource(context.db, rendered.id);
        if (source) await signSource(deps, context.db, now, { ...source, approverUserId: source.approverUserId ?? approver });
      }
    },
  };
}

/** Picks up issued documents waiting for a signature and enqueues `document.sign` for each (deduplicated). */
export async function enqueuePendingSignatures(db: Database, now: Date, limit = 50): Promise<number> {
  const ids = await listUnsignedIssuedDocuments(db, limit);
  if (ids.length === 0) return 0;
  await withUnitOfWork(db, { actor: { kind: 'system', name: 'signature-pickup' }, now }, async (uow) => {
    for (const id of ids) {
      uow.outbox.enqueue({ topic: dossierTopics.signResult, payload: { issuedDocumentId: id }, dedupeKey: `sign-issued:${id}` });
    }
  });
  return ids.length;
}

export function signaturePeriodicTasks(config?: AppConfig, logger?: JobLogger): PeriodicTask[] {
  return [
    { name: 'signature-pickup', everySeconds: 15, run: ({ db, clock }) => enqueuePendingSignatures(db, clock.now()).then(() => undefined) },
    ...(config ? [certificateExpiryTask(config.signatures.expiryWarningDays, logger)] : []),
  ];
}
