/**
 * The leader's approval of one dossier, through the dossier and documents APIs: approve the result document the
 * specialist drafted (POST …/documents/{id}/approval — this queues its signing: the leader's personal certificate,
 * then the agency seal), complete the active step held by the leader role (conditional on the version seen,
 * If-Match), then — when no step is left — record the result (status 9, result ready at the desk).
 * The document is approved first: if that is refused (replaced meanwhile), nothing else has changed.
 */
import { attachmentListResponse, dossierSchema } from '@motcua/contracts/dossiers';
import { documentListResponse, issuedDocumentSchema } from '@motcua/contracts/documents';
import { api, apiRequest, type Infer } from '../../api';
import { resultFileChoices } from '../dossier/result-files';

export type Dossier = Infer<typeof dossierSchema>;
export type IssuedDocument = Infer<typeof issuedDocumentSchema>;

export interface Approval {
  note: string;
  documentNumber: string;
  summary: string;
}

export function leaderStep(dossier: Dossier, leaderAgencyIds: readonly string[]) {
  return dossier.steps.find((s) => s.status === 'active' && s.role === 'agency_leader' && leaderAgencyIds.includes(s.agencyId)) ?? null;
}

/** Whether completing this step ends the workflow (nothing pending after it): approving then records the result. */
export function isLastStep(dossier: Dossier, stepId: string): boolean {
  return dossier.steps.every((s) => s.id === stepId || s.status === 'completed');
}

export function defaultSummary(dossier: Dossier): string {
  return `Đồng ý giải quyết: ${dossier.procedure.caseName}`;
}

/** The result draft in force: the newest result document not replaced by another. */
export function currentResult(documents: readonly IssuedDocument[]): IssuedDocument | null {
  const drafts = documents.filter((d) => d.kind === 'result' && !d.replacedBy);
  return drafts.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

export async function loadResult(dossierId: string): Promise<IssuedDocument | null> {
  const list = await api.get(`/dossiers/${encodeURIComponent(dossierId)}/documents`, documentListResponse);
  return currentResult(list.items);
}

/** The result files the leader saw beside the result (not a result document's own file), recorded with it. */
async function resultFileIds(dossierId: string): Promise<string[]> {
  const id = encodeURIComponent(dossierId);
  const [files, documents] = await Promise.all([api.get(`/dossiers/${id}/attachments`, attachmentListResponse), api.get(`/dossiers/${id}/documents`, documentListResponse)]);
  return resultFileChoices(files.items, documents.items).map((a) => a.id);
}

export async function approve(dossier: Dossier, stepId: string, approval: Approval, result: IssuedDocument | null): Promise<Dossier> {
  if (result && !result.approvedAt) {
    await api.post(`/dossiers/${dossier.id}/documents/${result.id}/approval`, {}, issuedDocumentSchema);
  }
  const last = isLastStep(dossier, stepId);
  let next = await apiRequest('POST', `/dossiers/${dossier.id}/steps/${stepId}/completion`, {
    body: { note: approval.note.trim() || null },
    schema: dossierSchema,
    headers: { 'if-match': `"${dossier.version}"` },
  });
  if (last && next.state === 'processing') {
    next = await apiRequest('POST', `/dossiers/${dossier.id}/result`, {
      body: {
        kind: 'granted',
        documentNumber: approval.documentNumber.trim() || result?.documentNumber || null,
        summary: approval.summary.trim() || defaultSummary(dossier),
        attachmentIds: await resultFileIds(dossier.id),
      },
      schema: dossierSchema,
      headers: { 'if-match': `"${next.version}"` },
    });
  }
  return next;
}
