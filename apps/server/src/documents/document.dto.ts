/** Issued documents as the API answers them. */
import type { IssuedDocument } from '@motcua/core/documents';

export function contentUrlOf(d: IssuedDocument): string {
  return `/api/v1/dossiers/${d.dossierId}/documents/${d.id}/content`;
}

export function toDocumentDto(d: IssuedDocument, isSigned?: boolean) {
  return {
    id: d.id,
    kind: d.kind,
    formSet: d.formSet,
    formNumber: d.formNumber,
    title: d.title,
    documentNumber: d.documentNumber,
    eventId: d.eventId,
    sha256: d.sha256,
    sizeBytes: d.sizeBytes,
    mediaType: d.mediaType,
    origin: d.origin,
    approvedAt: d.approvedAt ? d.approvedAt.toISOString() : null,
    replacedBy: d.replacedBy,
    createdAt: d.createdAt.toISOString(),
    contentUrl: contentUrlOf(d),
    ...(isSigned === undefined ? {} : { signedUrl: isSigned ? `/api/v1/dossiers/${d.dossierId}/documents/${d.id}/signed` : null }),
  };
}
