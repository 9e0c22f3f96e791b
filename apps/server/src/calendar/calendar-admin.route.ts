/**
 * Administration of the working calendar, for system administrators; every write is audited in its transaction.
 *   GET  /calendar/decisions                 — list (filter by year, agency; revoked ones on request)
 *   POST /calendar/decisions                 — record a decision (national, province or agency)
 *   POST /calendar/decisions/:id/revoke      — revoke one, with a reason
 *   PUT  /calendar/working-periods           — set an agency's working periods from a date on
 * National decisions need a system administrator of a top-level agency; province and agency ones a system
 * administrator whose grant covers that agency. Out-of-scope agency decisions answer like unknown ones (404).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  decisionDayKindValues,
  decisionScopeValues,
  decisionListQuery,
  decisionListResponse,
  decisionParams,
  decisionResponse,
  problemSchema,
  recordDecisionBody,
  revokeDecisionBody,
  setWorkingPeriodsBody,
  workingPeriodScheduleResponse,
  type DecisionResponse,
} from '@motcua/contracts';
import { decisionDayKinds, decisionScopes } from '@motcua/core/calendar';
import { canSeeAgency, DomainErrorException, domainError, type OfficerActor } from '@motcua/core';
import { withUnitOfWork } from '@motcua/db';
import {
  agencyLineageAndRevision,
  findAgencyByCode,
  listDecisions,
  recordDecision,
  revokeDecision,
  setWorkingPeriods,
  findDecision,
  type StoredDecision,
} from '@motcua/db/calendar';
import type { AppDeps } from '../deps';
import { sendDomainError } from '../http/error-handler';
import { contextOf, requireOfficer } from '../identity/guards';
import { badParameter, unknownAgency } from './calendar-parameters';

// The contract's enums and the core's must not drift apart.
const sameValues = <T extends string>(a: readonly T[], b: readonly string[]) =>
  a.length === b.length && a.every((v) => b.includes(v));
if (!sameValues(decisionDayKinds, decisionDayKindValues) || !sameValues(decisionScopes, decisionScopeValues)) {
  throw new Error('packages/contracts/src/calendar.ts and @motcua/core/calendar disagree on decision kinds or scopes');
}

const ADMIN = ['system_administrator'] as const;

function toResponse(decision: StoredDecision): DecisionResponse {
  return {
    id: decision.id,
    scope: decision.scope,
    agency: decision.agency ? { code: decision.agency.code, name: decision.agency.name } : null,
    name: decision.name,
    legalReference: decision.legalReference,
    note: decision.note,
    recordedAt: decision.recordedAt.toISOString(),
    recordedBy: decision.recordedBy,
    revokedAt: decision.revokedAt?.toISOString() ?? null,
    revocationReason: decision.revocationReason,
    days: decision.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
  };
}

/**
 * Whether the officer administers the calendar of an agency: a system_administrator grant on the agency itself,
 * or on an ancestor with sub-agencies included. National decisions (agencyId null) need a system_administrator
 * grant on a top-level agency (a province or centrally-run city).
 */
async function mayManage(deps: AppDeps, actor: OfficerActor, agencyId: string | null): Promise<boolean> {
  const grants = actor.grants.filter((g) => g.role === 'system_administrator');
  if (agencyId === null) {
    for (const grant of grants) {
      if ((await agencyLineageAndRevision(deps.db, grant.agencyId)).lineage.length === 1) return true;
    }
    return false;
  }
  const { lineage } = await agencyLineageAndRevision(deps.db, agencyId);
  return grants.some((g) => g.agencyId === agencyId || (g.includeSubAgencies && lineage.includes(g.agencyId)));
}

async function assertMayManage(deps: AppDeps, actor: OfficerActor, agencyId: string | null): Promise<void> {
  if (!(await mayManage(deps, actor, agencyId))) {
    throw new DomainErrorException(
      domainError('FORBIDDEN', agencyId === null ? 'National decisions need a provincial system administrator' : 'The agency is outside your scope'),
    );
  }
}

