/**
 * Attachments over HTTP: upload (multipart), reuse of a file the applicant already holds from an earlier dossier,
 * list and download. The type is judged by the content (magic bytes; DOCX/XLSX by their ZIP parts), never by the
 * name or the declared type; sizes are limited per file and per dossier (MOTCUA_ATTACHMENT_MAX_*). The bytes go to
 * the content store under their SHA-256 before the row is written: the store is idempotent and content-addressed,
 * so a refused or failed transaction leaves at most an unreferenced file, never a row without its bytes. Every read
 * is scoped like the dossier itself: out of scope answers 404, exactly like absent.
 */
import { randomUUID } from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError, type Actor } from '@motcua/core';
import {
  attachmentMediaTypes,
  checkAttachment,
  detectMediaType,
  mayAttach,
  safeFileName,
  type AttachmentMediaType,
  type AttachmentPurpose,
} from '@motcua/core/dossiers';
import {
  attachmentListResponse,
  attachmentParams,
  attachmentReuseBody,
  attachmentSchema,
  attachmentUploadFields,
  dossierIdParams,
  reusableAttachmentListResponse,
  type AttachmentDto,
} from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { withUnitOfWork, type Queryable } from '@motcua/db';
import {
  findAttachment,
  findDossier,
  findOwnAttachment,
  insertAttachment,
  listAttachments,
  listOwnAttachments,
  totalAttachmentBytes,
  type AttachmentRow,
} from '@motcua/db/dossiers';
import type { AppDeps } from '../deps';
import { contextOf } from '../identity/guards';
import { requireSignedIn } from './dossier.route';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const notFound = (what: string) => new DomainErrorException(domainError('NOT_FOUND', `No ${what}`, { entity: what }));

