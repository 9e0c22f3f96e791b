/**
 * Issuing a document: render it, store its bytes once in the content store, record it (with its number) and audit
 * it, idempotently per (event, kind). `issueEventForm` is the handler of topic `document.render` (Forms 01–05 from
 * the form data the dossier engine recorded on the event); `issueDocument` serves the control sheet and results.
 * Concurrent runs queue on the number sequence's lock and re-read under it, so a retried job never stores two
 * documents and never consumes two numbers.
 */
import type { FormKind } from '../dossiers/index';
import { err, ok, type Result } from '../shared/index';
import type { DocumentDefinition } from './document-definition';
import { dossierFormDefinition, formNumberSymbols, isEventForm } from './dossier-forms';
import type { DocumentUseCaseDeps, IssuedDocument, IssuedDocumentKind } from './issued-document';
import { localYear } from './local-time';

export type IssueFormFailure = { readonly kind: 'no_event' } | { readonly kind: 'no_form'; readonly detail: string };

export const PDF = 'application/pdf';

export interface DocumentToIssue {
  readonly dossierId: string;
  /** The event the document belongs to: one document of each kind per event; null for result drafts. */
  readonly eventId: string | null;
  readonly kind: IssuedDocumentKind;
  readonly formSet: string | null;
  readonly formNumber: string | null;
  readonly title: string;
  readonly issuingAgencyId: string;
  /** The instant whose local year numbers the document. */
  readonly issuedAt: Date;
  readonly numbered: boolean;
  readonly createdBy: string;
  /** Lays the document out once its id and number are known (the QR code names the id). */
  readonly layout: (id: string, documentNumber: string | null) => DocumentDefinition;
}

export function documentNumberOf(kind: IssuedDocumentKind, number: number, deskSymbol: string): string {
  if (kind === 'receipt') return `${number}/${deskSymbol}`;
  if (kind === 'result') return `${number}/KQ-${deskSymbol}`;
  return `${number}/${formNumberSymbols[kind]}-${deskSymbol}`;
}

export async function issueDocument(deps: DocumentUseCaseDeps, spec: DocumentToIssue): Promise<IssuedDocument> {
  const existing = spec.eventId ? await deps.store.findByEvent(spec.eventId, spec.kind) : null;
  if (existing) return existing;
  const year = localYear(spec.issuedAt);
  const number = spec.numbered ? await deps.store.lockNextNumber(spec.issuingAgencyId, year, spec.kind) : null;
  if (number !== null && spec.eventId) {
    // Re-read under the lock: a concurrent run that held it has committed its document by now.
    const raced = await deps.store.findByEvent(spec.eventId, spec.kind);
    if (raced) return raced;
  }
  const id = deps.ids.newId();
  const documentNumber = number === null ? null : documentNumberOf(spec.kind, number, deps.deskSymbol);
  const bytes = await deps.renderer.render(spec.layout(id, documentNumber));
  const stored = await deps.content.put(bytes);
  if (number !== null) await deps.store.consumeNumber(spec.issuingAgencyId, year, spec.kind, number);
  const document = await deps.store.insert({
    id,
    dossierId: spec.dossierId,
    eventId: spec.eventId,
    kind: spec.kind,
    formSet: spec.formSet,
    formNumber: spec.formNumber,
    title: spec.title,
    documentNumber,
    issuingAgencyId: spec.issuingAgencyId,
    sha256: stored.sha256,
    storageKey: stored.key,
    sizeBytes: stored.sizeBytes,
    mediaType: PDF,
    origin: 'rendered',
    approvedAt: null,
    approvedBy: null,
    createdAt: deps.now,
    createdBy: spec.createdBy,
  });
  deps.audit.record({
    action: 'document.issue',
    targetType: 'issued_document',
    targetId: document.id,
    agencyId: spec.issuingAgencyId,
    summary: {
      dossierId: spec.dossierId,
      eventId: spec.eventId,
      kind: spec.kind,
      ...(spec.formNumber ? { form: `${spec.formSet}/${spec.formNumber}` } : {}),
      documentNumber,
      sha256: stored.sha256,
    },
  });
  return document;
}

export async function issueEventForm(deps: DocumentUseCaseDeps, eventId: string): Promise<Result<IssuedDocument, IssueFormFailure>> {
  const source = await deps.store.loadFormSource(eventId);
  if (!source) return err({ kind: 'no_event' });
  const form = source.form;
  if (!form || !form.number || !form.title || !source.formData || !isEventForm(form.kind as FormKind)) {
    return err({ kind: 'no_form', detail: `event ${eventId} issued no form drawn from its own data` });
  }
  const kind = form.kind as IssuedDocumentKind & FormKind;
  const { number: formNumber, title } = form;
  const data = source.formData;
  return ok(
    await issueDocument(deps, {
      dossierId: source.dossierId,
      eventId,
      kind,
      formSet: form.set,
      formNumber,
      title,
      issuingAgencyId: source.issuingAgencyId,
      issuedAt: source.occurredAt,
      numbered: true,
      createdBy: 'system:document.render',
      layout: (id, documentNumber) =>
        dossierFormDefinition({
          form: { kind, set: form.set, number: formNumber, title },
          data,
          issuer: { name: source.issuingAgencyName, parentName: source.issuingParentName, place: deps.place },
          competentAgencyName: source.competentAgencyName,
          documentNumber,
          issuedAt: source.occurredAt,
          verificationUrl: deps.verificationUrl(id),
          officerName: source.actorName,
        }),
    }),
  );
}
