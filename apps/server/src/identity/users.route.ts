/**
 * Accounts as records: officers (seen by system administrators and agency leaders of the same agencies) and
 * citizens (seen only by themselves). Out of scope answers exactly like absent: 404 USER_NOT_FOUND.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError, type OfficerActor } from '@motcua/core';
import { problemSchema } from '@motcua/contracts';
import {
  citizenSchema,
  createOfficerBody,
  grantParams,
  grantRoleBody,
  idParams,
  officerGrantSchema,
  officerListResponse,
  officerSchema,
  revokedSessionsResponse,
} from '@motcua/contracts/identity';
import { scopeOf, withUnitOfWork, type Queryable } from '@motcua/db';
import {
  findCitizenInScope,
  findOfficerInScope,
  grantRole,
  listActiveGrants,
  listOfficersInScope,
  revokeGrant,
  revokeUserSessions,
  setTotpSecret,
  type User,
} from '@motcua/db/identity';
import { findAgencyByCode } from '@motcua/db/organization';
import type { AppDeps } from '../deps';
import { contextOf, requireCitizen, requireOfficer } from './guards';
import { hashPassword } from './passwords';
import { registerOfficer } from './user-admin';

const ADMIN_ROLES = ['system_administrator'] as const;
const READ_ROLES = ['system_administrator', 'agency_leader'] as const;
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const userNotFound = (id: string) => new DomainErrorException(domainError('USER_NOT_FOUND', `No user ${id}`));

async function officerDto(q: Queryable, user: User) {
  const grants = await listActiveGrants(q, user.id);
  return {
    id: user.id,
    displayName: user.displayName,
    email: user.email,
    isTotpEnrolled: user.totpEnrolledAt !== null,
    isActive: user.isActive,
    isDemo: user.isDemo,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role,
      agencyId: g.agencyId,
      agencyCode: g.agencyCode,
      agencyName: g.agencyName,
      includeSubAgencies: g.includeSubAgencies,
    })),
  };
}

/** The agency of a grant the administrator gives: must exist and lie within the administrator's agencies. */
async function administeredAgency(q: Queryable, actor: OfficerActor, code: string) {
  const agency = await findAgencyByCode(q, code);
  if (!agency) throw new DomainErrorException(domainError('AGENCY_NOT_FOUND', `No agency ${code}`, { field: 'agencyCode' }));
  if (!actor.visibleAgencyIds.includes(agency.id)) {
    throw new DomainErrorException(domainError('FORBIDDEN', 'The agency is outside the agencies you administer'));
  }
  return agency;
}

