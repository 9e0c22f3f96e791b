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
  // Order and "latest" go by the issuing event, not by when the file was rendered: the job runner may render the
  // reception's and the re-issued Form 01 in one run, in either order.
  const eventOf = (d: D) => (d.eventId ? events.find((e) => e.id === d.eventId) : undefined);
  const issuedAt = (d: D) => eventOf(d)?.at ?? d.createdAt;
  const shown = documents
    .filter((d) => !d.replacedBy)
    .map((d, index) => ({ d, index, at: issuedAt(d) }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index))
    .map((x) => x.d);
  const receipts = shown.filter((d) => d.kind === 'receipt');
  const latestReceipt = receipts.at(-1) ?? null;
  return shown.map((document) => {
    const event = document.kind === 'receipt' ? eventOf(document) : undefined;
    return {
      document,
      occasion: event ? (occasions[event.kind] ?? null) : null,
      occasionAt: event?.at ?? null,
      replaced: document.kind === 'receipt' && receipts.length > 1 && document !== latestReceipt,
    };
  });
}
