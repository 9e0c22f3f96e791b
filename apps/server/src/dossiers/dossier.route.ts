/**
 * Dossiers over HTTP: submission (applicant, online) and reception (officer, counter or post), the officer inbox
 * and the applicant's list, one dossier, its history, control sheet and notices, the desk ledger and the
 * officer's deadline alerts. Every read is scoped: out of scope answers exactly like absent (404).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError, type Actor } from '@motcua/core';
import {
  concludeAtCounter,
  formFor,
  receiveDossierAtDesk,
  receptionCheckDue,
  receptionCheckDueAt,
  submitDossierOnline,
  type Dossier,
  type NewDossierRequest,
  type ProcedureCaseReader,
} from '@motcua/core/dossiers';
import {
  alertsResponse,
  controlSheetResponse,
  deliveriesResponse,
  dossierEventsResponse,
  dossierIdParams,
  dossierSchema,
  deadlinesQuery,
  deadlinesResponse,
  inboxQuery,
  inboxResponse,
  queueQuery,
  queueResponse,
  ledgerParams,
  ledgerQuery,
  ledgerResponse,
  listDossiersQuery,
  listDossiersResponse,
  newDossierBody,
  type NewDossierBody,
} from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import {
  findDossier,
  listAlerts,
  listDeliveries,
  listDossierEvents,
  listInbox,
  listDeadlines,
  listInboxTab,
  listOnlineQueue,
  listLedger,
  listOwnDossiers,
  runIdempotentDossierUseCase,
  type DossierInboxItem,
  type DossierListItem,
} from '@motcua/db/dossiers';
import type { Queryable } from '@motcua/db';
import type { AppDeps } from '../deps';
import { contextOf, requireOfficer } from '../identity/guards';
import { dossierServices, type DossierServices } from './dossier.services';
import { iso, toControlSheetDto, toDossierDto, toEventDto } from './dossier.dto';
import { clocksOfOneRequest, countdownDto, rowCountdowns } from './countdowns';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function requireSignedIn(request: FastifyRequest): Actor {
  if (request.actor.kind === 'anonymous') throw new DomainErrorException(domainError('UNAUTHENTICATED', 'Please sign in'));
  return request.actor;
}

export async function dossierView(services: DossierServices, dossier: Dossier, db: Queryable, now?: Date) {
  const clocks = services.clocks.through(db);
  const clock = dossier.state === 'submitted' ? await clocks.clockFor(dossier.receivingAgencyId) : null;
  const checkDue = clock ? receptionCheckDue(dossier, clock, services.policy.onlineReceptionCheckWorkingHours) : null;
  const dto = toDossierDto(dossier, services.policy, checkDue);
  const running = !dossier.closedAt && dossier.state !== 'result_ready' && dossier.state !== 'in_postal_return';
  if (!now || !running) return { ...dto, countdown: null, stepCountdown: null };
  // The dossier page's countdowns: the online check's, else the dossier's (extended) due time; the active step's.
  const counted = await rowCountdowns(clocks, now, { ...dossier, activeStep: null }, checkDue);
  const step = dossier.steps.find((s) => s.status === 'active' && s.dueAt);
  const stepCountdown = step?.dueAt ? countdownDto(await clocks.clockFor(dossier.competentAgencyId), now, step.dueAt, 'step') : null;
  return { ...dto, countdown: counted.dossierCountdown ?? counted.countdown, stepCountdown };
}

/** The stored answer a retried request gets: its status and body. */
function idempotencyOf(request: FastifyRequest, actor: Actor, parts: unknown) {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key.length === 0) return null;
  if (key.length > 200) throw new DomainErrorException(domainError('VALIDATION_FAILED', 'Idempotency-Key is too long'));
  const who = actor.kind === 'officer' || actor.kind === 'citizen' ? actor.userId : actor.kind;
  return {
    scope: `${who}:${request.method} ${request.routeOptions.url ?? request.url}`,
    key,
    requestHash: createHash('sha256').update(JSON.stringify(parts)).digest('hex'),
  };
}

