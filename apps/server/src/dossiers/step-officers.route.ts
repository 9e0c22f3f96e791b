/**
 * The officers a department head or agency leader may assign a workflow step to (the inbox's bulk assignment):
 * active officers holding the step's role at the step's agency. Only for heads and leaders of that agency (or of
 * an ancestor with its sub-agencies); an agency outside the officer's agencies answers 404 like an unknown one.
 * The assignment itself is the dossier action `POST /dossiers/{id}/steps/{stepId}/assignment` (an event and an
 * audit row), which checks the assignee against the same list.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError, type OfficerActor, type OfficerRole } from '@motcua/core';
import { actsFor } from '@motcua/core/dossiers';
import { stepOfficersQuery, stepOfficersResponse } from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { listStepOfficers } from '@motcua/db/identity';
import type { AppDeps } from '../deps';
import { requireOfficer } from '../identity/guards';

export const assigningRoles: readonly OfficerRole[] = ['department_head', 'agency_leader'];

/** 404 outside the officer's agencies, 403 inside them without a head's or leader's grant reaching the agency. */
export function requireAssigner(actor: OfficerActor, agencyId: string): void {
  if (!actor.visibleAgencyIds.includes(agencyId)) {
    throw new DomainErrorException(domainError('NOT_FOUND', 'No such agency', { entity: 'agency' }));
  }
  if (!actsFor(actor, assigningRoles, agencyId)) {
    throw new DomainErrorException(domainError('FORBIDDEN', 'Only a department head or agency leader of this agency assigns its steps'));
  }
}

export async function stepOfficerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/step-officers',
    {
      schema: {
        tags: ['dossier actions'],
        summary: 'Officers a department head or agency leader may assign a step to: the role at the agency (names only)',
        querystring: stepOfficersQuery,
        response: { 200: stepOfficersResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const { agencyId, role } = request.query;
      requireAssigner(actor, agencyId);
      return { officers: await listStepOfficers(deps.db, { agencyId, role }) };
    },
  );
}
