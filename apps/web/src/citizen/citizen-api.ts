/** The citizen pages' calls: profile, drafts, submission, and file uploads with progress. */
import { currentCsrfToken, fetchSession, apiErrorFromProblem, ApiError } from '../api';

export const queryKeys = {
  profile: ['portal', 'profile'] as const,
  organisations: ['portal', 'organisations'] as const,
  drafts: ['portal', 'drafts'] as const,
  draft: (id: string) => ['portal', 'drafts', id] as const,
  dossiers: ['dossiers', 'mine'] as const,
  dossier: (id: string) => ['dossiers', id] as const,
};

export interface UploadTarget {
  dossierId: string;
  file: File;
  purpose: 'document' | 'supplement' | 'result';
  requiredDocumentCode: string | null;
}

/**
 * Uploads one file to a dossier (multipart), reporting progress 0–1, and answers the server's JSON (the attachment,
 * with its SHA-256; the caller parses it). XMLHttpRequest because fetch has no upload progress. Failures become an
 * ApiError like every other call. The officer's result upload (office/dossier/result-upload.tsx) uses it too.
 */
export async function uploadAttachment(target: UploadTarget, onProgress: (fraction: number) => void): Promise<unknown> {
  const token = currentCsrfToken() ?? (await fetchSession()).csrfToken;
  const form = new FormData();
  form.append('purpose', target.purpose);
  if (target.requiredDocumentCode) form.append('requiredDocumentCode', target.requiredDocumentCode);
  form.append('file', target.file, target.file.name);
  return new Promise<unknown>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/dossiers/${target.dossierId}/attachments`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', document.documentElement.lang || 'vi');
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText) as unknown;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(json);
        return;
      }
      reject(apiErrorFromProblem(xhr.status, json));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', '', {}, null));
    xhr.send(form);
  });
}

/** 1536000 → "1,5 MB". */
export function formatBytes(bytes: number, language: string): string {
  const mb = bytes / (1024 * 1024);
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 1 });
  return mb >= 1 ? `${format.format(mb)} MB` : `${format.format(bytes / 1024)} KB`;
}

/** Today in Huế as YYYY-MM-DD (the legal date the declaration's dates are checked against). */
export function legalToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}