function toRequest(body: NewDossierBody, actor: Actor): NewDossierRequest {
  return {
    procedureVersionId: body.procedureVersionId,
    caseCode: body.caseCode,
    receivingAgencyId: body.receivingAgencyId,
    parties: body.parties.map((p) => ({ ...p })),
    documents: body.documents.map((d) => ({ ...d })),
    setCount: body.setCount,
    summary: body.summary,
    returnMethod: body.returnMethod,
    entryPoint: body.entryPoint ?? (actor.kind === 'citizen' ? 'provincial_portal' : body.channel === 'postal' ? 'postal' : 'counter'),
    postal: body.postal
      ? {
          ...body.postal,
          handoverMinutesSignedAt: body.postal.handoverMinutesSignedAt ? new Date(body.postal.handoverMinutesSignedAt) : null,
        }
      : null,
  };
}

/** "Near due" in the inbox: due within one working day (8 working hours) by the legal clock. */
export const inboxNearDueWorkingMinutes = 8 * 60;

function toListItemDto(r: DossierListItem) {
  return {
    id: r.id,
    code: r.code,
    state: r.state,
    nationalStatus: r.nationalStatus,
    channel: r.channel,
    procedureCode: r.procedureCode,
    procedureName: r.procedureName,
    summary: r.summary,
    currentAgencyId: r.currentAgencyId,
    submittedAt: r.submittedAt.toISOString(),
    receivedAt: iso(r.receivedAt),
    dueAt: iso(r.dueAt),
    extendedDueAt: iso(r.extendedDueAt),
    version: r.version,
  };
}

