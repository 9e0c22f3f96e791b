/** Mapping the aggregate and the read models to the API's shapes (instants as ISO strings). */
import {
  controlSheetOf,
  formFor,
  nationalChannelCode,
  nationalStatusNames,
  nationalStatusOf,
  type Dossier,
  type DossierEvent,
  type DossierPolicy,
} from '@motcua/core/dossiers';
import type { DossierDto } from '@motcua/contracts/dossiers';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
const isoOf = (d: Date): string => d.toISOString();

export function toDossierDto(d: Dossier, policy: DossierPolicy, receptionCheckDueAt: Date | null): DossierDto {
  const status = nationalStatusOf(d.state, policy.statusMapping);
  return {
    id: d.id,
    version: d.version,
    code: d.code,
    codeFormat: d.codeFormat,
    state: d.state,
    nationalStatus: status,
    nationalStatusName: status ? nationalStatusNames[status] : null,
    channel: d.channel,
    nationalChannel: nationalChannelCode[d.channel],
    entryPoint: d.entryPoint,
    procedure: {
      versionId: d.procedure.procedureVersionId,
      code: d.procedure.procedureCode,
      name: d.procedure.procedureName,
      caseCode: d.procedure.caseCode,
      caseName: d.procedure.caseName,
    },
    receivingAgencyId: d.receivingAgencyId,
    competentAgencyId: d.competentAgencyId,
    currentAgencyId: d.currentAgencyId,
    isBoundaryFree: d.isBoundaryFree,
    summary: d.summary,
    parties: d.parties.map((p) => ({ ...p })),
    documents: d.documents.map((x) => ({ ...x })),
    setCount: d.setCount,
    returnMethod: d.returnMethod,
    postal: d.postal
      ? {
          handoverMinutesSignedAt: iso(d.postal.handoverMinutesSignedAt),
          handoverMinutesNumber: d.postal.handoverMinutesNumber,
          submissionWaybills: [...d.postal.submissionWaybills],
          returnByPost: d.postal.returnByPost,
          deliveryAddress: d.postal.deliveryAddress,
        }
      : null,
    ledger: d.ledgerEntry ? { year: d.ledgerEntry.year, number: d.ledgerEntry.number } : null,
    submittedAt: isoOf(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    competentReceivedAt: iso(d.competentReceivedAt),
    clockStartedAt: iso(d.clockStartedAt),
    initialDueAt: iso(d.initialDueAt),
    dueAt: iso(d.dueAt),
    extendedDueAt: iso(d.extendedDueAt),
    clockPausedAt: iso(d.clockPausedAt),
    transferDueAt: iso(d.transferDueAt),
    transferredAt: iso(d.transferredAt),
    receptionCheckDueAt: iso(receptionCheckDueAt),
    processingEndedAt: iso(d.processingEndedAt),
    timeliness: d.timeliness,
    closedAt: iso(d.closedAt),
    steps: d.steps.map((s) => ({
      id: s.id,
      order: s.order,
      name: s.name,
      agencyId: s.agencyId,
      role: s.role,
      budgetHours: s.budgetHours,
      status: s.status,
      assigneeId: s.assigneeId,
      assigneeName: s.assigneeName,
      activatedAt: iso(s.activatedAt),
      dueAt: iso(s.dueAt),
      completedAt: iso(s.completedAt),
      round: s.round,
    })),
    supplementRequests: d.supplementRequests.map((r) => ({
      id: r.id,
      stage: r.stage,
      requestedAt: isoOf(r.requestedAt),
      items: [...r.items],
      reason: r.reason,
      isLate: r.isLate,
      providedAt: iso(r.providedAt),
      dueAtBefore: iso(r.dueAtBefore),
      dueAtAfter: iso(r.dueAtAfter),
    })),
    extensions: d.extensions.map((e) => ({
      id: e.id,
      requestedAt: isoOf(e.requestedAt),
      reason: e.reason,
      previousDueAt: isoOf(e.previousDueAt),
      newDueAt: isoOf(e.newDueAt),
    })),
    consultations: d.consultations.map((c) => ({
      id: c.id,
      stepId: c.stepId,
      toAgencyId: c.toAgencyId,
      question: c.question,
      requestedAt: isoOf(c.requestedAt),
      dueAt: isoOf(c.dueAt),
      answeredAt: iso(c.answeredAt),
      answer: c.answer,
    })),
    interAgencyLegs: d.interAgencyLegs.map((l) => ({
      id: l.id,
      order: l.order,
      agencyId: l.agencyId,
      task: l.task,
      status: l.status,
      dueAt: iso(l.dueAt),
      completedAt: iso(l.completedAt),
      outcome: l.outcome,
    })),
    financialObligations: d.financialObligations.map((o) => ({
      id: o.id,
      requestedAt: isoOf(o.requestedAt),
      items: o.items.map((i) => ({ ...i })),
      totalAmount: o.totalAmount,
      pausesClock: o.pausesClock,
      paidAt: iso(o.paidAt),
    })),
    result: d.result
      ? {
          recordedAt: isoOf(d.result.recordedAt),
          kind: d.result.kind,
          documentNumber: d.result.documentNumber,
          summary: d.result.summary,
          attachmentIds: [...d.result.attachmentIds],
        }
      : null,
    dossierReturn: d.dossierReturn
      ? {
          method: d.dossierReturn.method,
          handedOverAt: isoOf(d.dossierReturn.handedOverAt),
          receiverName: d.dossierReturn.receiverName,
          receiverRole: d.dossierReturn.receiverRole,
          waybillNumber: d.dossierReturn.waybillNumber,
          deliveredAt: iso(d.dossierReturn.deliveredAt),
        }
      : null,
  };
}

export function toEventDto(e: DossierEvent & { seq: number }) {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    at: isoOf(e.at),
    actorKind: e.actorKind,
    actorName: e.actorName,
    agencyId: e.agencyId,
    fromState: e.fromState,
    toState: e.toState,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    form: e.form ? { ...e.form } : null,
    formData: e.formData ? { ...e.formData } : null,
    details: { ...e.details },
  };
}

export function toControlSheetDto(d: Dossier, policy: DossierPolicy, now: Date) {
  const sheet = controlSheetOf(d);
  const form = formFor('control_sheet', d.receivedAt ?? now, policy.formSets);
  return {
    dossierCode: sheet.dossierCode,
    form: { set: form.set, number: form.number, title: form.title },
    receivedAt: iso(sheet.receivedAt),
    dueAt: iso(sheet.dueAt),
    extendedDueAt: iso(sheet.extendedDueAt),
    timeliness: sheet.timeliness,
    rows: sheet.rows.map((h) => ({
      seq: h.seq,
      kind: h.kind,
      fromAgencyId: h.fromAgencyId,
      fromName: h.fromName,
      toAgencyId: h.toAgencyId,
      toRole: h.toRole,
      handedOverAt: isoOf(h.at),
      dueAt: iso(h.dueAt),
      completedAt: iso(h.completedAt),
      timeliness: h.timeliness,
      note: h.note,
    })),
  };
}

export { iso };
