/**
 * Assigning what a reception needs from the database: the dossier code (format in force, the day's gapless
 * sequence of its prefix) and the desk ledger row. Called inside the reception's transaction: a refused or failed
 * reception rolls the numbers back with it.
 */
import { err, ok, type Result } from '../shared/index';
import { domainError } from '../shared/index';
import type { DossierError } from './dossier.errors';
import { formatDossierCode, localDateOf, selectCodeFormat } from './dossier-code';
import type { DossierStore } from './dossier-store.ports';
import type { DossierPolicy } from './policy';
import type { ReceptionAssignment } from './reception';

export async function assignReception(
  store: DossierStore,
  policy: DossierPolicy,
  input: {
    readonly receivingAgencyId: string;
    readonly competentAgencyId: string;
    readonly receivedAt: Date;
    readonly isCentrallyProvided: boolean;
  },
): Promise<Result<ReceptionAssignment, DossierError>> {
  const receivingUnitCode = await store.agencyCode(input.receivingAgencyId);
  const decidingAgencyCode = await store.agencyCode(input.competentAgencyId);
  if (!receivingUnitCode || !decidingAgencyCode) {
    return err(domainError('NOT_FOUND', 'The receiving desk or the competent agency does not exist', { entity: 'agency' }));
  }
  const codeInput = {
    receivingUnitCode,
    decidingAgencyCode,
    receivedAt: input.receivedAt,
    isCentrallyProvided: input.isCentrallyProvided,
    centralSystemDigits: policy.centralSystemDigits,
  };
  const format = selectCodeFormat(codeInput, policy.codeFormats);
  const prefix = format.prefix(codeInput);
  const localDate = localDateOf(input.receivedAt);
  const sequence = await store.nextCodeSequence(prefix, localDate);
  const year = Number(localDate.slice(0, 4));
  const number = await store.nextLedgerNumber(input.receivingAgencyId, year);
  return ok({
    code: formatDossierCode(prefix, sequence, format.minDigits),
    codeFormat: format.id,
    ledgerEntry: { deskAgencyId: input.receivingAgencyId, year, number },
  });
}