export async function dossierRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = dossierServices(deps);

  /** Inbox rows with the active step, consultations per side, the online check's due time and the countdowns. */
  const inboxItemDtos = async (rows: readonly DossierInboxItem[]) => {
    const clocks = clocksOfOneRequest(services.clocks.through(deps.db));
    const now = deps.clock.now();
    // An online dossier's reception check counts from its submission, or from the last supplement.
    const checkDue = async (r: DossierInboxItem) =>
      r.state === 'submitted'
        ? receptionCheckDueAt(await clocks.clockFor(r.receivingAgencyId), r.lastSupplementAt ?? r.submittedAt, services.policy.onlineReceptionCheckWorkingHours)
        : null;
    return Promise.all(
      rows.map(async (r) => {
        const checkDueAt = await checkDue(r);
        return {
          ...toListItemDto(r),
          activeStep: r.activeStep ? { ...r.activeStep, dueAt: iso(r.activeStep.dueAt) } : null,
          openConsultations: r.openConsultations,
          consultationsToAnswer: r.consultationsToAnswer,
          receptionCheckDueAt: iso(checkDueAt),
          ...(await rowCountdowns(clocks, now, r, checkDueAt)),
        };
      }),
    );
  };

  api.post(
    '/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Submit a dossier online (applicant, status 1) or receive one at the counter or by post (officer: code, Form 01, clock)',
        description:
          'Officers may instead guide the applicant to complete the dossier (outcome guide, Form 02) or refuse it (outcome refuse, Form 03). ' +
          'Send an Idempotency-Key header: a retried request creates exactly one dossier and answers the same.',
        body: newDossierBody,
        response: { 201: dossierSchema, ...errors, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireSignedIn(request);
      const body = request.body;
      const input = toRequest(body, actor);
      const run = async (d: Parameters<typeof submitDossierOnline>[0]) => {
        if (actor.kind === 'citizen') return submitDossierOnline(d, input);
        const outcome = body.outcome;
        if (outcome.kind === 'guide') return concludeAtCounter(d, input, { outcome: 'guide', items: outcome.items, reason: outcome.reason });
        if (outcome.kind === 'refuse') return concludeAtCounter(d, input, { outcome: 'refuse', reason: outcome.reason });
        return receiveDossierAtDesk(d, { ...input, channel: body.channel ?? 'counter' });
      };
      const idempotency = idempotencyOf(request, actor, body);
      // The procedure case is read before the transaction: a published version never changes, and the embedded
      // database has one connection, which the use case's transaction holds.
      const procedureCase = await services.cases.findCase(body.procedureVersionId, body.caseCode, body.receivingAgencyId);
      const cases: ProcedureCaseReader = { findCase: async () => procedureCase };
      const answer = await runIdempotentDossierUseCase(
        deps.db,
        contextOf(request, deps.clock),
        services,
        (d) => run({ ...d, cases }),
        // The stored answer is the dossier id: a replay answers that same dossier.
        idempotency ? { ...idempotency, respond: (dossier) => ({ statusCode: 201, body: { id: dossier.id } }) } : null,
      );
      if (!answer.ok) throw new DomainErrorException(answer.error);
      const dossierId = answer.value.kind === 'fresh' ? answer.value.value.id : (answer.value.response.body as { id: string } | null)?.id;
      const dossier = dossierId ? await findDossier(deps.db, actor, dossierId) : null;
      if (!dossier) throw new DomainErrorException(domainError('NOT_FOUND', 'The dossier is gone', { entity: 'dossier' }));
      reply.header('etag', `"${dossier.version}"`).header('location', `/api/v1/dossiers/${dossier.id}`);
      return reply.code(201).send(await dossierView(services, dossier, deps.db, deps.clock.now()));
    },
  );

  api.get(
    '/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Officer: the inbox of open dossiers of my agencies by due time; applicant: my dossiers',
        querystring: listDossiersQuery,
        response: { 200: listDossiersResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireSignedIn(request);
      const { agencyId, state, limit, offset } = request.query;
      if (actor.kind === 'citizen') return { items: (await listOwnDossiers(deps.db, actor, { limit, offset })).map(toListItemDto) };
      const rows = await listInbox(deps.db, actor, { agencyId: agencyId ?? null, state: state ?? null, limit, offset });
      return { items: await inboxItemDtos(rows) };
    },
  );

  api.get(
    '/dossiers/inbox',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Officer: the inbox by tab — every tab counted, the chosen tab paged by the due time that matters, filters applied on the server',
        description:
          'Tabs: mine, unit, nearDue (within one working day by the legal clock), overdue, supplement, consultation (waiting for answers). ' +
          'The dossiers held elsewhere that my unit must answer a consultation on are in every page and count they belong to.',
        querystring: inboxQuery,
        response: { 200: inboxResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const { tab, procedure, channel, state, limit, offset } = request.query;
      const now = deps.clock.now();
      const page = await listInboxTab(deps.db, actor, {
        tab,
        filter: { procedureCode: procedure ?? null, channel: channel ?? null, state: state ?? null },
        limit,
        offset,
        now,
        clocks: services.clocks.through(deps.db),
        nearDueWorkingMinutes: inboxNearDueWorkingMinutes,
      });
      return { tab, counts: page.counts, items: await inboxItemDtos(page.items), limit, offset, procedures: page.procedures, asOf: now.toISOString() };
    },
  );

  api.get(
    '/dossiers/deadlines',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Officer: every open dossier of my units at risk or overdue, counted, one page, the most urgent first',
        description:
          "The inbox's near-due (within one working day by the legal clock) and overdue dossiers, and every open dossier in my scope " +
          'with a deadline alert to me or to a role I hold at its agency; `kinds` says why each is listed.',
        querystring: deadlinesQuery,
        response: { 200: deadlinesResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const { limit, offset } = request.query;
      const now = deps.clock.now();
      const page = await listDeadlines(deps.db, actor, {
        limit,
        offset,
        now,
        clocks: services.clocks.through(deps.db),
        nearDueWorkingMinutes: inboxNearDueWorkingMinutes,
      });
      const dtos = await inboxItemDtos(page.items);
      return {
        counts: page.counts,
        items: dtos.map((d, i) => ({ ...d, kinds: page.items[i]?.kinds ?? [] })),
        limit,
        offset,
        asOf: now.toISOString(),
      };
    },
  );

  api.get(
    '/dossiers/queue',
    {
      schema: {
        tags: ['dossiers'],
        summary: "Officer: the online queue — every dossier waiting for the desk's check counted, one page, the longest waiting first",
        querystring: queueQuery,
        response: { 200: queueResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const { limit, offset } = request.query;
      const page = await listOnlineQueue(deps.db, actor, { limit, offset });
      return { total: page.total, items: await inboxItemDtos(page.items), limit, offset, asOf: deps.clock.now().toISOString() };
    },
  );

  const load = async (request: FastifyRequest, id: string) => {
    const dossier = await findDossier(deps.db, requireSignedIn(request), id);
    if (!dossier) throw new DomainErrorException(domainError('NOT_FOUND', `No dossier ${id}`, { entity: 'dossier' }));
    return dossier;
  };

  api.get(
    '/dossiers/:id',
    {
      schema: { tags: ['dossiers'], summary: 'One dossier (ETag = its version)', params: dossierIdParams, response: { 200: dossierSchema, ...errors } },
    },
    async (request, reply) => {
      const dossier = await load(request, request.params.id);
      reply.header('etag', `"${dossier.version}"`);
      return dossierView(services, dossier, deps.db, deps.clock.now());
    },
  );

  api.get(
    '/dossiers/:id/events',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The history: every event, who, which agency, when, from and to, note, form issued',
        params: dossierIdParams,
        response: { 200: dossierEventsResponse, ...errors },
      },
    },
    async (request) => {
      const dossier = await load(request, request.params.id);
      return { events: (await listDossierEvents(deps.db, dossier.id)).map(toEventDto) };
    },
  );

  api.get(
    '/dossiers/:id/control-sheet',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The control sheet (Form 05 of TT 01/2018, 06 of TT 03/2025): every hand-over, due time, early / on time / late',
        params: dossierIdParams,
        response: { 200: controlSheetResponse, ...errors },
      },
    },
    async (request) => {
      requireOfficer(request);
      return toControlSheetDto(await load(request, request.params.id), services.policy, deps.clock.now());
    },
  );

  api.get(
    '/dossiers/:id/notifications',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Notices sent to the applicant for this dossier, with their delivery status',
        params: dossierIdParams,
        response: { 200: deliveriesResponse, ...errors },
      },
    },
    async (request) => {
      const dossier = await load(request, request.params.id);
      const rows = await listDeliveries(deps.db, dossier.id);
      return {
        deliveries: rows.map((r) => ({
          id: r.id,
          eventId: r.eventId,
          channel: r.channel,
          status: r.status,
          attempts: r.attempts,
          lastError: r.lastError,
          createdAt: r.createdAt.toISOString(),
          sentAt: iso(r.sentAt),
        })),
      };
    },
  );

  api.get(
    '/desks/:deskId/ledger',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The desk ledger (Form 06 of TT 01/2018, 07 of TT 03/2025): dossiers received and returned, numbered per year',
        params: ledgerParams,
        querystring: ledgerQuery,
        response: { 200: ledgerResponse, ...errors },
      },
    },
    async (request) => {
      const officer = requireOfficer(request);
      const { year, limit, offset } = request.query;
      if (!officer.visibleAgencyIds.includes(request.params.deskId)) {
        throw new DomainErrorException(domainError('NOT_FOUND', 'No such desk', { entity: 'desk' }));
      }
      const rows = await listLedger(deps.db, officer, { deskAgencyId: request.params.deskId, year, limit, offset });
      const form = formFor('ledger', new Date(`${year}-12-31T00:00:00Z`), services.policy.formSets);
      return {
        form: { set: form.set, number: form.number, title: form.title },
        rows: rows.map((r) => ({
          number: r.number,
          code: r.code,
          procedureName: r.procedureName,
          applicantName: r.applicantName,
          applicantAddress: r.applicantAddress,
          applicantPhone: r.applicantPhone,
          competentAgencyId: r.competentAgencyId,
          receivedAt: r.receivedAt.toISOString(),
          dueAt: iso(r.dueAt),
          extendedDueAt: iso(r.extendedDueAt),
          transferredAt: iso(r.transferredAt),
          resultAt: iso(r.resultAt),
          returnedAt: iso(r.returnedAt),
          returnMethod: r.returnMethod,
          receiverName: r.receiverName,
        })),
      };
    },
  );

  api.get(
    '/dossier-alerts',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'My deadline alerts: steps and dossiers due soon or overdue, drafted apologies, late consultations',
        response: { 200: alertsResponse, ...errors },
      },
    },
    async (request) => {
      const officer = requireOfficer(request);
      const rows = await listAlerts(deps.db, officer, { limit: 200 });
      return {
        alerts: rows.map((a) => ({ ...a, dueAt: a.dueAt.toISOString(), createdAt: a.createdAt.toISOString() })),
      };
    },
  );
}
