/** Use case: an applicant submits a dossier online (status 1); the desk's reception check starts. */
import { err, ok, type Result } from '../shared/index';
import type { Dossier } from './dossier';
import type { DossierError } from './dossier.errors';
import type { ProcedureCaseReader } from './dossier.ports';
import { resolveNewDossier, type NewDossierRequest } from './new-dossier-input';
import { submitOnline } from './reception';
import { recordTransition, transitionContext, type DossierUseCaseDeps } from './record-transition';

export async function submitDossierOnline(
  deps: DossierUseCaseDeps & { readonly cases: ProcedureCaseReader },
  request: NewDossierRequest,
): Promise<Result<Dossier, DossierError>> {
  const input = await resolveNewDossier(deps.cases, request);
  if (!input.ok) return input;
  const transition = submitOnline(input.value, await transitionContext(deps, request.receivingAgencyId));
  if (!transition.ok) return err(transition.error);
  return ok(await recordTransition(deps, null, transition.value));
}
