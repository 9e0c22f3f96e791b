/**
 * An issued document: one immutable file MotCua issued for a dossier (a form, a result), stored once in the
 * content store under its SHA-256, linked to the event that produced it. Signed versions are the signing module's.
 */
import type { AuditLog, Outbox } from '../shared/index';
import type { ContentStore } from '../storage/index';
import type { DocumentDefinition } from './document-definition';

export const issuedDocumentKinds = [
  'receipt',
  'supplement_request',
  'refusal',
  'apology_extension',
  'stop_notice',
  'control_sheet',
  'ledger',
  'result',
] as const;
export type IssuedDocumentKind = (typeof issuedDocumentKinds)[number];

export interface IssuedDocument {
  readonly id: string;
  readonly dossierId: string | null;
  readonly eventId: string | null;
  readonly kind: IssuedDocumentKind;
  readonly formSet: string | null;
  readonly formNumber: string | null;
  readonly title: string;
  readonly documentNumber: string | null;
  readonly issuingAgencyId: string;
  readonly sha256: string;
  readonly storageKey: string;
  readonly sizeBytes: number;
  readonly mediaType: string;
  readonly origin: 'rendered' | 'uploaded';
  readonly approvedAt: Date | null;
  readonly approvedBy: string | null;
  readonly replacedBy: string | null;
  readonly createdAt: Date;
  readonly createdBy: string;
}

export type NewIssuedDocument = Omit<IssuedDocument, 'replacedBy'>;

/** What a form is rendered from: the event that issued it and the names it prints. */
export interface FormSource {
  readonly dossierId: string;
  readonly eventId: string;
  readonly occurredAt: Date;
  readonly actorName: string | null;
  readonly form: { readonly kind: string; readonly set: string; readonly number: string | null; readonly title: string | null } | null;
  readonly formData: Readonly<Record<string, unknown>> | null;
  readonly issuingAgencyId: string;
  readonly issuingAgencyName: string;
  readonly issuingParentName: string | null;
  readonly competentAgencyName: string | null;
}

/** The issued-document repository as the use cases see it (inside their transaction). */
export interface IssuedDocumentStore {
  findByEvent(eventId: string, kind: IssuedDocumentKind): Promise<IssuedDocument | null>;
  loadFormSource(eventId: string): Promise<FormSource | null>;
  /**
   * Locks the number sequence of (agency, year, kind) for this transaction and answers the next number without
   * consuming it; `consumeNumber` then records it. Concurrent issuers queue on the lock.
   */
  lockNextNumber(agencyId: string, year: number, kind: IssuedDocumentKind): Promise<number>;
  consumeNumber(agencyId: string, year: number, kind: IssuedDocumentKind, number: number): Promise<void>;
  insert(document: NewIssuedDocument): Promise<IssuedDocument>;
  /** The dossier's document, locked for the transaction. */
  findForUpdate(dossierId: string, documentId: string): Promise<IssuedDocument | null>;
  approve(documentId: string, at: Date, by: string): Promise<IssuedDocument>;
  markReplaced(documentId: string, replacedBy: string): Promise<void>;
}

/** The PDF engine (adapter). */
export interface DocumentRenderer {
  render(definition: DocumentDefinition): Promise<Uint8Array>;
}

export interface DocumentUseCaseDeps {
  readonly store: IssuedDocumentStore;
  readonly renderer: DocumentRenderer;
  readonly content: ContentStore;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly ids: { newId(): string };
  readonly now: Date;
  /** Public page of a document (its QR code), by document id. */
  readonly verificationUrl: (documentId: string) => string;
  /** Place name of the date line ("Huế"). */
  readonly place: string;
  /** Symbol of the issuing desk in numbers ("…/PBS-BPTNTKQ"). */
  readonly deskSymbol: string;
}
