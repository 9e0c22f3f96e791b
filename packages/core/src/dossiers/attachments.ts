/**
 * Attachments of a dossier: the documents the applicant submits or supplements (scanned at the counter or uploaded
 * online) and the result files. The type is judged by content (magic bytes), never by name: PDF, JPEG, PNG, DOCX,
 * XLSX. Sizes are limited per file and per dossier. A file the applicant already gave in an earlier dossier can be
 * attached again without uploading it (NĐ 118 Art. 4(2a): do not ask again for what the state holds).
 */
import { domainError, type Actor } from '../shared/index';
import type { Dossier } from './dossier';
import type { DossierError } from './dossier.errors';
import { actsFor } from './guards';
import { isTerminal } from './dossier-state';

export const attachmentMediaTypes = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type AttachmentMediaType = (typeof attachmentMediaTypes)[keyof typeof attachmentMediaTypes];

export type AttachmentPurpose = 'document' | 'supplement' | 'result';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const needle = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The media type of a file from its bytes, or null when it is none of the accepted ones. DOCX and XLSX are ZIP
 * packages told apart by their part names (stored uncompressed in the ZIP directory).
 */
export function detectMediaType(bytes: Uint8Array): AttachmentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return attachmentMediaTypes.pdf; // %PDF-
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return attachmentMediaTypes.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return attachmentMediaTypes.png;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && containsAscii(bytes, '[Content_Types].xml')) {
    if (containsAscii(bytes, 'word/document.xml')) return attachmentMediaTypes.docx;
    if (containsAscii(bytes, 'xl/workbook.xml')) return attachmentMediaTypes.xlsx;
  }
  return null;
}

export interface AttachmentLimits {
  readonly maxFileBytes: number;
  readonly maxDossierBytes: number;
}

/** Checks a file against the accepted types and the limits, given what the dossier already holds. */
export function checkAttachment(
  file: { readonly sizeBytes: number; readonly mediaType: AttachmentMediaType | null },
  limits: AttachmentLimits,
  dossierBytesSoFar: number,
): DossierError | null {
  if (file.mediaType === null) {
    return domainError('DOSSIER_ATTACHMENT_TYPE', 'Attachments must be PDF, JPEG, PNG, DOCX or XLSX (judged by content)', {
      accepted: Object.keys(attachmentMediaTypes),
    });
  }
  if (file.sizeBytes > limits.maxFileBytes) {
    return domainError('DOSSIER_ATTACHMENT_TOO_LARGE', `A file may have at most ${limits.maxFileBytes} bytes`, {
      maxBytes: limits.maxFileBytes,
    });
  }
  if (dossierBytesSoFar + file.sizeBytes > limits.maxDossierBytes) {
    return domainError('DOSSIER_ATTACHMENTS_TOO_LARGE', `A dossier may hold at most ${limits.maxDossierBytes} bytes of files`, {
      maxBytes: limits.maxDossierBytes,
    });
  }
  return null;
}

/**
 * Who may attach what: the applicant to their own open dossier (documents and supplements); the receiving desk
 * (scans at reception, supplements); the competent agency's officers (results, while processing).
 */
export function mayAttach(actor: Actor, dossier: Dossier, purpose: AttachmentPurpose): DossierError | null {
  if (isTerminal(dossier.state)) {
    return domainError('DOSSIER_INVALID_STATE', `Cannot attach files to a dossier in state ${dossier.state}`, { state: dossier.state });
  }
  const owner = actor.kind === 'citizen' && dossier.ownerUserId === actor.userId;
  const desk = actsFor(actor, ['reception_officer', 'desk_supervisor'], dossier.receivingAgencyId);
  const agency =
    actsFor(actor, ['specialist', 'department_head', 'agency_leader'], dossier.competentAgencyId) ||
    dossier.steps.some((s) => s.status === 'active' && actsFor(actor, [s.role], s.agencyId));
  if (purpose === 'result' && agency && dossier.state !== 'processing') {
    // The right officer at the wrong time (the dossier left processing while their page was open): say so.
    return domainError('DOSSIER_INVALID_STATE', `A result is attached while the dossier is processed, not in state ${dossier.state}`, { state: dossier.state });
  }
  const allowed = purpose === 'result' ? agency : owner || desk || agency;
  if (allowed) return null;
  return domainError('DOSSIER_ACTOR_NOT_ALLOWED', `You may not attach a ${purpose} to this dossier`, { purpose });
}

/** Names are kept for display only: control characters and path parts are dropped, length bounded. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'tep';
  const cleaned = base.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || 'tep';
}
