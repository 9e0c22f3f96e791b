/**
 * Online submission from a draft:
 *   POST /portal/drafts/:id/submission { rowVersion }
 * The draft's values are checked here with the same code the page runs (@motcua/contracts/portal-forms); the
 * dossier is then submitted through the dossier engine's own use case (status 1, waiting for the desk's reception
 * check) under the draft's id as Idempotency-Key, so a retried submission never makes a second dossier. The draft
 * then records the dossier it became and keeps its content as the declaration filed with it. Files are uploaded
 * to the new dossier afterwards (POST /dossiers/:id/attachments), one per required document.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { catalogErrors, documentAppliesTo, legalDateOf } from '@motcua/core/catalog';
import { attachmentMediaTypes, submitDossierOnline, timeLimitFor, type Dossier, type NewDossierRequest, type ProcedureCaseReader } from '@motcua/core/dossiers';
import { problemSchema } from '@motcua/contracts';
import { attachmentLimitsResponse, idParams, normalisePhone, submissionResponse, submitDraftBody } from '@motcua/contracts/portal';
import { checkSubmission, declarationDocument, declarationFor, declarationMessage } from '@motcua/contracts/portal-forms';
import { catalogueDocumentCode } from '@motcua/contracts/catalog-content';
import { scopeOf, withUnitOfWork } from '@motcua/db';
import { findEffectiveVersion } from '@motcua/db/catalog';
import { findDossier, runIdempotentDossierUseCase } from '@motcua/db/dossiers';
import { findDraft, findOrganisation, markDraftSubmitted, type CitizenOrganisation, type PortalDraft } from '@motcua/db/portal';
import type { AppDeps } from '../deps';
import { pickLanguage } from '../http/problem';
import { RequestValidationError } from '../http/validation';
import { contextOf, requireCitizen } from '../identity/guards';
import { dossierView } from '../dossiers/dossier.route';
import { dossierServices, type DossierServices } from '../dossiers/dossier.services';
import { notFound, staleVersion } from './portal-errors';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema };

const isUuid = (v: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
/** The catalogue allows document names up to 2,000 characters, a dossier keeps 500 (its API's limit): clipped, with an ellipsis. */
const clip = (value: string, max: number) => (value.length <= max ? value : `${value.slice(0, max - 1)}…`);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * The dossier's parties: the citizen is the applicant (người nộp hồ sơ); when they submit for one of their
 * businesses, the business is the dossier owner (chủ hồ sơ) as stored in their profile — name, tax code, address —
 * and an authorised citizen's document is recorded on the applicant.
 */
function partiesOf(v: PortalDraft['content']['values'], organisation: CitizenOrganisation | null): NewDossierRequest['parties'] {
  const applicant: NewDossierRequest['parties'][number] = {
    role: 'applicant',
    kind: 'person',
    fullName: str(v['applicant.fullName'])!,
    identityNumber: str(v['applicant.identityNumber']),
    address: str(v['applicant.address']),
    phone: normalisePhone(String(v['applicant.phone'])),
    email: str(v['applicant.email']),
    authorisationDocument: organisation && v['applicant.capacity'] === 'authorised' ? str(v['applicant.authorisationDocument']) : null,
  };
  if (!organisation) return [applicant];
  return [
    applicant,
    {
      role: 'owner',
      kind: 'organisation',
      fullName: organisation.name,
      identityNumber: organisation.taxCode,
      address: organisation.address,
      phone: null,
      email: null,
      authorisationDocument: null,
    },
  ];
}

/** The dossier engine's request from the draft's (checked) values and the procedure case's documents. */
function dossierRequest(
  draft: PortalDraft,
  versionId: string,
  documents: { code: string | null; name: string }[],
  organisation: CitizenOrganisation | null,
): NewDossierRequest {
  const v = draft.content.values;
  const method = v['delivery.method'] as 'counter' | 'postal' | 'online';
  const childName = str(v['child.fullName']);
  return {
    procedureVersionId: versionId,
    caseCode: draft.caseCode,
    receivingAgencyId: String(v['place.agencyId']),
    parties: partiesOf(v, organisation),
    documents: documents.map((d) => ({ code: d.code, name: clip(d.name, 500), originals: 0, certifiedCopies: 0, photocopies: 1 })),
    setCount: 1,
    summary: (childName ? `${draft.caseName ?? draft.procedureName ?? ''}: ${childName}` : (str(v['request.content']) ?? draft.caseName ?? draft.procedureCode)).slice(0, 1000),
    returnMethod: method,
    entryPoint: 'provincial_portal',
    postal:
      method === 'postal'
        ? { handoverMinutesSignedAt: null, handoverMinutesNumber: null, submissionWaybills: [], returnByPost: true, deliveryAddress: str(v['delivery.address']) }
        : null,
  };
}

/**
 * The due time the dossier would get if the desk received it at the end of its check time (`checkDueAt`): the same
 * computation reception makes (the receiving desk's calendar, the online limit, a same-day cut-off), so an upper
 * estimate — earlier when the desk receives it sooner, none when the clock waits for the competent agency
 * (boundary-free) or the desk asks for a supplement. The dossier code and the legal due time come at reception
 * (TT 01/2018 Art. 19, NĐ 118 Art. 17(3); docs/portal.md).
 */
