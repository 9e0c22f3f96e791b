/**
 * The dossier's files (docs/dossiers.md, attachments): upload a scan (multipart, the type judged by the server from
 * the content), list them, and preview a PDF or an image in the page. The download answers "attachment", so the
 * preview fetches the bytes and shows them from a blob: URL (allowed by the app's Content-Security-Policy).
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { attachmentListResponse, attachmentSchema } from '@motcua/contracts/dossiers';
import { ApiError, api, apiErrorFromProblem, currentCsrfToken, fetchSession, useErrorText, type Infer } from '../../api';
import { Button, Spinner } from '../../ui';
import { dossiersKey } from './desk-queries';

export type Attachment = Infer<typeof attachmentSchema>;

export async function uploadAttachment(dossierId: string, file: File, requiredDocumentCode?: string): Promise<Attachment> {
  const form = new FormData();
  form.append('purpose', 'document');
  if (requiredDocumentCode) form.append('requiredDocumentCode', requiredDocumentCode);
  form.append('file', file, file.name);
  const csrf = currentCsrfToken() ?? (await fetchSession()).csrfToken ?? '';
  let response: Response;
  try {
    response = await fetch(`/api/v1/dossiers/${encodeURIComponent(dossierId)}/attachments`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'accept-language': document.documentElement.lang || 'vi', 'x-csrf-token': csrf },
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '', {}, null);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw apiErrorFromProblem(response.status, json);
  return attachmentSchema.parse(json);
}

export function useAttachments(dossierId: string) {
  return useQuery({
    queryKey: [...dossiersKey, 'attachments', dossierId],
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(dossierId)}/attachments`, attachmentListResponse, { signal }),
  });
}

const previewable = (mediaType: string) => mediaType === 'application/pdf' || mediaType.startsWith('image/');

function Preview({ dossierId, attachment }: { dossierId: string; attachment: Attachment }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    fetch(`/api/v1/dossiers/${encodeURIComponent(dossierId)}/attachments/${encodeURIComponent(attachment.id)}/content`, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw apiErrorFromProblem(r.status, await r.json().catch(() => undefined));
        const blob = new Blob([await r.arrayBuffer()], { type: attachment.mediaType });
        objectUrl = URL.createObjectURL(blob);
        if (live) setUrl(objectUrl);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [dossierId, attachment.id, attachment.mediaType]);
  if (error) return <p role="alert">{errorText(error)}</p>;
  if (!url) return <Spinner label={t('attachments.loading')} />;
  return attachment.mediaType === 'application/pdf' ? (
    <iframe className="attachment-preview" src={url} title={t('attachments.previewOf', { name: attachment.fileName })} />
  ) : (
    <img className="attachment-preview" src={url} alt={t('attachments.previewOf', { name: attachment.fileName })} />
  );
}

export function AttachmentList({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const list = useAttachments(dossierId);
  const [open, setOpen] = useState<string | null>(null);
  if (list.isPending) return <Spinner label={t('attachments.loading')} />;
  if (list.error) return <p role="alert">{errorText(list.error)}</p>;
  if (list.data.items.length === 0) return <p>{t('attachments.none')}</p>;
  return (
    <ul className="attachments">
      {list.data.items.map((a) => (
        <li key={a.id}>
          {a.fileName} ({Math.ceil(a.sizeBytes / 1024)} KB, {t(`attachments.purposes.${a.purpose}`)})
          {previewable(a.mediaType) && (
            <>
              {' '}
              <Button variant="link" aria-expanded={open === a.id} onClick={() => setOpen(open === a.id ? null : a.id)}>
                {open === a.id ? t('attachments.hide', { name: a.fileName }) : t('attachments.show', { name: a.fileName })}
              </Button>
            </>
          )}
          {open === a.id && <Preview dossierId={dossierId} attachment={a} />}
        </li>
      ))}
    </ul>
  );
}