export async function userRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/officers',
    {
      schema: { tags: ['identity'], summary: 'Officers of the agencies you administer', response: { 200: officerListResponse, ...errors } },
    },
    async (request) => {
      const actor = requireOfficer(request, READ_ROLES);
      const officers = await listOfficersInScope(deps.db, scopeOf(actor));
      return { officers: await Promise.all(officers.map((o) => officerDto(deps.db, o))) };
    },
  );

  api.get(
    '/officers/:id',
    {
      schema: { tags: ['identity'], summary: 'One officer, if within your agencies', params: idParams, response: { 200: officerSchema, ...errors } },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const isSelf = actor.userId === request.params.id;
      if (!isSelf) requireOfficer(request, READ_ROLES);
      const scope = isSelf ? { kind: 'all' as const } : scopeOf(actor);
      const officer = await findOfficerInScope(deps.db, request.params.id, scope);
      if (!officer) throw userNotFound(request.params.id);
      return officerDto(deps.db, officer);
    },
  );

  api.post(
    '/officers',
    {
      schema: {
        tags: ['identity'],
        summary: 'Create an officer account with a first role (system administrator)',
        body: createOfficerBody,
        response: { 201: officerSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ADMIN_ROLES);
      const body = request.body;
      const agency = await administeredAgency(deps.db, actor, body.agencyCode);
      const passwordHash = await hashPassword(body.password);
      const created = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const user = await registerOfficer(uow, {
          email: body.email.trim().toLowerCase(),
          displayName: body.displayName,
          passwordHash,
          role: body.role,
          agency,
          includeSubAgencies: body.includeSubAgencies,
        });
        if (!user) throw new DomainErrorException(domainError('AUTH_ALREADY_REGISTERED', 'The e-mail address is taken', { field: 'email' }));
        return officerDto(uow.tx, user);
      });
      return reply.code(201).send(created);
    },
  );

  api.post(
    '/officers/:id/grants',
    {
      schema: { tags: ['identity'], summary: 'Grant a role on an agency (system administrator)', params: idParams, body: grantRoleBody, response: { 201: officerGrantSchema, ...errors } },
    },
    async (request, reply) => {
      const actor = requireOfficer(request, ADMIN_ROLES);
      const officer = await findOfficerInScope(deps.db, request.params.id, scopeOf(actor));
      if (!officer) throw userNotFound(request.params.id);
      const agency = await administeredAgency(deps.db, actor, request.body.agencyCode);
      const { role, includeSubAgencies } = request.body;
      const grant = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const id = await grantRole(uow.tx, { userId: officer.id, role, agencyId: agency.id, includeSubAgencies, grantedAt: uow.context.now });
        if (!id) throw new DomainErrorException(domainError('CONFLICT', 'The officer already has this role on this agency'));
        uow.audit.record({
          action: 'identity.role.grant',
          targetType: 'role_grant',
          targetId: id,
          agencyId: agency.id,
          summary: { userId: officer.id, role, agencyCode: agency.code, includeSubAgencies },
        });
        return { id, role, agencyId: agency.id, agencyCode: agency.code, agencyName: agency.name, includeSubAgencies };
      });
      return reply.code(201).send(grant);
    },
  );

  api.delete(
    '/officers/:id/grants/:grantId',
    {
      schema: { tags: ['identity'], summary: 'Revoke a role grant (system administrator)', params: grantParams, response: { 200: officerGrantSchema, ...errors } },
    },
    async (request) => {
      const actor = requireOfficer(request, ADMIN_ROLES);
      const officer = await findOfficerInScope(deps.db, request.params.id, scopeOf(actor));
      if (!officer) throw userNotFound(request.params.id);
      return withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const grant = await revokeGrant(uow.tx, officer.id, request.params.grantId, uow.context.now);
        if (!grant || !actor.visibleAgencyIds.includes(grant.agencyId)) {
          throw new DomainErrorException(domainError('ROLE_GRANT_NOT_FOUND', 'No such active grant'));
        }
        uow.audit.record({
          action: 'identity.role.revoke',
          targetType: 'role_grant',
          targetId: grant.id,
          agencyId: grant.agencyId,
          summary: { userId: officer.id, role: grant.role, agencyCode: grant.agencyCode },
        });
        const { grantedAt: _grantedAt, ...dto } = grant;
        return dto;
      });
    },
  );

  api.post(
    '/officers/:id/sessions/revoke',
    {
      schema: { tags: ['identity'], summary: 'Sign an officer out everywhere (system administrator)', params: idParams, response: { 200: revokedSessionsResponse, ...errors } },
    },
    async (request) => {
      const actor = requireOfficer(request, ADMIN_ROLES);
      const officer = await findOfficerInScope(deps.db, request.params.id, scopeOf(actor));
      if (!officer) throw userNotFound(request.params.id);
      const revokedSessions = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const n = await revokeUserSessions(uow.tx, officer.id, uow.context.now, 'admin');
        uow.audit.record({ action: 'identity.session.revoke', targetType: 'user', targetId: officer.id, summary: { sessions: n, by: 'admin' } });
        return n;
      });
      return { revokedSessions };
    },
  );

  api.post(
    '/officers/:id/totp/reset',
    {
      schema: {
        tags: ['identity'],
        summary: 'Reset an officer’s second factor (system administrator): the secret is cleared, every session ends, the next sign-in enrols again',
        params: idParams,
        response: { 200: revokedSessionsResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireOfficer(request, ADMIN_ROLES);
      const officer = await findOfficerInScope(deps.db, request.params.id, scopeOf(actor));
      if (!officer) throw userNotFound(request.params.id);
      const revokedSessions = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        await setTotpSecret(uow.tx, officer.id, null, null);
        const n = await revokeUserSessions(uow.tx, officer.id, uow.context.now, '2fa-reset');
        uow.audit.record({ action: 'identity.totp.reset', targetType: 'user', targetId: officer.id, summary: { revokedSessions: n, by: 'admin' } });
        return n;
      });
      return { revokedSessions };
    },
  );

  api.get(
    '/citizens/:id',
    {
      schema: { tags: ['identity'], summary: 'A citizen’s own account', params: idParams, response: { 200: citizenSchema, ...errors } },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const citizen = await findCitizenInScope(deps.db, request.params.id, scopeOf(actor));
      if (!citizen) throw userNotFound(request.params.id);
      return {
        id: citizen.id,
        displayName: citizen.displayName,
        email: citizen.email,
        phone: citizen.phone,
        hasPassword: citizen.passwordHash !== null,
        createdAt: citizen.createdAt.toISOString(),
      };
    },
  );
}
