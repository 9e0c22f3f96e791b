/**
 * The applicant's profile and organisations (citizens only; each sees only their own):
 *   GET  /portal/profile                 — the profile; before the first save, what the account knows (rowVersion 0)
 *   PUT  /portal/profile                 — save it under its row version (409 STALE_VERSION otherwise)
 *   GET  /portal/organisations           — the businesses the citizen acts for
 *   POST /portal/organisations           — add one (tax code checked, 409 CONFLICT when already listed)
 *   PUT  /portal/organisations/:id       — change one
 *   DELETE /portal/organisations/:id     — remove one
 * Every write is audited in its transaction; the audit summary names the changed fields, never their values.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { problemSchema } from '@motcua/contracts';
import {
  idParams,
  organisationBody,
  organisationSchema,
  organisationsResponse,
  profileBody,
  profileResponse,
  type Organisation,
} from '@motcua/contracts/portal';
import { scopeOf, withUnitOfWork } from '@motcua/db';
import { findCitizenInScope } from '@motcua/db/identity';
import {
  addOrganisation,
  findProfile,
  listOrganisations,
  removeOrganisation,
  reviseOrganisation,
  saveProfile,
  type CitizenOrganisation,
  type CitizenProfile,
} from '@motcua/db/portal';
import type { AppDeps } from '../deps';
import { contextOf, requireCitizen } from '../identity/guards';
import { notFound, staleVersion } from './portal-errors';

const tags = ['portal'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const profileDto = (p: CitizenProfile) => ({
  fullName: p.fullName,
  identityNumber: p.identityNumber,
  dateOfBirth: p.dateOfBirth,
  phone: p.phone,
  email: p.email,
  address: p.address,
  rowVersion: p.rowVersion,
  updatedAt: p.updatedAt.toISOString(),
});

const organisationDto = (o: CitizenOrganisation): Organisation => ({
  id: o.id,
  name: o.name,
  taxCode: o.taxCode,
  address: o.address,
  representative: o.representative,
  createdAt: o.createdAt.toISOString(),
});

const taxCodeTaken = () =>
  new DomainErrorException(domainError('CONFLICT', 'You already listed an organisation with this tax code', { field: 'taxCode' }));

export async function profileRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/portal/profile',
    { schema: { tags, summary: 'The applicant’s profile that pre-fills forms', response: { 200: profileResponse, ...errors } } },
    async (request) => {
      const actor = requireCitizen(request);
      const scope = scopeOf(actor);
      const profile = await findProfile(deps.db, actor.userId, scope);
      if (profile) return profileDto(profile);
      const account = await findCitizenInScope(deps.db, actor.userId, scope);
      return {
        fullName: account?.displayName ?? actor.displayName,
        identityNumber: null,
        dateOfBirth: null,
        phone: account?.phone ?? null,
        email: account?.email ?? null,
        address: null,
        rowVersion: 0,
        updatedAt: null,
      };
    },
  );

  api.put(
    '/portal/profile',
    { schema: { tags, summary: 'Save the profile under the row version read (0 for the first save)', body: profileBody, response: { 200: profileResponse, ...errors } } },
    async (request) => {
      const actor = requireCitizen(request);
      const { rowVersion, ...fields } = request.body;
      return withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const before = await findProfile(uow.tx, actor.userId, scopeOf(actor));
        const result = await saveProfile(uow.tx, actor.userId, fields, rowVersion, uow.context.now);
        if (!('saved' in result)) throw staleVersion(result.currentVersion);
        const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => !before || before[k] !== fields[k]);
        uow.audit.record({ action: 'portal.profile.save', targetType: 'citizen_profile', targetId: actor.userId, summary: { changed } });
        return profileDto(result.saved);
      });
    },
  );

  api.get(
    '/portal/organisations',
    { schema: { tags, summary: 'The organisations (businesses) the applicant acts for', response: { 200: organisationsResponse, ...errors } } },
    async (request) => {
      const actor = requireCitizen(request);
      return { items: (await listOrganisations(deps.db, scopeOf(actor))).map(organisationDto) };
    },
  );

  api.post(
    '/portal/organisations',
    { schema: { tags, summary: 'Add an organisation with its tax code', body: organisationBody, response: { 201: organisationSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireCitizen(request);
      const created = await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const organisation = await addOrganisation(uow.tx, actor.userId, request.body, uow.context.now);
        if (!organisation) throw taxCodeTaken();
        uow.audit.record({ action: 'portal.organisation.add', targetType: 'citizen_organisation', targetId: organisation.id, summary: { taxCode: organisation.taxCode } });
        return organisationDto(organisation);
      });
      return reply.code(201).send(created);
    },
  );

  api.put(
    '/portal/organisations/:id',
    { schema: { tags, summary: 'Change an organisation', params: idParams, body: organisationBody, response: { 200: organisationSchema, ...errors } } },
    async (request) => {
      const actor = requireCitizen(request);
      return withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        const organisation = await reviseOrganisation(uow.tx, request.params.id, request.body, scopeOf(actor));
        if (organisation === 'taken') throw taxCodeTaken();
        if (!organisation) throw notFound('organisation');
        uow.audit.record({ action: 'portal.organisation.revise', targetType: 'citizen_organisation', targetId: organisation.id, summary: { taxCode: organisation.taxCode } });
        return organisationDto(organisation);
      });
    },
  );

  api.delete(
    '/portal/organisations/:id',
    { schema: { tags, summary: 'Remove an organisation', params: idParams, response: { 204: z.null().describe('Removed'), ...errors } } },
    async (request, reply) => {
      const actor = requireCitizen(request);
      await withUnitOfWork(deps.db, contextOf(request, deps.clock), async (uow) => {
        if (!(await removeOrganisation(uow.tx, request.params.id, scopeOf(actor), uow.context.now))) throw notFound('organisation');
        uow.audit.record({ action: 'portal.organisation.remove', targetType: 'citizen_organisation', targetId: request.params.id });
      });
      return reply.code(204).send(null);
    },
  );
}
