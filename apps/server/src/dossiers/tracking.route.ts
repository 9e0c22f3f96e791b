/**
 * Public tracking without an account: the dossier code plus a second factor the applicant knows — the last four
 * digits of the phone number given at submission — sent in a header (GET) or in the body (POST), never in the URL.
 * The answer is the status, the timeline and the due time: nothing personal. A wrong code and a wrong factor
 * answer the same, and attempts are rate-limited per client address.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { isDossierCode, matchesTrackingFactor, nationalStatusOf, trackingViewOf } from '@motcua/core/dossiers';
import { trackingBody, trackingParams, trackingResponse } from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { findDossierByCode, listDossierEvents } from '@motcua/db/dossiers';
import type { AppDeps } from '../deps';
import { iso } from './dossier.dto';
import { dossierServices } from './dossier.services';

const FACTOR_HEADER = 'x-phone-last4';

export async function trackingRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = dossierServices(deps);
  const rateLimit = { rateLimit: { max: deps.config.dossiers.trackingRateLimitPerMinute, timeWindow: '1 minute' } };

  async function track(code: string, factor: string | undefined) {
    const noMatch = () => new DomainErrorException(domainError('DOSSIER_TRACKING_FACTOR', 'No dossier matches this code and verification'));
    if (!isDossierCode(code) || !factor || !/^\d{4}$/.test(factor)) throw noMatch();
    const dossier = await findDossierByCode(deps.db, code);
    if (!dossier || !matchesTrackingFactor(dossier, factor)) throw noMatch();
    const events = await listDossierEvents(deps.db, dossier.id);
    const view = trackingViewOf(dossier, events, nationalStatusOf(dossier.state, services.policy.statusMapping));
    return {
      code: view.code,
      procedureName: view.procedureName,
      status: view.status,
      statusName: view.statusName,
      receivedAt: iso(view.receivedAt),
      dueAt: iso(view.dueAt),
      extendedDueAt: iso(view.extendedDueAt),
      returnedAt: iso(view.returnedAt),
      timeline: view.timeline.map((t) => ({ ...t, at: t.at.toISOString() })),
    };
  }

  const schema = {
    tags: ['tracking'],
    params: trackingParams,
    response: { 200: trackingResponse, 400: problemSchema, 404: problemSchema, 429: problemSchema },
  };

  api.get(
    '/tracking/:code',
    {
      config: rateLimit,
      schema: {
        ...schema,
        summary: 'Track a dossier by its code; the last 4 digits of the applicant’s phone in the X-Phone-Last4 header',
        headers: z.object({ [FACTOR_HEADER]: z.string().optional() }),
      },
    },
    async (request) => track(request.params.code, request.headers[FACTOR_HEADER] as string | undefined),
  );

  api.post(
    '/tracking/:code',
    {
      config: rateLimit,
      schema: { ...schema, summary: 'Track a dossier by its code; the last 4 digits of the applicant’s phone in the body', body: trackingBody },
    },
    async (request) => track(request.params.code, request.body.phoneLast4),
  );
}
