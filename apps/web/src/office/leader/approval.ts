/**
 * The leader's approval of one dossier, through the dossier API: complete the active step held by the leader role
 * (conditional on the version seen, If-Match), then — when no step is left — record the result (status 9, result
 * ready at the desk). Signing is the signing module's (not on main yet): the result is recorded unsigned.
 */
import { dossierSchema } from '@motcua/contracts/dossiers';
import { apiRequest, type Infer } from '../../api';

export type Dossier = Infer<typeof dossierSchema>;

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

export async function approve(dossier: Dossier, stepId: string, approval: Approval): Promise<Dossier> {
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
        documentNumber: approval.documentNumber.trim() || null,
        summary: approval.summary.trim() || defaultSummary(dossier),
      },
      schema: dossierSchema,
      headers: { 'if-match': `"${next.version}"` },
    });
  }
  return next;
}
