/**
 * GET /portal/notifications — the notices sent about the citizen's own dossiers, each with the text the e-mail
 * carried (rendered again from its event by the same function the mailer uses), newest first, at most 100.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { renderApplicantNotice } from '@motcua/core/dossiers';
import { problemSchema } from '@motcua/contracts';
import { notificationsResponse } from '@motcua/contracts/portal';
import { scopeOf } from '@motcua/db';
import { findDossier, listDossierEvents } from '@motcua/db/dossiers';
import { listOwnDeliveries } from '@motcua/db/portal';
import type { AppDeps } from '../deps';
import { requireCitizen } from '../identity/guards';
import { dossierServices } from '../dossiers/dossier.services';

export async function notificationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = dossierServices(deps);
  api.get(
    '/portal/notifications',
    {
      schema: {
        tags: ['portal'],
        summary: 'The e-mails and text messages sent about your dossiers, with their text',
        response: { 200: notificationsResponse, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const actor = requireCitizen(request);
      const deliveries = await listOwnDeliveries(deps.db, scopeOf(actor));
      const loaded = new Map<string, Awaited<ReturnType<typeof load>>>();
      async function load(dossierId: string) {
        const dossier = await findDossier(deps.db, actor, dossierId);
        return dossier ? { dossier, events: await listDossierEvents(deps.db, dossierId) } : null;
      }
      const items = [];
      for (const delivery of deliveries) {
        if (!loaded.has(delivery.dossierId)) loaded.set(delivery.dossierId, await load(delivery.dossierId));
        const found = loaded.get(delivery.dossierId);
        const event = found?.events.find((e) => e.id === delivery.eventId);
        if (!found || !event) continue;
        const notice = renderApplicantNotice(found.dossier, event, found.dossier.code ? services.trackingUrl(found.dossier.code) : null);
        items.push({
          id: delivery.id,
          dossierId: delivery.dossierId,
          dossierCode: found.dossier.code,
          procedureName: found.dossier.procedure.procedureName,
          channel: delivery.channel,
          status: delivery.status,
          createdAt: delivery.createdAt.toISOString(),
          sentAt: delivery.sentAt?.toISOString() ?? null,
          subject: notice.subject,
          text: delivery.channel === 'sms' ? notice.shortText : notice.text,
        });
      }
      return { items };
    },
  );
}
