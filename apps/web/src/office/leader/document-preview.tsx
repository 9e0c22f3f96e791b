/**
 * A PDF or an image shown inside the page. The content routes answer "attachment" (downloads), so the bytes are
 * fetched with the session and shown from a blob: URL (allowed by the app's Content-Security-Policy); the URL of
 * the file carries ids only, nothing personal.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorFromProblem, useErrorText } from '../../api';
import { Spinner } from '../../ui';

export const isPreviewable = (mediaType: string) => mediaType === 'application/pdf' || mediaType.startsWith('image/');

export function DocumentPreview({ url, mediaType, title }: { url: string; mediaType: string; title: string }) {
  const { t } = useTranslation('leader');
  const errorText = useErrorText();
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    setObjectUrl(null);
    setError(null);
    fetch(url, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw apiErrorFromProblem(r.status, await r.json().catch(() => undefined));
        made = URL.createObjectURL(new Blob([await r.arrayBuffer()], { type: mediaType }));
        if (live) setObjectUrl(made);
      })
      .catch((e: unknown) => live && setError(e));
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [url, mediaType]);
  if (error) return <p role="alert">{t('preview.failed', { reason: errorText(error) })}</p>;
  if (!objectUrl) return <Spinner label={t('preview.loading')} />;
  return mediaType === 'application/pdf' ? (
    <iframe className="document-preview" src={objectUrl} title={title} />
  ) : (
    <img className="document-preview" src={objectUrl} alt={title} />
  );
}
