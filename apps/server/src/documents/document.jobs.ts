/**
 * The outbox handler of topic `document.render` (enqueued by the dossier engine for every event that issues a
 * form): renders the form from the event's data and stores it once. A retry finds the stored document and stops.
 */
import { issueEventForm } from '@motcua/core/documents';
import { runDocumentUseCase } from '@motcua/db/documents';
import type { AppDeps } from '../deps';
import { PermanentJobError, type JobHandler } from '../jobs/job-runner';
import { documentServices } from './document.services';

export const documentTopics = { render: 'document.render' } as const;

export function documentJobHandlers(deps: AppDeps): Record<string, JobHandler> {
  const services = documentServices(deps);
  return {
    [documentTopics.render]: async (payload, context) => {
      const eventId = String(payload.eventId ?? '');
      const result = await runDocumentUseCase(
        context.db,
        { actor: { kind: 'system', name: 'document.render' }, now: context.clock.now() },
        services,
        (useCaseDeps) => issueEventForm(useCaseDeps, eventId),
      );
      if (!result.ok) {
        throw new PermanentJobError(result.error.kind === 'no_event' ? `No event ${eventId}` : result.error.detail);
      }
    },
  };
}
