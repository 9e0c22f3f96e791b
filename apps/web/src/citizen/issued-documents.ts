/**
 * The issued documents of a dossier as the citizen's page lists them. A dossier can hold several Forms 01 (Giấy
 * tiếp nhận hồ sơ và hẹn trả kết quả): the reception's, one re-issued with a new appointment when a supplement
 * after reception restarts the time limit, one when a boundary-free dossier reaches the competent agency. Each is
 * a real document; the list says on which occasion each was issued and that an earlier one was replaced by a later.
 */
export type ReceiptOccasion = 'reception' | 'supplement' | 'transfer';

interface ListedDocument {
  readonly id: string;
  readonly kind: string;
  readonly eventId: string | null;
  readonly createdAt: string;
  readonly replacedBy: string | null;
}

interface ListedEvent {
  readonly id: string;
  readonly kind: string;
  readonly at: string;
}

export interface DescribedDocument<D extends ListedDocument> {
  readonly document: D;
  /** For a Form 01: the event that issued it; null for other documents. */
  readonly occasion: ReceiptOccasion | null;
  readonly occasionAt: string | null;
  /** A Form 01 that a later one replaces (its appointment no longer holds). */
  readonly replaced: boolean;
}

const occasions: Readonly<Record<string, ReceiptOccasion>> = { receive: 'reception', provide_supplement: 'supplement', transfer: 'transfer' };

export function describeIssuedDocuments<D extends ListedDocument>(documents: readonly D[], events: readonly ListedEvent[]): DescribedDocument<D>[] {
  const shown = documents.filter((d) => !d.replacedBy);
  const receipts = shown.filter((d) => d.kind === 'receipt');
  const latestReceipt = receipts.reduce<D | null>((latest, d) => (!latest || d.createdAt > latest.createdAt ? d : latest), null);
  return shown.map((document) => {
    const event = document.kind === 'receipt' ? events.find((e) => e.id === document.eventId) : undefined;
    return {
      document,
      occasion: event ? (occasions[event.kind] ?? null) : null,
      occasionAt: event?.at ?? null,
      replaced: document.kind === 'receipt' && receipts.length > 1 && document !== latestReceipt,
    };
  });
}
