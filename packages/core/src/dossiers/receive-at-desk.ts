/**
 * Use case: a reception officer receives a dossier at the counter or a postal dossier (T1, QĐ 45/2016 Art. 7):
 * code, ledger row, Form 01, clock; the applicant is told.
 */
import { err, ok, type Result } from '../shared/index';
import type { Dossier } from './dossier';
import type { DossierError } from './dossier.errors';
import type { ProcedureCaseReader } from './dossier.ports';
import { resolveNewDossier, type NewDossierRequest } from './new-dossier-input';
import { receiveAtDesk } from './reception';
import { assignReception } from './reception-assignment';
import { recordTransition, transitionContext, type DossierUseCaseDeps } from './record-transition';

export async function receiveDossierAtDesk(
  deps: DossierUseCaseDeps & { readonly cases: ProcedureCaseReader },
  request: NewDossierRequest & { readonly channel: 'counter' | 'postal'; readonly ownerUserId?: string | null },
): Promise<Result<Dossier, DossierError>> {
  const input = await resolveNewDossier(deps.cases, request);
  if (!input.ok) return input;
  const receivedAt = request.channel === 'postal' ? (request.postal?.handoverMinutesSignedAt ?? deps.now) : deps.now;
  const assignment = await assignReception(deps.store, deps.policy, {
    receivingAgencyId: request.receivingAgencyId,
    competentAgencyId: input.value.procedure.competentAgencyId,
    receivedAt,
    isCentrallyProvided: input.value.procedure.isCentrallyProvided,
  });
  if (!assignment.ok) return assignment;
  const context = await transitionContext(deps, request.receivingAgencyId);
  const transition = receiveAtDesk({ ...input.value, channel: request.channel, ownerUserId: request.ownerUserId ?? null }, assignment.value, context);
  if (!transition.ok) return err(transition.error);
  return ok(await recordTransition(deps, null, transition.value));
}
