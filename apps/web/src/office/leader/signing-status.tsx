/**
 * The signing progress of one approved result: polls GET …/documents/{id}/signing until it is signed (with the
 * signers and the signed file's download) or given up, and says in plain words why it waits (no usable
 * certificate for the agency: an administrator imports one; the job retries by itself).
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { signingStatusResponse, type SigningStatusResponse } from '@motcua/contracts/signatures';
import { api, useErrorText } from '../../api';
import { Spinner, StatusTag } from '../../ui';
import { useInstantText } from './office-time';

export type SigningState = SigningStatusResponse['state'];
const settled = (state: SigningState | undefined) => state === 'signed' || state === 'failed';

export function SigningStatus({
  dossierId,
  documentId,
  onState,
  pollMilliseconds = 1500,
}: {
  dossierId: string;
  documentId: string;
  onState?: (state: SigningState) => void;
  pollMilliseconds?: number;
}) {
  const { t } = useTranslation('leader');
  const instant = useInstantText();
  const errorText = useErrorText();
  const status = useQuery({
    queryKey: ['signing', dossierId, documentId],
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(dossierId)}/documents/${encodeURIComponent(documentId)}/signing`, signingStatusResponse, { signal }),
    refetchInterval: (query) => (settled(query.state.data?.state) ? false : pollMilliseconds),
  });
  const state = status.data?.state;
  useEffect(() => {
    if (state) onState?.(state);
  }, [state, onState]);
  if (status.isError) return <span role="alert">{t('signing.unknown', { reason: errorText(status.error) })}</span>;
  if (!status.data) return <Spinner label={t('signing.checking')} />;
  const s = status.data;
  const tone = s.state === 'signed' ? 'success' : s.state === 'failed' ? 'danger' : s.state === 'retrying' ? 'warning' : 'info';
  return (
    <span className="signing-status">
      <StatusTag tone={tone}>{t(`signing.states.${s.state}`)}</StatusTag>{' '}
      {s.state === 'signed' && (
        <>
          {t('signing.signedBy', { signers: s.signers.map((x) => `${x.commonName ?? '—'} (${t(`signing.purposes.${x.purpose}`)})`).join(', ') })}{' '}
          {s.signedUrl && (
            <a href={s.signedUrl} download>
              {t('signing.download')}
            </a>
          )}
        </>
      )}
      {(s.state === 'retrying' || s.state === 'failed') && (
        <span role="alert">
          {t(s.problem === 'no_certificate' ? 'signing.noCertificate' : 'signing.error')}{' '}
          {s.state === 'retrying' && s.nextAttemptAt ? t('signing.retryAt', { at: instant(s.nextAttemptAt) }) : t('signing.askAdmin')}
        </span>
      )}
    </span>
  );
}
