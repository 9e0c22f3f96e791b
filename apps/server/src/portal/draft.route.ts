/**
 * Drafts of online submissions, kept on the server so that a citizen resumes on any device (citizens only; each
 * sees only their own):
 *   GET    /portal/drafts?procedureCode=&caseCode=   — the citizen's drafts, last saved first
 *   POST   /portal/drafts                            — open a draft for a procedure case in effect today
 *   GET    /portal/drafts/:id                        — one draft with its content
 *   PUT    /portal/drafts/:id                        — save its content under the row version read (409 STALE_VERSION)
 *   DELETE /portal/drafts/:id                        — discard it
 * The content is kept as the page sends it (at most MAX_CONTENT_BYTES); it is checked at submission.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { catalogErrors, legalDateOf } from '@motcua/core/catalog';
import { problemSchema } from '@motcua/contracts';
import { createDraftBody, draftSchema, draftsQuery, draftsResponse, idParams, saveDraftBody, type Draft } from '@motcua/contracts/portal';
import { scopeOf, withUnitOfWork } from '@motcua/db';
import { findEffectiveVersion } from '@motcua/db/catalog';
import { createDraft, deleteDraft, findDraft, listDrafts, saveDraft, type PortalDraft } from '@motcua/db/portal';
import type { AppDeps } from '../deps';
import { contextOf, requireCitizen } from '../identity/guards';
import { notFound, staleVersion } from './portal-errors';

const tags = ['portal'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema };
export const MAX_CONTENT_BYTES = 64 * 1024;

const summaryDto = (d: PortalDraft) => ({
  id: d.id,
  procedureCode: d.procedureCode,
  procedureName: d.procedureName,
  caseCode: d.caseCode,
  caseName: d.caseName,
  step: d.step,
  rowVersion: d.rowVersion,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});
const draftDto = (d: PortalDraft): Draft => ({ ...summaryDto(d), content: d.content as Draft['content'] });

function checkSize(content: unknown): void {
  if (Buffer.byteLength(JSON.stringify(content)) > MAX_CONTENT_BYTES) {
    throw new DomainErrorException(domainError('VALIDATION_FAILED', `A draft holds at most ${MAX_CONTENT_BYTES / 1024} KB of form values; attach files instead of pasting them`, { field: 'content' }));
  }
}

export async function draftRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/portal/drafts',
    { schema: { tags, summary: 'The citizen’s drafts, last saved first', querystring: draftsQuery, response: { 200: draftsResponse, ...errors } } },
    async (request) => {
      const actor = requireCitizen(request);
      return { items: (await listDrafts(deps.db, scopeOf(actor), request.query)).map(summaryDto) };
    },
  );

  api.post(
    '/portal/drafts',
    { schema: { tags, summary: 'Open a draft for a procedure case in effect today', body: createDraftBody, response: { 201: draftSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const { procedureCode, caseCode, content } = request.body;
      checkSize(content);
      const version = await findEffectiveVersion(deps.db, procedureCode, legalDateOf(deps.clock.now()));
      if (!version) throw new DomainErrorException(catalogErrors.procedureNotFound(procedureCode));
      const procedureCase = version.content.cases.find((c) => c.id === caseCode);
      if (!procedureCase) {
        throw new DomainErrorException(domainError('PROCEDURE_CASE_NOT_FOUND', `The procedure ${procedureCode} has no case ${caseCode}`));
      }
      const created = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const draft = await createDraft(
          uow.tx,
          { userId: actor.userId, procedureCode, procedureName: version.content.name, caseCode, caseName: procedureCase.name, content },
          uow.context.now,
        );
        uow.audit.record({ action: 'portal.draft.create', targetType: 'portal_draft', targetId: draft.id, summary: { procedureCode, caseCode } });
        return draftDto(draft);
      });
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/portal/drafts/:id',
    { schema: { tags, summary: 'One draft with its content', params: idParams, response: { 200: draftSchema, ...errors } } },
    async (request) => {
      const actor = requireCitizen(request);
      const draft = await findDraft(deps.db, request.params.id, scopeOf(actor));
      if (!draft) throw notFound('draft');
      return draftDto(draft);
    },
  );

  api.put(
    '/portal/drafts/:id',
    { schema: { tags, summary: 'Save a draft under the row version read', params: idParams, body: saveDraftBody, response: { 200: draftSchema, ...errors } } },
    async (request) => {
      const actor = requireCitizen(request);
      checkSize(request.body.content);
      return withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const result = await saveDraft(uow.tx, request.params.id, request.body.content, request.body.rowVersion, scopeOf(actor), uow.context.now);
        if (!result) throw notFound('draft');
        if (!('saved' in result)) {
          const current = await findDraft(uow.tx, request.params.id, scopeOf(actor));
          if (current?.dossierId) throw new DomainErrorException(domainError('CONFLICT', 'This draft was already submitted; open the dossier instead'));
          throw staleVersion(result.currentVersion);
        }
        uow.audit.record({ action: 'portal.draft.save', targetType: 'portal_draft', targetId: result.saved.id, summary: { step: result.saved.step, rowVersion: result.saved.rowVersion } });
        return draftDto(result.saved);
      });
    },
  );

  api.delete(
    '/portal/drafts/:id',
    { schema: { tags, summary: 'Discard a draft', params: idParams, response: { 204: z.null().describe('Discarded'), ...errors } } },
    async (request, reply) => {
      const actor = requireCitizen(request);
      await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        if (!(await deleteDraft(uow.tx, request.params.id, scopeOf(actor)))) throw notFound('draft');
        uow.audit.record({ action: 'portal.draft.delete', targetType: 'portal_draft', targetId: request.params.id });
      });
      return reply.code(204).send(null);
    },
  );
}
