/**
 * Use case: any action on an existing dossier (a command). Loads the dossier locked for the transaction, checks the
 * version the caller saw (If-Match), runs the transition on the right legal clock, and records it. Receiving an
 * online dossier also assigns its code and ledger row.
 */
import { domainError, err, ok, type Result } from '../shared/index';
import { applyCommand, type DossierCommand } from './commands';
import type { Dossier } from './dossier';
import type { DossierError } from './dossier.errors';
import { assignReception } from './reception-assignment';
import { recordTransition, transitionContext, type DossierUseCaseDeps } from './record-transition';

/** A command as the API sends it: receiving an online dossier gets its code here, not from the caller. */
export type DossierAction = Exclude<DossierCommand, { type: 'receive' }> | { readonly type: 'receive' };

/** Reception decisions run on the desk's calendar; everything after, on the competent agency's. */
function clockAgency(dossier: Dossier): string {
  return dossier.state === 'submitted' ? dossier.receivingAgencyId : dossier.competentAgencyId;
}

export async function actOnDossier(
  deps: DossierUseCaseDeps,
  dossierId: string,
  action: DossierAction,
  expectedVersion: number | null,
): Promise<Result<Dossier, DossierError>> {
  const dossier = await deps.store.find(dossierId, { forUpdate: true });
  if (!dossier) return err(domainError('NOT_FOUND', `No dossier ${dossierId}`, { entity: 'dossier' }));
  if (expectedVersion !== null && expectedVersion !== dossier.version) {
    return err(
      domainError('STALE_VERSION', `The dossier is at version ${dossier.version}, not ${expectedVersion}`, {
        version: dossier.version,
      }),
    );
  }
  let command: DossierCommand;
  if (action.type === 'receive') {
    if (dossier.state !== 'submitted') {
      return err(domainError('DOSSIER_INVALID_STATE', `Cannot receive a dossier in state ${dossier.state}`, { state: dossier.state }));
    }
    const assignment = await assignReception(deps.store, deps.policy, {
      receivingAgencyId: dossier.receivingAgencyId,
      competentAgencyId: dossier.competentAgencyId,
      receivedAt: deps.now,
      isCentrallyProvided: dossier.procedure.isCentrallyProvided,
    });
    if (!assignment.ok) return assignment;
    command = { type: 'receive', assignment: assignment.value };
  } else {
    command = action;
  }
  const transition = applyCommand(dossier, command, await transitionContext(deps, clockAgency(dossier)));
  if (!transition.ok) return err(transition.error);
  return ok(await recordTransition(deps, dossier, transition.value));
}
