/**
 * The organisation tree over HTTP: public reads (codes and names of state agencies are public), and the system
 * administrator's writes — create, update, end, record a merge/split/rename — each audited.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError, type OfficerActor } from '@motcua/core';
import { formatDate, localDayOf } from '@motcua/core/calendar';
import { parseAgencyCode, type Agency } from '@motcua/core/organization';
import {
  agencyCodeParams,
  agencyDetailResponse,
  agencySchema,
  createAgencyBody,
  endAgencyBody,
  listAgenciesQuery,
  listAgenciesResponse,
  successionBody,
  successionResponse,
  updateAgencyBody,
  type AgencyDto,
  type AgencyTreeNode,
} from '@motcua/contracts/organization';
import { problemSchema } from '@motcua/contracts';
import { withUnitOfWork, type Queryable } from '@motcua/db';
import {
  findAgenciesByIds,
  findAgencyByCode,
  findAncestorIds,
  findLineage,
  insertAgency,
  listAgencies,
  recordSuccessionEvent,
  resolveCurrentSuccessors,
  updateAgency,
} from '@motcua/db/organization';
import type { AppDeps } from '../deps';
import { contextOf, requireOfficer } from '../identity/guards';

/** Today in Vietnam (the legal calendar's date of an instant). */
const legalDateOf = (instant: Date): string => formatDate(localDayOf(instant.getTime()));

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export async function organizationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/agencies',
    {
      schema: {
        tags: ['organization'],
        summary: 'List agencies as a list or a tree, by level and kind, as of a date (default today)',
        querystring: listAgenciesQuery,
        response: { 200: listAgenciesResponse, 400: problemSchema },
      },
    },
    async (request) => {
      const { shape, level, kind, history } = request.query;
      const asOf = history === 'true' ? null : (request.query.asOf ?? legalDateOf(deps.clock.now()));
      const agencies = await listAgencies(deps.db, { level, kind, ...(asOf ? { asOf } : {}) });
      const codes = await codesOf(deps.db, agencies);
      const dtos = agencies.map((a) => toDto(a, codes));
      return { asOf, agencies: shape === 'tree' ? toTree(dtos) : dtos.map((d) => ({ ...d, children: [] })) };
    },
  );

  api.get(
    '/agencies/:code',
    {
      schema: {
        tags: ['organization'],
        summary: 'One agency with its predecessors, successors and who answers for it today',
        params: agencyCodeParams,
        response: { 200: agencyDetailResponse, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const agency = await getAgency(deps.db, request.params.code);
      const lineage = await findLineage(deps.db, agency.id);
      const current = await resolveCurrentSuccessors(deps.db, agency.id, legalDateOf(deps.clock.now()));
      const related = new Map(
        (
          await findAgenciesByIds(deps.db, [
            ...lineage.predecessors.map((p) => p.agencyId),
            ...lineage.successors.map((s) => s.agencyId),
            ...current,
            ...(agency.parentId ? [agency.parentId] : []),
          ])
        ).map((a) => [a.id, a]),
      );
      const entry = (l: { agencyId: string; effectiveOn: string; eventKind: string }) => ({
        code: related.get(l.agencyId)!.code,
        name: related.get(l.agencyId)!.name,
        effectiveOn: l.effectiveOn,
        eventKind: l.eventKind,
      });
      return {
        ...toDto(agency, new Map([...related].map(([id, a]) => [id, a.code]))),
        predecessors: lineage.predecessors.map(entry),
        successors: lineage.successors.map(entry),
        currentSuccessors: current.map((id) => ({ code: related.get(id)?.code ?? agency.code, name: related.get(id)?.name ?? agency.name })),
      };
    },
  );

  api.post(
    '/agencies',
    {
      schema: {
        tags: ['organization'],
        summary: 'Create an agency (system administrator)',
        body: createAgencyBody,
        response: { 201: agencySchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ['system_administrator']);
      const body = request.body;
      assertCode(body.code);
      const parent = body.parentCode ? await getAgency(deps.db, body.parentCode, 'parentCode') : null;
      assertAdministers(actor, parent ? [parent.id] : []);
      const created = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const agency = await insertAgency(uow.tx, { ...body, parentId: parent?.id ?? null });
        if (!agency) throw new DomainErrorException(domainError('AGENCY_CODE_TAKEN', `Code ${body.code} is taken`, { field: 'code' }));
        uow.audit.record({
          action: 'organization.agency.create',
          targetType: 'agency',
          targetId: agency.id,
          agencyId: agency.id,
          summary: { code: agency.code, name: agency.name, kind: agency.kind, level: agency.level },
        });
        return agency;
      });
      return reply.code(201).send(toDto(created, new Map(parent ? [[parent.id, parent.code]] : [])));
    },
  );

  api.patch(
    '/agencies/:code',
    {
      schema: {
        tags: ['organization'],
        summary: 'Correct an agency’s names, kind or parent (system administrator)',
        params: agencyCodeParams,
        body: updateAgencyBody,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request, ['system_administrator']);
      const agency = await getAgency(deps.db, request.params.code);
      const { parentCode, ...rest } = request.body;
      const parent = parentCode ? await getAgency(deps.db, parentCode, 'parentCode') : parentCode === null ? null : undefined;
      assertAdministers(actor, [agency.id, ...(parent ? [parent.id] : [])]);
      const updated = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        // a parent under the agency (or the agency itself) would make a cycle and drop the branch from the tree
        if (parent && (parent.id === agency.id || (await findAncestorIds(uow.tx, parent.id)).includes(agency.id))) {
          throw new DomainErrorException(
            domainError('AGENCY_PARENT_INVALID', `${parent.code} is ${agency.code} or under it`, { field: 'parentCode' }),
          );
        }
        const changes = { ...rest, ...(parent !== undefined ? { parentId: parent?.id ?? null } : {}) };
        const result = (await updateAgency(uow.tx, agency.id, changes))!;
        uow.audit.record({
          action: 'organization.agency.update',
          targetType: 'agency',
          targetId: agency.id,
          agencyId: agency.id,
          summary: { code: agency.code, changes: request.body },
        });
        return result;
      });
      return toDto(updated, await codesOf(deps.db, [updated]));
    },
  );

  api.post(
    '/agencies/:code/end',
    {
      schema: {
        tags: ['organization'],
        summary: 'End an agency on a date without successor (system administrator)',
        params: agencyCodeParams,
        body: endAgencyBody,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request, ['system_administrator']);
      const agency = await getAgency(deps.db, request.params.code);
      assertAdministers(actor, [agency.id]);
      if (request.body.effectiveTo < agency.effectiveFrom) {
        throw new DomainErrorException(
          domainError('AGENCY_NOT_ACTIVE', 'An agency cannot end before it began', { field: 'effectiveTo' }),
        );
      }
      const ended = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const result = (await updateAgency(uow.tx, agency.id, { effectiveTo: request.body.effectiveTo }))!;
        uow.audit.record({
          action: 'organization.agency.end',
          targetType: 'agency',
          targetId: agency.id,
          agencyId: agency.id,
          summary: { code: agency.code, effectiveTo: request.body.effectiveTo, legalReference: request.body.legalReference ?? null },
        });
        return result;
      });
      return toDto(ended, await codesOf(deps.db, [ended]));
    },
  );

  api.post(
    '/agency-successions',
    {
      schema: {
        tags: ['organization'],
        summary: 'Record a merge, split or rename: predecessors end the day before, successors answer for them',
        body: successionBody,
        response: { 201: successionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ['system_administrator']);
      const body = request.body;
      const invalid = (message: string) =>
        new DomainErrorException(domainError('AGENCY_SUCCESSION_INVALID', message));
      if (body.kind === 'merge' && body.successorCodes.length !== 1) throw invalid('A merge has exactly one successor');
      if (body.kind === 'split' && body.predecessorCodes.length !== 1) throw invalid('A split has exactly one predecessor');
      if (body.kind === 'rename' && (body.predecessorCodes.length !== 1 || body.successorCodes.length !== 1)) {
        throw invalid('A rename links one agency to one');
      }
      if (body.predecessorCodes.some((c) => body.successorCodes.includes(c))) throw invalid('An agency cannot succeed itself');
      const predecessors = await Promise.all(body.predecessorCodes.map((c) => getAgency(deps.db, c, 'predecessorCodes')));
      const successors = await Promise.all(body.successorCodes.map((c) => getAgency(deps.db, c, 'successorCodes')));
      assertAdministers(actor, [...predecessors, ...successors].map((a) => a.id));
      for (const s of successors) {
        if (s.effectiveFrom > body.effectiveOn || (s.effectiveTo !== null && s.effectiveTo < body.effectiveOn)) {
          throw new DomainErrorException(
            domainError('AGENCY_NOT_ACTIVE', `${s.code} does not exist on ${body.effectiveOn}`, { field: 'successorCodes' }),
          );
        }
      }
      const eventId = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const id = await recordSuccessionEvent(uow.tx, {
          kind: body.kind,
          effectiveOn: body.effectiveOn,
          legalReference: body.legalReference ?? null,
          note: body.note ?? null,
          predecessorIds: predecessors.map((a) => a.id),
          successorIds: successors.map((a) => a.id),
          recordedAt: uow.context.now,
        });
        uow.audit.record({
          action: `organization.agency.${body.kind}`,
          targetType: 'agency_event',
          targetId: id,
          summary: { predecessors: body.predecessorCodes, successors: body.successorCodes, effectiveOn: body.effectiveOn },
        });
        return id;
      });
      return reply.code(201).send({ eventId });
    },
  );
}

