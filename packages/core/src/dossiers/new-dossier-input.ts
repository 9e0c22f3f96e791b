/**
 * A new dossier's input as a use case receives it (the procedure case named by version and case code), resolved
 * against the catalogue into the transition's input.
 */
import { err, ok, type Result } from '../shared/index';
import { domainError } from '../shared/index';
import type { Party, PostalData, ReceivedDocument } from './dossier';
import type { DossierError } from './dossier.errors';
import type { EntryPoint, ProcedureCaseReader } from './dossier.ports';
import type { NewDossierInput } from './reception';

export interface NewDossierRequest {
  readonly procedureVersionId: string;
  readonly caseCode: string;
  readonly receivingAgencyId: string;
  readonly parties: readonly Party[];
  readonly documents: readonly ReceivedDocument[];
  readonly setCount: number;
  readonly summary: string;
  readonly returnMethod: 'counter' | 'postal' | 'online';
  readonly entryPoint: EntryPoint;
  readonly postal: PostalData | null;
}

export async function resolveNewDossier(
  cases: ProcedureCaseReader,
  request: NewDossierRequest,
): Promise<Result<NewDossierInput, DossierError>> {
  const procedure = await cases.findCase(request.procedureVersionId, request.caseCode, request.receivingAgencyId);
  if (!procedure) {
    return err(domainError('NOT_FOUND', 'No such procedure case', { entity: 'procedure case' }));
  }
  const { procedureVersionId: _v, caseCode: _c, ...rest } = request;
  return ok({ ...rest, procedure });
}
