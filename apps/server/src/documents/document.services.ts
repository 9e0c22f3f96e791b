/**
 * The documents module's services, built once per app: the PDF renderer, the content store, and what the forms
 * print from configuration (place, desk symbol, the public verification link of each document).
 */
import { renderPdf } from '@motcua/adapters/documents';
import type { DocumentServices } from '@motcua/db/documents';
import type { AppDeps } from '../deps';

const built = new WeakMap<AppDeps, DocumentServices>();

/** The public page a document's QR code opens (the signing module's verification page). */
export function verificationUrlOf(publicUrl: string, documentId: string): string {
  return `${publicUrl}/xac-thuc/${documentId}`;
}

export function documentServices(deps: AppDeps): DocumentServices {
  const existing = built.get(deps);
  if (existing) return existing;
  const services: DocumentServices = {
    renderer: { render: renderPdf },
    content: deps.contentStore,
    verificationUrl: (id) => verificationUrlOf(deps.config.server.publicUrl, id),
    place: deps.config.documents.place,
    deskSymbol: deps.config.documents.deskSymbol,
  };
  built.set(deps, services);
  return services;
}