export function toAttachmentDto(a: AttachmentRow): AttachmentDto {
  return {
    id: a.id,
    dossierId: a.dossierId,
    purpose: a.purpose,
    requiredDocumentCode: a.requiredDocumentCode,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: Number(a.sizeBytes),
    sha256: a.sha256,
    reusedFromId: a.reusedFromId,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}

/** `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266 / 5987): Vietnamese names survive, headers stay ASCII. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const fallback = ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

interface Upload {
  readonly bytes: Buffer;
  readonly fileName: string;
  readonly fields: Record<string, string>;
}

/** Reads the multipart body: the one file part `file` and the text fields. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer();
          continue;
        }
        file = { bytes: await part.toBuffer(), fileName: part.filename };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT') {
      throw new DomainErrorException(domainError('DOSSIER_ATTACHMENT_TOO_LARGE', 'The file is larger than allowed', {}));
    }
    throw error;
  }
  if (!file || file.bytes.byteLength === 0) {
    throw new DomainErrorException(domainError('DOSSIER_ATTACHMENT_MISSING', 'Send the file in the multipart field "file"', {}));
  }
  return { ...file, fields };
}

export async function attachmentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const limits = deps.config.dossiers.attachments;
  await app.register(fastifyMultipart, {
    limits: { fileSize: limits.maxFileBytes, files: 1, fields: 5, parts: 8, fieldSize: 1000 },
  });
  const api = app.withTypeProvider<ZodTypeProvider>();
  const store = deps.contentStore;

  /** The dossier the actor may see, or 404. */
  async function visibleDossier(q: Queryable, actor: Actor, id: string, forUpdate = false) {
    const dossier = await findDossier(q, actor, id, { forUpdate });
    if (!dossier) throw notFound('dossier');
    return dossier;
  }

  /** Checks and writes one attachment row in a unit of work (the dossier row locked: totals cannot race). */
  async function attach(
    request: FastifyRequest,
    dossierId: string,
    file: Omit<AttachmentRow, 'id' | 'dossierId' | 'ownerUserId' | 'uploadedAt' | 'uploadedBy'>,
  ): Promise<AttachmentRow> {
    const context = contextOf(request, deps.clock);
    const actor = context.actor;
    return withUnitOfWork(deps.db, context, async (uow) => {
      const dossier = await visibleDossier(uow.tx, actor, dossierId, true);
      const refusal =
        mayAttach(actor, dossier, file.purpose) ??
        checkAttachment(
          { sizeBytes: file.sizeBytes, mediaType: detectedOrNull(file.mediaType) },
          limits,
          await totalAttachmentBytes(uow.tx, dossier.id),
        );
      if (refusal) throw new DomainErrorException(refusal);
      const row: AttachmentRow = {
        ...file,
        id: randomUUID(),
        dossierId: dossier.id,
        ownerUserId: dossier.ownerUserId,
        uploadedAt: context.now,
        uploadedBy: actor.kind === 'officer' || actor.kind === 'citizen' ? actor.userId : actor.kind,
      };
      await insertAttachment(uow.tx, row);
      uow.audit.record({
        action: file.reusedFromId ? 'dossier.attachment.reuse' : 'dossier.attachment.add',
        targetType: 'dossier',
        targetId: dossier.id,
        agencyId: actor.kind === 'officer' ? dossier.currentAgencyId : null,
        summary: {
          attachmentId: row.id,
          purpose: row.purpose,
          mediaType: row.mediaType,
          sizeBytes: row.sizeBytes,
          sha256: row.sha256,
          reusedFromId: row.reusedFromId,
        },
      });
      return row;
    });
  }

  api.post(
    '/dossiers/:id/attachments',
    {
      schema: {
        tags: ['dossier attachments'],
        summary: 'Upload a file to a dossier (multipart/form-data: field file, and purpose, requiredDocumentCode)',
        description:
          'purpose: document (the applicant, the desk or the agency), supplement, or result (the competent agency while processing). ' +
          'The type is judged by content: PDF, JPEG, PNG, DOCX, XLSX (415 DOSSIER_ATTACHMENT_TYPE otherwise). ' +
          'Limits: MOTCUA_ATTACHMENT_MAX_FILE_MB a file (413 DOSSIER_ATTACHMENT_TOO_LARGE), MOTCUA_ATTACHMENT_MAX_DOSSIER_MB a dossier ' +
          '(413 DOSSIER_ATTACHMENTS_TOO_LARGE). The answer carries the SHA-256 of the content.',
        consumes: ['multipart/form-data'],
        params: dossierIdParams,
        response: { 201: attachmentSchema, ...errors, 413: problemSchema, 415: problemSchema },
      },
      // The multipart parser streams the body; its own limits apply, not the JSON body limit.
      bodyLimit: limits.maxFileBytes + 64 * 1024,
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      if (!request.isMultipart()) {
        throw new DomainErrorException(domainError('DOSSIER_ATTACHMENT_MISSING', 'Send multipart/form-data with the field "file"', {}));
      }
      const upload = await readUpload(request);
      const fields = attachmentUploadFields.safeParse(upload.fields);
      if (!fields.success) {
        throw new DomainErrorException(domainError('VALIDATION_FAILED', fields.error.issues.map((i) => i.message).join('; ')));
      }
      const purpose: AttachmentPurpose = fields.data.purpose;
      // Judge before storing anything: the type, the size, who may attach here.
      const mediaType = detectMediaType(upload.bytes);
      const early =
        checkAttachment({ sizeBytes: upload.bytes.byteLength, mediaType }, { ...limits, maxDossierBytes: Number.MAX_SAFE_INTEGER }, 0) ??
        mayAttach(actor, await visibleDossier(deps.db, actor, request.params.id), purpose);
      if (early) throw new DomainErrorException(early);
      const stored = await store.put(upload.bytes);
      const row = await attach(request, request.params.id, {
        purpose,
        requiredDocumentCode: fields.data.requiredDocumentCode ?? null,
        fileName: safeFileName(upload.fileName),
        mediaType: mediaType!,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        reusedFromId: null,
      });
      reply.header('location', `/api/v1/dossiers/${row.dossierId}/attachments/${row.id}/content`);
      return reply.code(201).send(toAttachmentDto(row));
    },
  );

  api.post(
    '/dossiers/:id/attachments/reuse',
    {
      schema: {
        tags: ['dossier attachments'],
        summary: 'Attach a file the applicant already holds from an earlier dossier, without uploading it again',
        description:
          'Applicants only, to their own dossier; the source must be an attachment (document, supplement or result) of one of ' +
          'their dossiers (GET /attachments/reusable). The size counts toward the dossier limit.',
        params: dossierIdParams,
        body: attachmentReuseBody,
        response: { 201: attachmentSchema, ...errors, 413: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      if (actor.kind !== 'citizen') {
        throw new DomainErrorException(domainError('DOSSIER_ACTOR_NOT_ALLOWED', 'Only the applicant reuses their own files', {}));
      }
      const source = await findOwnAttachment(deps.db, actor.userId, request.body.sourceAttachmentId);
      if (!source || !(await store.has(source.storageKey))) throw notFound('attachment');
      const row = await attach(request, request.params.id, {
        purpose: request.body.purpose,
        requiredDocumentCode: request.body.requiredDocumentCode,
        fileName: source.fileName,
        mediaType: source.mediaType,
        sizeBytes: Number(source.sizeBytes),
        sha256: source.sha256,
        storageKey: source.storageKey,
        reusedFromId: source.reusedFromId ?? source.id,
      });
      return reply.code(201).send(toAttachmentDto(row));
    },
  );

  api.get(
    '/dossiers/:id/attachments',
    {
      schema: {
        tags: ['dossier attachments'],
        summary: 'The files of a dossier (documents, supplements, results) with their SHA-256',
        params: dossierIdParams,
        response: { 200: attachmentListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      const dossier = await visibleDossier(deps.db, actor, request.params.id);
      return { items: (await listAttachments(deps.db, dossier.id)).map(toAttachmentDto) };
    },
  );

  api.get(
    '/dossiers/:id/attachments/:attachmentId/content',
    {
      schema: {
        tags: ['dossier attachments'],
        summary: 'Download a file of a dossier (the applicant: own dossiers; officers: dossiers of their agencies)',
        params: attachmentParams,
        response: { 200: z.any().describe('The file, with its media type, Content-Disposition and X-Content-SHA256'), ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      const dossier = await visibleDossier(deps.db, actor, request.params.id);
      const attachment = await findAttachment(deps.db, dossier.id, request.params.attachmentId);
      if (!attachment) throw notFound('attachment');
      const bytes = await store.get(attachment.storageKey);
      if (!bytes) throw notFound('attachment');
      return reply
        .type(attachment.mediaType)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-sha256', attachment.sha256)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  api.get(
    '/attachments/reusable',
    {
      schema: {
        tags: ['dossier attachments'],
        summary: 'The applicant’s files from their own dossiers (documents and results), to reuse instead of uploading again',
        response: { 200: reusableAttachmentListResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      if (actor.kind !== 'citizen') return { items: [] };
      const rows = await listOwnAttachments(deps.db, actor.userId, { limit: 200 });
      return { items: rows.map((r) => ({ ...toAttachmentDto(r), dossierCode: r.dossierCode })) };
    },
  );
}

function detectedOrNull(mediaType: string): AttachmentMediaType | null {
  return (Object.values(attachmentMediaTypes) as string[]).includes(mediaType) ? (mediaType as AttachmentMediaType) : null;
}