async function estimatedDueAt(services: DossierServices, dossier: Dossier, db: Parameters<typeof dossierView>[2], checkDueAt: string | null): Promise<string | null> {
  if (dossier.state !== 'submitted' || !checkDueAt) return null;
  if (dossier.isBoundaryFree && services.policy.clockStartsAtCompetentAgency) return null;
  const limit = timeLimitFor(dossier.procedure, dossier.channel);
  if (!limit) return null;
  const clock = await services.clocks.through(db).clockFor(dossier.receivingAgencyId);
  return clock.dueAt(new Date(checkDueAt), limit, { sameDayCutoff: dossier.procedure.sameDayCutoff }).toISOString();
}

export async function submissionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = dossierServices(deps);

  api.get(
    '/portal/attachment-limits',
    { schema: { tags: ['portal'], summary: 'What files a dossier accepts: types and sizes (shown beside each upload slot)', response: { 200: attachmentLimitsResponse } } },
    async () => ({
      maxFileBytes: deps.config.dossiers.attachments.maxFileBytes,
      maxDossierBytes: deps.config.dossiers.attachments.maxDossierBytes,
      mediaTypes: Object.values(attachmentMediaTypes),
    }),
  );

  api.post(
    '/portal/drafts/:id/submission',
    {
      schema: {
        tags: ['portal'],
        summary: 'Submit a draft as an online dossier (checked with the page’s rules; retried submissions answer the same dossier)',
        params: idParams,
        body: submitDraftBody,
        response: { 201: submissionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const draft = await findDraft(deps.db, request.params.id, scopeOf(actor));
      if (!draft) throw notFound('draft');
      if (!draft.dossierId && draft.rowVersion !== request.body.rowVersion) throw staleVersion(draft.rowVersion);
      const today = legalDateOf(deps.clock.now());

      let dossierId = draft.dossierId;
      if (!dossierId) {
        const problems = checkSubmission(draft.procedureCode, draft.content.values, today);
        if (problems.length > 0) {
          const language = pickLanguage(request.headers['accept-language']);
          throw new RequestValidationError(
            'body',
            problems.map((p) => ({ code: 'custom', path: ['values', p.field], message: declarationMessage(p.problem, language), input: undefined })),
          );
        }
        // A business the citizen submits for must be one of theirs (another's answers like an absent one).
        const organisationId = draft.content.values['applicant.for'] === 'organisation' ? String(draft.content.values['organisation.id']) : null;
        const organisation = organisationId && isUuid(organisationId) ? await findOrganisation(deps.db, organisationId, scopeOf(actor)) : null;
        if (organisationId && !organisation) throw notFound('organisation');
        const version = await findEffectiveVersion(deps.db, draft.procedureCode, today);
        if (!version) throw new DomainErrorException(catalogErrors.procedureNotFound(draft.procedureCode));
        const procedureCase = version.content.cases.find((c) => c.id === draft.caseCode);
        if (!procedureCase) throw new DomainErrorException(domainError('PROCEDURE_CASE_NOT_FOUND', `No case ${draft.caseCode}`));
        const input = dossierRequest(
          draft,
          version.id,
          // the declaration's paper form is for counter and postal submission (its `channels`, or by name for a
          // procedure with its own declaration); online, the filled e-form is it
          // numbered among all the case's documents first: the codes the files were sent under
          procedureCase.documents.map((d, i) => ({ ...d, code: catalogueDocumentCode(d, i) })).filter(
            (d) => d.requirement === 'mandatory' && !d.isPresentOnly && documentAppliesTo(d, 'online') && declarationDocument(draft.procedureCode, d.name) !== 'paper',
          ),
          organisation,
        );
        // read before the transaction (PGlite has one connection, which the use case's transaction holds)
        const snapshot = await services.cases.findCase(version.id, draft.caseCode, input.receivingAgencyId);
        const cases: ProcedureCaseReader = { findCase: async () => snapshot };
        const answer = await runIdempotentDossierUseCase(
          deps.db,
          contextOf(request, deps.clock),
          services,
          (d) => submitDossierOnline({ ...d, cases }, input),
          {
            scope: `${actor.userId}:portal-draft-submission`,
            key: draft.id,
            requestHash: createHash('sha256').update(JSON.stringify(draft.content)).digest('hex'),
            respond: (dossier) => ({ statusCode: 201, body: { id: dossier.id } }),
          },
        );
        if (!answer.ok) throw new DomainErrorException(answer.error);
        dossierId = answer.value.kind === 'fresh' ? answer.value.value.id : ((answer.value.response.body as { id: string } | null)?.id ?? null);
        if (!dossierId) throw new DomainErrorException(domainError('NOT_FOUND', 'The dossier is gone', { entity: 'dossier' }));
        const submitted = dossierId;
        await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
          if (await markDraftSubmitted(uow.tx, draft.id, submitted, uow.context.now)) {
            uow.audit.record({ action: 'portal.draft.submit', targetType: 'portal_draft', targetId: draft.id, summary: { dossierId: submitted, form: declarationFor(draft.procedureCode).id } });
          }
        });
      }
      const dossier = await findDossier(deps.db, actor, dossierId);
      if (!dossier) throw new DomainErrorException(domainError('NOT_FOUND', 'The dossier is gone', { entity: 'dossier' }));
      const view = await dossierView(services, dossier, deps.db);
      return reply.code(201).send({
        dossierId: view.id,
        draftId: draft.id,
        code: view.code,
        status: view.nationalStatus,
        submittedAt: view.submittedAt,
        receptionCheckDueAt: view.receptionCheckDueAt,
        dueAt: view.dueAt,
        estimatedDueAt: await estimatedDueAt(services, dossier, deps.db, view.receptionCheckDueAt),
      });
    },
  );
}