function assertCode(code: string): void {
  const parsed = parseAgencyCode(code);
  if (!parsed.ok) throw new DomainErrorException(parsed.error);
}

/** The agency of `code`, or AGENCY_NOT_FOUND naming the field that held the code (the form shows it there). */
async function getAgency(db: Queryable, code: string, field = 'code'): Promise<Agency> {
  const agency = await findAgencyByCode(db, code);
  if (!agency) throw new DomainErrorException(domainError('AGENCY_NOT_FOUND', `No agency ${code}`, { field }));
  return agency;
}

/** Agencies are public, so a system administrator acting outside their agencies is refused (403), not hidden. */
function assertAdministers(actor: OfficerActor, agencyIds: readonly string[]): void {
  const inScope =
    agencyIds.length > 0
      ? agencyIds.every((id) => actor.visibleAgencyIds.includes(id))
      : // a new root agency: only an administrator whose grant spans sub-agencies
        actor.grants.some((g) => g.role === 'system_administrator' && g.includeSubAgencies);
  if (!inScope) {
    throw new DomainErrorException(domainError('FORBIDDEN', 'The agency is outside the agencies you administer'));
  }
}

async function codesOf(db: Queryable, agencies: readonly Agency[]): Promise<Map<string, string>> {
  const parentIds = [...new Set(agencies.map((a) => a.parentId).filter((id): id is string => id !== null))];
  const known = new Map(agencies.map((a) => [a.id, a.code]));
  const missing = parentIds.filter((id) => !known.has(id));
  for (const a of await findAgenciesByIds(db, missing)) known.set(a.id, a.code);
  return known;
}

function toDto(agency: Agency, codes: ReadonlyMap<string, string>): AgencyDto {
  return { ...agency, parentCode: agency.parentId ? (codes.get(agency.parentId) ?? null) : null };
}

/** Nests a flat list by parent; agencies whose parent is not in the list become roots. */
function toTree(agencies: readonly AgencyDto[]): AgencyTreeNode[] {
  const nodes = new Map<string, AgencyTreeNode>(agencies.map((a) => [a.id, { ...a, children: [] }]));
  const roots: AgencyTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