export async function calendarAdminRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/calendar/decisions',
    {
      schema: {
        tags: ['calendar'],
        summary: 'List the official calendar decisions (system administrators)',
        querystring: decisionListQuery,
        response: { 200: decisionListResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ADMIN);
      const { year, agency: code, includeRevoked } = request.query;
      let lineage: string[] | undefined;
      if (code !== undefined) {
        const agency = await findAgencyByCode(deps.db, code);
        if (!agency) return badParameter(request, reply, 'query.agency', unknownAgency);
        lineage = (await agencyLineageAndRevision(deps.db, agency.id)).lineage;
      }
      const items = await listDecisions(deps.db, {
        year,
        lineage,
        visibleAgencyIds: actor.visibleAgencyIds,
        includeRevoked: includeRevoked === 'true',
      });
      return { items: items.map(toResponse) };
    },
  );

  api.post(
    '/calendar/decisions',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Record an official calendar decision (days off, swapped days, make-up working days)',
        body: recordDecisionBody,
        response: { 201: decisionResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ADMIN);
      const body = request.body;
      let agencyId: string | null = null;
      if (body.scope !== 'national') {
        if (body.agency === undefined) {
          return badParameter(request, reply, 'body.agency', {
            vi: 'Quyết định cấp tỉnh hoặc cơ quan phải nêu mã cơ quan',
            en: 'A province or agency decision names its agency',
          });
        }
        const agency = await findAgencyByCode(deps.db, body.agency);
        if (!agency) return badParameter(request, reply, 'body.agency', unknownAgency);
        agencyId = agency.id;
      } else if (body.agency !== undefined) {
        return badParameter(request, reply, 'body.agency', {
          vi: 'Quyết định cấp quốc gia không gắn với cơ quan nào',
          en: 'A national decision names no agency',
        });
      }
      await assertMayManage(deps, actor, agencyId);
      const result = await withUnitOfWork(deps.db, contextOf(request, deps.clock), (uow) =>
        recordDecision(uow, {
          scope: body.scope,
          agencyId,
          name: body.name,
          legalReference: body.legalReference,
          note: body.note ?? null,
          days: body.days,
        }),
      );
      if (!result.ok) return sendDomainError(request, reply, result.error);
      return reply.code(201).send(toResponse(result.value));
    },
  );

  api.post(
    '/calendar/decisions/:id/revoke',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Revoke a calendar decision, with a reason',
        params: decisionParams,
        body: revokeDecisionBody,
        response: { 200: decisionResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ADMIN);
      const existing = await findDecision(deps.db, request.params.id);
      if (!existing || (existing.agencyId !== null && !canSeeAgency(actor, existing.agencyId))) {
        return sendDomainError(request, reply, domainError('CALENDAR_DECISION_NOT_FOUND', 'No such calendar decision'));
      }
      await assertMayManage(deps, actor, existing.agencyId);
      const result = await withUnitOfWork(deps.db, contextOf(request, deps.clock), (uow) =>
        revokeDecision(uow, existing.id, request.body.reason),
      );
      if (!result.ok) return sendDomainError(request, reply, result.error);
      return toResponse(result.value);
    },
  );

  api.put(
    '/calendar/working-periods',
    {
      schema: {
        tags: ['calendar'],
        summary: "Set an agency's working periods from a date on",
        body: setWorkingPeriodsBody,
        response: { 200: workingPeriodScheduleResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ADMIN);
      const agency = await findAgencyByCode(deps.db, request.body.agency);
      if (!agency) return badParameter(request, reply, 'body.agency', unknownAgency);
      await assertMayManage(deps, actor, agency.id);
      const { effectiveFrom, periods } = request.body;
      const result = await withUnitOfWork(deps.db, contextOf(request, deps.clock), (uow) =>
        setWorkingPeriods(uow, agency.id, { effectiveFrom, periods }),
      );
      if (!result.ok) return sendDomainError(request, reply, result.error);
      return {
        agency: { code: agency.code, name: agency.name },
        effectiveFrom: result.value.effectiveFrom,
        periods: [...result.value.periods],
        recordedAt: result.value.recordedAt.toISOString(),
      };
    },
  );
}
