/**
 * The signed file of an issued document, for whoever may see its dossier (the same scope and 404 as the unsigned
 * file at /dossiers/:id/documents/:documentId/content). 404 while the document is not signed yet.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { documentParams } from '@motcua/contracts/documents';
import { problemSchema } from '@motcua/contracts';
import { findDossierDocument } from '@motcua/db/documents';
import { findSignedVersion } from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import { contentDisposition } from '../dossiers/attachments.route';
import { requireSignedIn } from '../dossiers/dossier.route';
import { downloadFileName } from '../documents/document.route';

export async function signedDownloadRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/dossiers/:id/documents/:documentId/signed',
    {
      schema: {
        tags: ['signatures'],
        summary: 'The digitally signed file of an issued document (application/pdf); ETag is its SHA-256',
        params: documentParams,
        response: { 200: z.any().describe('The signed PDF, with Content-Disposition, ETag and X-Content-SHA256'), 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      const document = await findDossierDocument(deps.db, actor, request.params.id, request.params.documentId);
      const signed = document ? await findSignedVersion(deps.db, 'issued_document', document.id) : null;
      if (!document || !signed) {
        throw new DomainErrorException(domainError('NOT_FOUND', `No signed document ${request.params.documentId}`, { entity: 'document' }));
      }
      const bytes = await deps.contentStore.get(signed.signedSha256);
      if (!bytes) throw new Error(`Signed content ${signed.signedSha256} of document ${document.id} is missing from the content store`);
      const [row] = await deps.db.query<{ code: string | null }>('SELECT code FROM dossier WHERE id = $1', [document.dossierId]);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(downloadFileName(document, row?.code ?? null).replace(/\.pdf$/, '-da-ky-so.pdf')))
        .header('etag', `"${signed.signedSha256}"`)
        .header('x-content-sha256', signed.signedSha256)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
