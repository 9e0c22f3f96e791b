/**
 * What the office draft editor needs beside the draft itself: the agencies an administrator may name as competent
 * agency or receiving desk (their scope, in tree order), and form templates (mẫu đơn, tờ khai) — uploaded as base64
 * (PDF, DOCX or XLSX judged by content, at most 10 MB), stored in the content store under their SHA-256, audited, and
 * downloadable by anyone at GET /api/v1/form-templates/{id}: only stored bytes named by a template row are served.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { formTemplatePath } from '@motcua/core/catalog';
import { attachmentMediaTypes, detectMediaType, safeFileName } from '@motcua/core/dossiers';
import { formatDate, localDayOf } from '@motcua/core/calendar';
import { isAgencyActiveOn } from '@motcua/core/organization';
import { problemSchema } from '@motcua/contracts';
import { adminAgenciesResponse, formTemplateParams, formTemplateResponse, formTemplateUploadBody } from '@motcua/contracts/catalog-admin';
import { withUnitOfWork } from '@motcua/db';
import { findFormTemplates, insertFormTemplate } from '@motcua/db/catalog';
import { findAgenciesByIds } from '@motcua/db/organization';
import type { AppDeps } from '../deps';
import { contentDisposition } from '../dossiers/attachments.route';
import { contextOf, requireOfficer } from '../identity/guards';

export const FORM_TEMPLATE_MAX_BYTES = 10 * 1024 * 1024;
const templateTypes: readonly string[] = [attachmentMediaTypes.pdf, attachmentMediaTypes.docx, attachmentMediaTypes.xlsx];
const tags = ['catalog administration'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 422: problemSchema };

const templateInvalid = (message: string) =>
  new DomainErrorException(domainError('CATALOG_FORM_TEMPLATE_INVALID', message, { field: 'contentBase64' }));

/** Administration routes; registered inside the catalogue administration scope (system administrators only). */
export async function catalogFormAdminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/admin/catalog/agencies',
    {
      schema: {
        tags,
        summary: 'The agencies in force today that the administrator may name as competent agency or receiving desk (their scope), in tree order',
        response: { 200: adminAgenciesResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request, ['system_administrator']);
      const today = formatDate(localDayOf(deps.clock.now().getTime()));
      const agencies = (await findAgenciesByIds(deps.db, actor.visibleAgencyIds)).filter((a) => isAgencyActiveOn(a, today));
      const ids = new Set(agencies.map((a) => a.id));
      const collator = new Intl.Collator('vi');
      const children = (parentId: string | null) =>
        agencies
          .filter((a) => (parentId === null ? !a.parentId || !ids.has(a.parentId) : a.parentId === parentId))
          .sort((a, b) => collator.compare(a.name, b.name));
      const items: z.infer<typeof adminAgenciesResponse>['items'] = [];
      const walk = (parentId: string | null, depth: number) => {
        for (const a of children(parentId)) {
          items.push({ id: a.id, code: a.code, name: a.name, kind: a.kind, level: a.level, parentId: a.parentId, depth });
          walk(a.id, depth + 1);
        }
      };
      walk(null, 0);
      return { items };
    },
  );

  api.post(
    '/admin/catalog/form-templates',
    {
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload a form template (PDF, DOCX or XLSX, judged by content, at most 10 MB) for a required document; answers the link to use',
        body: formTemplateUploadBody,
        response: { 201: formTemplateResponse, ...errors },
      },
    },
    async (request, reply) => {
      const context = contextOf(request, deps.clock);
      const bytes = new Uint8Array(Buffer.from(request.body.contentBase64, 'base64'));
      if (bytes.byteLength === 0) throw templateInvalid('The file is empty');
      if (bytes.byteLength > FORM_TEMPLATE_MAX_BYTES) throw templateInvalid(`The file is larger than ${FORM_TEMPLATE_MAX_BYTES} bytes`);
      const mediaType = detectMediaType(bytes);
      if (!mediaType || !templateTypes.includes(mediaType)) throw templateInvalid('A form template must be a PDF, DOCX or XLSX file');
      // Bytes first (idempotent, content-addressed): a failed transaction leaves at most an unreferenced file.
      const stored = await deps.contentStore.put(bytes);
      const fileName = safeFileName(request.body.fileName);
      const file = await withUnitOfWork(deps.db, context, async (uow) => {
        const row = await insertFormTemplate(uow.tx, {
          contentKey: stored.key,
          fileName,
          mediaType,
          sizeBytes: stored.sizeBytes,
          uploadedAt: context.now,
          uploadedBy: context.actor.kind === 'officer' ? context.actor.userId : null,
        });
        uow.audit.record({
          action: 'catalog.form_template.upload',
          targetType: 'procedure_form_template',
          targetId: row.id,
          summary: { fileName, mediaType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
        });
        return row;
      });
      return reply.code(201).send({
        id: file.id,
        url: formTemplatePath(file.id),
        fileName: file.fileName,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        sha256: stored.sha256,
      });
    },
  );
}

/** Public: a form template's file (forms are public documents; no personal data). */
export async function catalogFormPublicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/form-templates/:templateId',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Download a form template of a required document (mẫu đơn, tờ khai)',
        params: formTemplateParams,
        response: { 200: z.any().describe('The file, with its media type, Content-Disposition and X-Content-SHA256'), 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const [file] = await findFormTemplates(deps.db, [request.params.templateId]);
      const bytes = file ? await deps.contentStore.get(file.contentKey) : null;
      if (!file || !bytes) {
        throw new DomainErrorException(domainError('NOT_FOUND', 'No such form template', { entity: 'form template' }));
      }
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('cache-control', 'public, max-age=86400, immutable')
        .header('x-content-sha256', file.contentKey)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
