/**
 * Use case: the counter does not receive — it guides the applicant once to complete the dossier (Form 02, no code,
 * no clock), or refuses it with reasons (Form 03). Both are recorded so that the desk's work stays visible.
 */
import { err, ok, type Result } from '../shared/index';
import type { Dossier } from './dossier';
import type { DossierError } from './dossier.errors';
import type { ProcedureCaseReader } from './dossier.ports';
import { resolveNewDossier, type NewDossierRequest } from './new-dossier-input';
import { guideAtCounter, refuseAtCounter } from './reception';
import { recordTransition, transitionContext, type DossierUseCaseDeps } from './record-transition';

export type CounterConclusion =
  | { readonly outcome: 'guide'; readonly items: readonly string[]; readonly reason: string }
  | { readonly outcome: 'refuse'; readonly reason: string };

export async function concludeAtCounter(
  deps: DossierUseCaseDeps & { readonly cases: ProcedureCaseReader },
  request: NewDossierRequest,
  conclusion: CounterConclusion,
): Promise<Result<Dossier, DossierError>> {
  const input = await resolveNewDossier(deps.cases, request);
  if (!input.ok) return input;
  const context = await transitionContext(deps, request.receivingAgencyId);
  const transition =
    conclusion.outcome === 'guide'
      ? guideAtCounter({ ...input.value, items: conclusion.items, reason: conclusion.reason }, context)
      : refuseAtCounter({ ...input.value, reason: conclusion.reason }, context);
  if (!transition.ok) return err(transition.error);
  return ok(await recordTransition(deps, null, transition.value));
}
