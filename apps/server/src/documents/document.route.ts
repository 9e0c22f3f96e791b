/**
 * A dossier's issued documents over HTTP: the list and the file. Whoever may see the dossier (the applicant who
 * owns it, officers of the agencies involved) may read its documents; everyone else gets the 404 of an absent
 * dossier. URLs carry only ids; the file name is ASCII, built from the form number and the dossier code.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import type { IssuedDocument } from '@motcua/core/documents';
import { documentListResponse, documentParams } from '@motcua/contracts/documents';
import { dossierIdParams } from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { findDossierDocument, listDossierDocuments, listPendingForms } from '@motcua/db/documents';
import { signedSourceIds } from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import { contentDisposition } from '../dossiers/attachments.route';
import { requireSignedIn } from '../dossiers/dossier.route';
import { sheetRoutes } from './sheet.route';
import { resultRoutes } from './result.route';
import { toDocumentDto } from './document.dto';

const errors = { 401: problemSchema, 404: problemSchema };

/** "mau-01-tt03-2025-<code>.pdf": letters, digits, dots and hyphens only (no personal data, no quoting issues). */
export function downloadFileName(d: IssuedDocument, dossierCode: string | null): string {
  const parts = [d.kind === 'result' ? 'ket-qua' : `mau-${d.formNumber ?? d.kind}`, d.formSet ?? '', dossierCode ?? d.id.slice(0, 8)];
  return `${parts.filter(Boolean).join('-').replace(/[^A-Za-z0-9.-]+/g, '-').replace(/-+/g, '-').slice(0, 120)}.pdf`;
}

const notFound = (id: string) => new DomainErrorException(domainError('NOT_FOUND', `No document ${id}`, { entity: 'document' }));

export async function documentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  await app.register(async (scope) => sheetRoutes(scope, deps));
  await app.register(async (scope) => resultRoutes(scope, deps));

  api.get(
    '/dossiers/:id/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'The documents issued for a dossier (forms, control sheets, results), oldest first, and the forms still being rendered',
        params: dossierIdParams,
        response: { 200: documentListResponse, ...errors },
      },
    },
    async (request) => {
      const documents = await listDossierDocuments(deps.db, requireSignedIn(request), request.params.id);
      if (!documents) throw new DomainErrorException(domainError('NOT_FOUND', `No dossier ${request.params.id}`, { entity: 'dossier' }));
      const signed = await signedSourceIds(deps.db, 'issued_document', documents.map((d) => d.id));
      const pendingForms = await listPendingForms(deps.db, request.params.id);
      return { items: documents.map((d) => toDocumentDto(d, signed.has(d.id))), pendingForms };
    },
  );

  api.get(
    '/dossiers/:id/documents/:documentId/content',
    {
      schema: {
        tags: ['documents'],
        summary: 'The file of an issued document (application/pdf), byte for byte as stored; ETag is its SHA-256',
        params: documentParams,
        response: { 200: z.any().describe('The PDF, with Content-Disposition, ETag and X-Content-SHA256'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      const document = await findDossierDocument(deps.db, actor, request.params.id, request.params.documentId);
      if (!document) throw notFound(request.params.documentId);
      const bytes = await deps.contentStore.get(document.storageKey);
      if (!bytes) throw new Error(`Content ${document.storageKey} of document ${document.id} is missing from the content store`);
      const [row] = await deps.db.query<{ code: string | null }>('SELECT code FROM dossier WHERE id = $1', [document.dossierId]);
      return reply
        .type(document.mediaType)
        .header('content-disposition', contentDisposition(downloadFileName(document, row?.code ?? null)))
        .header('etag', `"${document.sha256}"`)
        .header('x-content-sha256', document.sha256)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
