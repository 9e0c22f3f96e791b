/**
 * Result documents (legal-spec §8.4): an officer of the competent agency drafts the result — rendered from a
 * template with the dossier's data, or a PDF uploaded into the content store — and the agency leader approves it;
 * an approved result is ready for signing (the signing module signs it; the issued draft is never changed). A new
 * draft replaces the previous unapproved one (replaced_by), so the history stays.
 */
import { domainError, err, ok, type Actor, type DomainError, type Result } from '../shared/index';
import type { DocumentDefinition } from './document-definition';
import { issueDocument, PDF } from './issue-event-form';
import type { DocumentUseCaseDeps, IssuedDocument } from './issued-document';

export interface ResultDraftContext {
  readonly dossierId: string;
  readonly competentAgencyId: string;
  readonly title: string;
  /** The unapproved draft this one replaces, if any. */
  readonly replaces: string | null;
  readonly createdBy: string;
}

async function replacePrevious(deps: DocumentUseCaseDeps, context: ResultDraftContext, document: IssuedDocument): Promise<Result<IssuedDocument, DomainError>> {
  if (!context.replaces) return ok(document);
  const previous = await deps.store.findForUpdate(context.dossierId, context.replaces);
  if (!previous || previous.kind !== 'result') return err(domainError('DOCUMENT_NOT_A_RESULT', 'Only a result draft of this dossier can be replaced'));
  if (previous.approvedAt) return err(domainError('DOCUMENT_ALREADY_APPROVED', 'An approved result is not replaced; it is signed'));
  if (previous.replacedBy) return err(domainError('DOCUMENT_REPLACED', 'This draft was already replaced'));
  await deps.store.markReplaced(previous.id, document.id);
  return ok({ ...document });
}

/** A result rendered from a template (the definition is laid out once the id and number are known). */
export async function draftRenderedResult(
  deps: DocumentUseCaseDeps,
  context: ResultDraftContext,
  layout: (id: string, documentNumber: string | null) => DocumentDefinition,
): Promise<Result<IssuedDocument, DomainError>> {
  const document = await issueDocument(deps, {
    dossierId: context.dossierId,
    eventId: null,
    kind: 'result',
    formSet: null,
    formNumber: null,
    title: context.title,
    issuingAgencyId: context.competentAgencyId,
    issuedAt: deps.now,
    numbered: true,
    createdBy: context.createdBy,
    layout,
  });
  return replacePrevious(deps, context, document);
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** A result uploaded as a PDF (its bytes already in the content store under `contentKey`). */
export async function draftUploadedResult(
  deps: DocumentUseCaseDeps,
  context: ResultDraftContext,
  contentKey: string,
): Promise<Result<IssuedDocument, DomainError>> {
  const bytes = await deps.content.get(contentKey);
  if (!bytes) return err(domainError('DOCUMENT_CONTENT_MISSING', 'No file is stored under this key'));
  if (!PDF_MAGIC.every((b, i) => bytes[i] === b)) return err(domainError('DOCUMENT_NOT_PDF', 'A result must be a PDF file'));
  const id = deps.ids.newId();
  const document = await deps.store.insert({
    id,
    dossierId: context.dossierId,
    eventId: null,
    kind: 'result',
    formSet: null,
    formNumber: null,
    title: context.title,
    documentNumber: null,
    issuingAgencyId: context.competentAgencyId,
    sha256: contentKey,
    storageKey: contentKey,
    sizeBytes: bytes.byteLength,
    mediaType: PDF,
    origin: 'uploaded',
    approvedAt: null,
    approvedBy: null,
    createdAt: deps.now,
    createdBy: context.createdBy,
  });
  deps.audit.record({
    action: 'document.result.upload',
    targetType: 'issued_document',
    targetId: id,
    agencyId: context.competentAgencyId,
    summary: { dossierId: context.dossierId, sha256: contentKey, replaces: context.replaces },
  });
  return replacePrevious(deps, context, document);
}

/** The leader approves a result draft: from then on it is only signed, never changed or replaced. */
export async function approveResult(
  deps: DocumentUseCaseDeps,
  actor: Actor,
  dossierId: string,
  documentId: string,
): Promise<Result<IssuedDocument, DomainError>> {
  const document = await deps.store.findForUpdate(dossierId, documentId);
  if (!document) return err(domainError('NOT_FOUND', `No document ${documentId}`, { entity: 'document' }));
  if (document.kind !== 'result') return err(domainError('DOCUMENT_NOT_A_RESULT', 'Only result documents are approved'));
  if (document.replacedBy) return err(domainError('DOCUMENT_REPLACED', 'This draft was replaced by a newer one'));
  if (document.approvedAt) return err(domainError('DOCUMENT_ALREADY_APPROVED', 'This result is already approved'));
  const by = actor.kind === 'officer' ? `officer:${actor.userId}` : actor.kind;
  const approved = await deps.store.approve(documentId, deps.now, by);
  deps.audit.record({
    action: 'document.result.approve',
    targetType: 'issued_document',
    targetId: documentId,
    agencyId: document.issuingAgencyId,
    summary: { dossierId, sha256: document.sha256 },
  });
  return ok(approved);
}
