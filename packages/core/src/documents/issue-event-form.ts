/**
 * Renders and stores the form an event issued (topic `document.render`): Forms 01–05 from the form data the
 * dossier engine recorded on the event. Idempotent: a document of the same kind already stored for the event is
 * answered as it is; concurrent runs queue on the number sequence's lock, so a retried job never stores two and
 * never consumes two numbers.
 */
import type { FormKind } from '../dossiers/index';
import { err, ok, type Result } from '../shared/index';
import { dossierFormDefinition, formNumberSymbols, isEventForm } from './dossier-forms';
import type { DocumentUseCaseDeps, IssuedDocument, IssuedDocumentKind } from './issued-document';
import { localYear } from './local-time';

export type IssueFormFailure = { readonly kind: 'no_event' } | { readonly kind: 'no_form'; readonly detail: string };

export const PDF = 'application/pdf';

export async function issueEventForm(deps: DocumentUseCaseDeps, eventId: string): Promise<Result<IssuedDocument, IssueFormFailure>> {
  const source = await deps.store.loadFormSource(eventId);
  if (!source) return err({ kind: 'no_event' });
  const form = source.form;
  if (!form || !form.number || !form.title || !source.formData || !isEventForm(form.kind as FormKind)) {
    return err({ kind: 'no_form', detail: `event ${eventId} issued no form drawn from its own data` });
  }
  const kind = form.kind as IssuedDocumentKind & FormKind;
  const existing = await deps.store.findByEvent(eventId, kind);
  if (existing) return ok(existing);
  const year = localYear(source.occurredAt);
  const number = await deps.store.lockNextNumber(source.issuingAgencyId, year, kind);
  // Re-read under the lock: a concurrent run that held it has committed its document by now.
  const raced = await deps.store.findByEvent(eventId, kind);
  if (raced) return ok(raced);
  const id = deps.ids.newId();
  const symbol = formNumberSymbols[kind];
  const documentNumber = kind === 'receipt' ? `${number}/${deps.deskSymbol}` : `${number}/${symbol}-${deps.deskSymbol}`;
  const definition = dossierFormDefinition({
    form: { kind, set: form.set, number: form.number, title: form.title },
    data: source.formData,
    issuer: { name: source.issuingAgencyName, parentName: source.issuingParentName, place: deps.place },
    competentAgencyName: source.competentAgencyName,
    documentNumber,
    issuedAt: source.occurredAt,
    verificationUrl: deps.verificationUrl(id),
    officerName: source.actorName,
  });
  const bytes = await deps.renderer.render(definition);
  const stored = await deps.content.put(bytes);
  await deps.store.consumeNumber(source.issuingAgencyId, year, kind, number);
  const document = await deps.store.insert({
    id,
    dossierId: source.dossierId,
    eventId,
    kind,
    formSet: form.set,
    formNumber: form.number,
    title: form.title,
    documentNumber,
    issuingAgencyId: source.issuingAgencyId,
    sha256: stored.sha256,
    storageKey: stored.key,
    sizeBytes: stored.sizeBytes,
    mediaType: PDF,
    origin: 'rendered',
    approvedAt: null,
    approvedBy: null,
    createdAt: deps.now,
    createdBy: 'system:document.render',
  });
  deps.audit.record({
    action: 'document.issue',
    targetType: 'issued_document',
    targetId: document.id,
    agencyId: source.issuingAgencyId,
    summary: { dossierId: source.dossierId, eventId, form: `${form.set}/${form.number}`, documentNumber, sha256: stored.sha256 },
  });
  return ok(document);
}
