/**
 * Catalogue administration (system administrators only): drafts and their cases and internal workflows, review,
 * publication, version history with the audit trail, inter-agency groups, export. Every write runs in one unit of
 * work with its audit rows; a refused write leaves nothing behind.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemSchema } from '@motcua/contracts/problem';
import { DomainErrorException, err, ok, type Result } from '@motcua/core';
import {
  agencyScopeIssues,
  catalogErrors,
  contentError,
  createDraft,
  evaluateWorkflowBudget,
  moveDraft,
  publishDraft,
  referencedFormTemplates,
  putCase,
  putWorkflow,
  removeCase,
  removeWorkflow,
  replaceGeneral,
  reviseDraft,
  saveInterAgencyGroup,
  validateWorkflow,
  workflowTotalHours,
  type CatalogDeps,
  type CatalogError,
  type ProcedureContent,
} from '@motcua/core/catalog';
import {
  checkWorkflowBody,
  checkWorkflowResponse,
  createDraftBody,
  draftCaseParams,
  draftListResponse,
  draftParams,
  draftResponse,
  draftWorkflowParams,
  groupParams,
  interAgencyGroupBody,
  listDraftsQuery,
  procedureHistoryResponse,
  publishDraftBody,
  publishedVersionResponse,
  putCaseBody,
  putWorkflowBody,
  returnDraftBody,
  reviseGeneralBody,
  rowVersionQuery,
  saveInterAgencyGroupBody,
  submitDraftBody,
} from '@motcua/contracts/catalog-admin';
import { interAgencyGroupResponse, procedureCodeParams } from '@motcua/contracts/catalog';
import { listAuditEventsForTarget } from '@motcua/db/audit';
import { createCatalogStore, findFormTemplates, listDrafts, listVersions, runCatalogUseCase } from '@motcua/db/catalog';
import type { AppDeps } from '../deps';
import { contextOf, requireOfficer } from '../identity/guards';
import { catalogExportRoutes } from './catalog-export.route';
import { catalogFormAdminRoutes } from './catalog-forms.route';
import { catalogImportRoutes } from './catalog-import.route';
import { mutable, toDraftView } from './catalog-views';

const problem = problemSchema;
const tags = ['catalog administration'];
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export async function catalogAdminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const timeLimits = { hoursPerWorkingDay: deps.config.catalog.hoursPerWorkingDay };
  // Before body validation, after the session hooks (onRequest): an anonymous caller gets 401, not a 400.
  api.addHook('preValidation', async (request) => {
    requireOfficer(request, ['system_administrator']);
  });

  async function run<T, E extends { code: string; message: string }>(
    request: FastifyRequest,
    useCase: (d: CatalogDeps) => Promise<Result<T, E>>,
  ): Promise<T> {
    const result = await runCatalogUseCase(deps.db, contextOf(request, deps.clock), useCase, timeLimits);
    if (!result.ok) throw new DomainErrorException(result.error);
    return result.value;
  }
  const draftView = (d: Parameters<typeof toDraftView>[0]) => toDraftView(d, timeLimits);
  const revise = (
    request: FastifyRequest,
    draftId: string,
    rowVersion: number,
    edit: string,
    apply: (c: ProcedureContent) => Result<ProcedureContent, CatalogError>,
  ) => run(request, (d) => reviseDraft(d, { draftId, rowVersion, edit, apply })).then(draftView);

  api.get(
    '/admin/procedure-drafts',
    {
      schema: { tags, summary: 'Drafts, by status (default: editing and in review)', querystring: listDraftsQuery, response: { 200: draftListResponse, ...errors } },
    },
    async (request) => {
      const statuses = (request.query.status ?? 'editing,in_review').split(',') as ('editing' | 'in_review')[];
      const drafts = await listDrafts(deps.db, { statuses, code: request.query.code ?? null });
      return mutable({
        items: drafts.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.content.name,
          status: d.status,
          rowVersion: d.rowVersion,
          updatedAt: d.updatedAt,
          reviewNote: d.reviewNote,
        })),
      });
    },
  );

  api.post(
    '/admin/procedure-drafts',
    {
      schema: {
        tags,
        summary: 'Open a draft: new content, or a copy of the latest published version',
        body: createDraftBody,
        response: { 201: draftResponse, ...errors },
      },
    },
    async (request, reply) => {
      const draft = await run(request, (d) => createDraft(d, { code: request.body.code, content: request.body.content ?? null }));
      return reply.code(201).send(draftView(draft));
    },
  );

  api.get(
    '/admin/procedure-drafts/:draftId',
    { schema: { tags, summary: 'A draft with each workflow budget against its legal limit', params: draftParams, response: { 200: draftResponse, ...errors } } },
    async (request) => {
      const draft = await createCatalogStore(deps.db).findDraft(request.params.draftId);
      if (!draft) throw new DomainErrorException(catalogErrors.draftNotFound(request.params.draftId));
      return draftView(draft);
    },
  );

  api.put(
    '/admin/procedure-drafts/:draftId',
    { schema: { tags, summary: 'Replace the general information of a draft (everything but the cases)', params: draftParams, body: reviseGeneralBody, response: { 200: draftResponse, ...errors } } },
    async (request) => {
      // Agencies newly named as competent agency or desk must be in the administrator's scope.
      const visible = requireOfficer(request).visibleAgencyIds;
      return revise(request, request.params.draftId, request.body.rowVersion, 'general.replace', (c) => {
        const issues = agencyScopeIssues(c, request.body.general, visible);
        return issues.length > 0 ? err(contentError(issues)) : ok(replaceGeneral(c, request.body.general));
      });
    },
  );

  api.put(
    '/admin/procedure-drafts/:draftId/cases/:caseId',
    { schema: { tags, summary: 'Add or replace a case: time limits, fees, required documents (its workflows are kept)', params: draftCaseParams, body: putCaseBody, response: { 200: draftResponse, ...errors } } },
    async (request) => {
      // Uploaded form templates the documents link to must exist (read before the draft's transaction).
      const linked = referencedFormTemplates(request.body.case);
      const found = new Set((await findFormTemplates(deps.db, linked.map((l) => l.id))).map((f) => f.id));
      const missing = linked.filter((l) => !found.has(l.id));
      if (missing.length > 0) {
        throw new DomainErrorException(contentError(missing.map((m) => ({ path: m.path, code: 'INVALID', reason: 'noTemplate', message: `no uploaded form template ${m.id}`, params: { id: m.id } }))));
      }
      return revise(request, request.params.draftId, request.body.rowVersion, 'case.put', (c) =>
        ok(putCase(c, { ...request.body.case, id: request.params.caseId })),
      );
    },
  );

  api.delete(
    '/admin/procedure-drafts/:draftId/cases/:caseId',
    { schema: { tags, summary: 'Remove a case from a draft', params: draftCaseParams, querystring: rowVersionQuery, response: { 200: draftResponse, ...errors } } },
    async (request) =>
      revise(request, request.params.draftId, request.query.rowVersion, 'case.remove', (c) => removeCase(c, request.params.caseId)),
  );

  api.put(
    '/admin/procedure-drafts/:draftId/cases/:caseId/workflows/:workflowId',
    {
      schema: {
        tags,
        summary: 'Add or replace an internal workflow; refused when its budgets exceed the legal limit (says by how much)',
        params: draftWorkflowParams,
        body: putWorkflowBody,
        response: { 200: draftResponse, ...errors },
      },
    },
    async (request) => {
      const { draftId, caseId, workflowId } = request.params;
      return revise(request, draftId, request.body.rowVersion, 'workflow.put', (c) =>
        putWorkflow(c, caseId, { ...request.body.workflow, id: workflowId }),
      );
    },
  );

  api.delete(
    '/admin/procedure-drafts/:draftId/cases/:caseId/workflows/:workflowId',
    { schema: { tags, summary: 'Remove an internal workflow', params: draftWorkflowParams, querystring: rowVersionQuery, response: { 200: draftResponse, ...errors } } },
    async (request) => {
      const { draftId, caseId, workflowId } = request.params;
      return revise(request, draftId, request.query.rowVersion, 'workflow.remove', (c) => removeWorkflow(c, caseId, workflowId));
    },
  );

  for (const transition of ['submit', 'discard'] as const) {
    api.post(
      `/admin/procedure-drafts/:draftId/${transition}`,
      {
        schema: {
          tags,
          summary: transition === 'submit' ? 'Submit a complete draft for review' : 'Discard a draft',
          params: draftParams,
          body: submitDraftBody,
          response: { 200: draftResponse, ...errors },
        },
      },
      async (request) =>
        draftView(await run(request, (d) => moveDraft(d, { draftId: request.params.draftId, rowVersion: request.body.rowVersion, transition }))),
    );
  }

  api.post(
    '/admin/procedure-drafts/:draftId/return',
    { schema: { tags, summary: 'Return a draft under review to its editors with a note', params: draftParams, body: returnDraftBody, response: { 200: draftResponse, ...errors } } },
    async (request) =>
      draftView(
        await run(request, (d) =>
          moveDraft(d, { draftId: request.params.draftId, rowVersion: request.body.rowVersion, transition: 'return', note: request.body.note }),
        ),
      ),
  );

  api.post(
    '/admin/procedure-drafts/:draftId/publish',
    { schema: { tags, summary: 'Publish a reviewed draft as a new immutable version', params: draftParams, body: publishDraftBody, response: { 201: publishedVersionResponse, ...errors } } },
    async (request, reply) => {
      const version = await run(request, (d) =>
        publishDraft(d, {
          draftId: request.params.draftId,
          rowVersion: request.body.rowVersion,
          ...(request.body.effectiveFrom ? { effectiveFrom: request.body.effectiveFrom } : {}),
          changeNote: request.body.changeNote ?? null,
        }),
      );
      return reply.code(201).send({ code: version.code, versionId: version.id, versionNo: version.versionNo, effectiveFrom: version.effectiveFrom });
    },
  );

  api.post(
    '/admin/workflows/check',
    { schema: { tags, summary: 'Check a workflow against time limits without saving (the step editor’s running total)', body: checkWorkflowBody, response: { 200: checkWorkflowResponse, ...errors } } },
    async (request) => {
      const { workflow, processingTimes } = request.body;
      const probe = { id: 'check', name: 'check', description: null, processingTimes, fees: [], documents: [], workflows: [] };
      const issues = validateWorkflow(workflow, probe, timeLimits);
      const budget = evaluateWorkflowBudget(workflow, processingTimes, timeLimits);
      return {
        totalHours: workflowTotalHours(workflow),
        limitHours: budget?.limitHours ?? null,
        remainingHours: budget?.remainingHours ?? null,
        fits: issues.length === 0,
        issues: issues.map((i) => ({ ...i, ...(i.details ? { details: { ...i.details } } : {}) })),
      };
    },
  );

  api.get(
    '/admin/procedures/:code/history',
    { schema: { tags, summary: 'Version history with who published, and the audit trail of the procedure', params: procedureCodeParams, response: { 200: procedureHistoryResponse, ...errors } } },
    async (request) => {
      const { code } = request.params;
      const versions = await listVersions(deps.db, code);
      if (versions.length === 0) throw new DomainErrorException(catalogErrors.procedureNotFound(code));
      const audit = await listAuditEventsForTarget(deps.db, 'procedure', code);
      return mutable({
        code,
        versions: versions.map(({ publicationDecision: _d, ...v }) => v),
        audit: audit.map((a) => ({ seq: a.seq, occurredAt: a.occurredAt, action: a.action, actorKind: a.actorKind, actorId: a.actorId, summary: a.summary })),
      });
    },
  );

  api.post(
    '/admin/inter-agency-groups',
    { schema: { tags, summary: 'Create an inter-agency group', body: interAgencyGroupBody, response: { 201: interAgencyGroupResponse, ...errors } } },
    async (request, reply) => {
      const group = await run(request, (d) => saveInterAgencyGroup(d, { id: null, rowVersion: null, group: request.body }));
      return reply.code(201).send(mutable(group));
    },
  );

  api.put(
    '/admin/inter-agency-groups/:groupId',
    { schema: { tags, summary: 'Change an inter-agency group', params: groupParams, body: saveInterAgencyGroupBody, response: { 200: interAgencyGroupResponse, ...errors } } },
    async (request) =>
      mutable(
        await run(request, (d) =>
          saveInterAgencyGroup(d, { id: request.params.groupId, rowVersion: request.body.rowVersion, group: request.body.group }),
        ),
      ),
  );

  await catalogExportRoutes(api, deps);
  await catalogImportRoutes(api, deps);
  await catalogFormAdminRoutes(api, deps);
}
