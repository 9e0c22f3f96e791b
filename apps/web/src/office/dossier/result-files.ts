/**
 * Pure rules of the dossier's result files (no React): what the browser refuses before uploading a result PDF
 * (the server's own checks: a PDF judged by its first bytes "%PDF-", at most MOTCUA_ATTACHMENT_MAX_FILE_MB, answered
 * by GET /portal/attachment-limits), the state a result document is in for the officer, and which result
 * attachments the "record the result" action carries.
 */
import type { AttachmentDto } from '@motcua/contracts/dossiers';
import type { issuedDocumentSchema } from '@motcua/contracts/documents';
import type { Infer } from '../../api';
import type { Dossier } from '../desk/desk-queries';

type IssuedDocument = Infer<typeof issuedDocumentSchema>;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

export type ResultFileRefusal = 'empty' | 'notPdf' | 'tooLarge';

/**
 * Why the browser refuses this file as an uploaded result, or null: judged like the server (by content, not by the
 * name or the declared type). `head` is the file's first bytes (at least 5); `maxFileBytes` null when unknown yet.
 */
export function refuseResultFile(head: Uint8Array, sizeBytes: number, maxFileBytes: number | null): ResultFileRefusal | null {
  if (sizeBytes === 0) return 'empty';
  if (!PDF_MAGIC.every((b, i) => head[i] === b)) return 'notPdf';
  if (maxFileBytes !== null && sizeBytes > maxFileBytes) return 'tooLarge';
  return null;
}

export type ResultDocumentState = 'replaced' | 'signed' | 'approved' | 'awaitingApproval' | 'draft';
export const resultStateTone = {
  replaced: 'neutral',
  signed: 'success',
  approved: 'info',
  awaitingApproval: 'info',
  draft: 'warning',
} as const satisfies Record<ResultDocumentState, string>;

/**
 * draft (the specialist's) → awaiting approval (the dossier waits at the agency leader's step) → approved, being
 * signed → signed; a draft replaced by a newer one stays listed as replaced.
 */
export function resultDocumentState(document: IssuedDocument, dossier: Pick<Dossier, 'state' | 'steps'>): ResultDocumentState {
  if (document.replacedBy) return 'replaced';
  if (document.signedUrl) return 'signed';
  if (document.approvedAt) return 'approved';
  const active = dossier.steps.find((s) => s.status === 'active');
  if (dossier.state === 'processing' && active?.role === 'agency_leader') return 'awaitingApproval';
  return 'draft';
}

/**
 * The result attachments the "record the result" action offers, each ticked by default — except the files that are
 * the content of a result document: those are approved and signed as that document (the approval queues its
 * signature), so sending them too would sign the same bytes a second time as a loose file, and a replaced draft's
 * file is not the result at all. They are left out of the list.
 */
export function resultFileChoices(attachments: readonly AttachmentDto[], documents: readonly IssuedDocument[]): AttachmentDto[] {
  const documentContent = new Set(documents.filter((d) => d.kind === 'result').map((d) => d.sha256));
  return attachments.filter((a) => a.purpose === 'result' && !documentContent.has(a.sha256));
}
