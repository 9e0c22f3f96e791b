/**
 * The data each form is rendered from (legal-spec §5.3 and, for TT 03/2025, §16.10). Recorded on the event that
 * issued the form; the documents module renders and signs it. Instants stay ISO strings (UTC); the renderer prints
 * them in local time.
 */
import { partyOf, type Dossier, type Party, type SupplementRequest } from './dossier';
import { localDateOf } from './dossier-code';
import { timeLimitFor } from './dossier.ports';

type Data = Record<string, unknown>;

function partyData(party: Party | null): Data | null {
  if (!party) return null;
  return {
    kind: party.kind,
    fullName: party.fullName,
    identityNumber: party.identityNumber,
    address: party.address,
    phone: party.phone,
    email: party.email,
    authorisationDocument: party.authorisationDocument,
  };
}

function common(dossier: Dossier): Data {
  return {
    dossierCode: dossier.code,
    receivingAgencyId: dossier.receivingAgencyId,
    competentAgencyId: dossier.competentAgencyId,
    applicant: partyData(partyOf(dossier, 'applicant')),
    owner: partyData(partyOf(dossier, 'owner')),
    authorised: partyData(partyOf(dossier, 'authorised')),
    procedure: {
      code: dossier.procedure.procedureCode,
      name: dossier.procedure.procedureName,
      caseCode: dossier.procedure.caseCode,
      caseName: dossier.procedure.caseName,
    },
    summary: dossier.summary,
  };
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Form 01: receipt and appointment. */
export function receiptFormData(dossier: Dossier): Data {
  return {
    ...common(dossier),
    documents: dossier.documents.map((d) => ({ ...d })),
    setCount: dossier.setCount,
    timeLimit: timeLimitFor(dossier.procedure, dossier.channel),
    receivedAt: iso(dossier.receivedAt),
    clockStartedAt: iso(dossier.clockStartedAt),
    // A boundary-free dossier's appointment is set when the competent agency receives it (legal-spec §16.3).
    dueAt: iso(dossier.dueAt),
    dueAtPending: dossier.dueAt === null,
    returnMethod: dossier.returnMethod,
    channel: dossier.channel,
    ledger: dossier.ledgerEntry ? { year: dossier.ledgerEntry.year, number: dossier.ledgerEntry.number } : null,
    postal: dossier.postal
      ? {
          handoverMinutesNumber: dossier.postal.handoverMinutesNumber,
          handoverMinutesSignedAt: iso(dossier.postal.handoverMinutesSignedAt),
          waybills: [...dossier.postal.submissionWaybills],
        }
      : null,
  };
}

/** Form 02: supplement request (or guidance at the counter). */
export function supplementFormData(dossier: Dossier, request: Pick<SupplementRequest, 'items' | 'reason' | 'requestedAt' | 'stage'>): Data {
  return {
    ...common(dossier),
    stage: request.stage,
    items: [...request.items],
    reason: request.reason,
    requestedAt: iso(request.requestedAt),
  };
}

/** Form 03: refusal, at reception or after appraisal. */
export function refusalFormData(dossier: Dossier, reasons: string, stage: 'reception' | 'appraisal', at: Date): Data {
  return { ...common(dossier), stage, reasons, refusedAt: iso(at) };
}

/** Form 04: apology and new appointment / extension request. */
export function apologyFormData(dossier: Dossier, reason: string, previousDueAt: Date, newDueAt: Date): Data {
  return {
    ...common(dossier),
    receivedAt: iso(dossier.receivedAt),
    originalDueAt: iso(previousDueAt),
    reason,
    newDueAt: iso(newDueAt),
    // TT 03/2025 Form 04 prints the new return date as day/month/year only (legal-spec §16.10).
    newDueDate: localDateOf(newDueAt),
  };
}

/** Form 05 (TT 03/2025): stop notice, issued only while no decision or result exists. */
export function stopNoticeFormData(dossier: Dossier, reason: string, requestChannel: string, at: Date): Data {
  return {
    ...common(dossier),
    requestedAt: iso(at),
    requestChannel,
    reason,
    statusCheck: 'no decision or result issued',
    issuingAgencyId: dossier.receivingAgencyId,
  };
}
