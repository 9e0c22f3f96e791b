/**
 * Public verification of signed documents (/verify, and /xac-thuc/:id — the link in each issued document's QR
 * code). With an id it first shows MotCua's record of that document; anyone can then upload a PDF (progress shown)
 * and read the verdict: signatures intact and trusted, who signed for which agency and when, whether the bytes
 * are exactly what MotCua issued, and whether the document was later replaced.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { issuedDocumentResponse, verificationResponse, type VerificationResponse } from '@motcua/contracts/signatures';
import { VerificationResult } from './verify-result';
import { api, apiErrorFromProblem, currentCsrfToken, isApiError, useErrorText } from '../api';
import { usePageTitle } from '../shell/page-title';
import { Button, FormErrorSummary, Progress, Spinner } from '../ui';
import { formatInstant } from '../citizen/dossier-view';
import '../citizen/citizen.css';
import './verify.css';

const MAX_MB = 20;

/** POST /api/v1/verify with the file as the body, reporting upload progress (fetch cannot). */
function uploadForVerification(file: File, onProgress: (fraction: number) => void): Promise<VerificationResponse> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/verify');
    request.setRequestHeader('content-type', 'application/pdf');
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', document.documentElement.lang || 'vi');
    const csrf = currentCsrfToken();
    if (csrf) request.setRequestHeader('x-csrf-token', csrf);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(apiErrorFromProblem(0, undefined));
    request.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(request.responseText) as unknown;
      } catch {
        json = undefined;
      }
      if (request.status !== 200) return reject(apiErrorFromProblem(request.status, json));
      try {
        resolve(verificationResponse.parse(json));
      } catch {
        reject(apiErrorFromProblem(500, undefined));
      }
    };
    request.send(file);
  });
}

export default function VerifyPage() {
  const { t, i18n } = useTranslation(['verify', 'common']);
  const errorText = useErrorText();
  usePageTitle(t('title'));
  const { id } = useParams();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<VerificationResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const record = useQuery({
    queryKey: ['verify-record', id],
    queryFn: () => api.get(`/verify/documents/${encodeURIComponent(id ?? '')}`, issuedDocumentResponse),
    enabled: id !== undefined,
    retry: false,
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setResult(null);
    if (!file) return setError(t('upload.required'));
    if (file.size > MAX_MB * 1024 * 1024) return setError(t('upload.tooLarge', { max: MAX_MB }));
    setError(null);
    setProgress(0);
    try {
      setResult(await uploadForVerification(file, setProgress));
    } catch (caught) {
      const code = isApiError(caught) ? caught.code : '';
      setError(
        code === 'VERIFICATION_NOT_PDF' || code === 'UNSUPPORTED_MEDIA_TYPE'
          ? t('upload.notPdf')
          : code === 'PAYLOAD_TOO_LARGE'
            ? t('upload.tooLarge', { max: MAX_MB })
            : code === 'RATE_LIMITED'
              ? t('upload.rateLimited')
              : isApiError(caught) && caught.status > 0 && caught.status < 500
                ? errorText(caught)
                : t('upload.failed'),
      );
    } finally {
      setProgress(null);
    }
  }

  const when = (value: string | null) => (value ? formatInstant(value, i18n.language) : '—');
  const expected = record.data;

  return (
    <div className="page page--narrow verify-page">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>

      {id !== undefined && record.isPending && <Spinner />}
      {id !== undefined && record.isError && (
        <p className="notice notice--warning" role="alert">
          {isApiError(record.error) && record.error.status === 404 ? t('record.notFound') : errorText(record.error)}
        </p>
      )}
      {expected && (
        <section className="card verify-record" aria-labelledby="verify-record-heading">
          <h2 id="verify-record-heading">{t('record.heading')}</h2>
          {expected.isReplaced && <p className="notice notice--warning">{t('record.replaced')}</p>}
          <dl className="facts">
            <div>
              <dt>{t('record.title')}</dt>
              <dd>{expected.title ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('record.agency')}</dt>
              <dd>{expected.agencyName ?? '—'}</dd>
            </div>
            {expected.dossierCode && (
              <div>
                <dt>{t('record.dossierCode')}</dt>
                <dd>{expected.dossierCode}</dd>
              </div>
            )}
            <div>
              <dt>{t('record.signedAt')}</dt>
              <dd>{expected.signedAt ? when(expected.signedAt) : t('record.notSigned')}</dd>
            </div>
            <div>
              <dt>{t('record.sha256')}</dt>
              <dd className="verify-hash">{expected.sha256}</dd>
            </div>
          </dl>
          <p className="field__hint">{t('record.compareHint')}</p>
        </section>
      )}

      {error && <FormErrorSummary errors={[{ message: error }]} />}
      <form noValidate onSubmit={submit} className="form verify-form">
        <div className="field">
          <label htmlFor="verify-file" className="field__label">
            {t('upload.label')}
          </label>
          <p id="verify-file-hint" className="field__hint">
            {t('upload.hint', { max: MAX_MB })}
          </p>
          <input
            ref={fileInput}
            id="verify-file"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby="verify-file-hint"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
        {progress !== null && (
          <div aria-live="polite">
            {progress < 1 ? <Progress label={t('upload.progress')} value={Math.round(progress * 100)} /> : <Spinner label={t('upload.checking')} />}
          </div>
        )}
        <Button type="submit" busy={progress !== null}>
          {t('upload.submit')}
        </Button>
      </form>

      <div aria-live="polite">{result && <VerificationResult result={result} expectedSha256={expected?.sha256 ?? null} when={when} />}</div>
    </div>
  );
}
