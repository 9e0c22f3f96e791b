/**
 * Tracking without an account: the dossier code and the last 4 digits of the applicant's phone, sent in a POST
 * body (never in the URL). Shows the status, the due time and the timeline — nothing personal.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { trackingResponse } from '@motcua/contracts/dossiers';
import { api, checkFields, isApiError, noFormErrors, useErrorText, type FormErrors } from '../api';
import { usePageTitle } from '../shell/page-title';
import { Button, FormErrorSummary, TextField } from '../ui';
import { DossierStatus, DossierTimeline, DueTime, formatInstant } from './dossier-view';
import './citizen.css';

const codePattern = /^[0-9A-Z]+(\.[0-9A-Z]+)*-\d{6}-\d{4,}$|^[A-Z]\d{2}\.[0-9A-Z]{3}\.[0-9A-Z]{2}-\d{6}-\d{6,}$/;

export default function TrackPage() {
  const { t, i18n } = useTranslation(['citizen', 'common']);
  const errorText = useErrorText();
  usePageTitle(t('track.title'));
  const [params] = useSearchParams();
  const [code, setCode] = useState(() => params.get('ma') ?? '');
  const [phoneLast4, setPhoneLast4] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const track = useMutation({
    mutationFn: (input: { code: string; phoneLast4: string }) =>
      api.post(`/tracking/${encodeURIComponent(input.code)}`, { phoneLast4: input.phoneLast4 }, trackingResponse),
    onError: (error) => {
      const message =
        isApiError(error) && error.status === 404
          ? t('track.notFound')
          : isApiError(error) && error.code === 'RATE_LIMITED'
            ? t('track.rateLimited')
            : errorText(error);
      setErrors({ fields: {}, summary: [{ message }] });
    },
    onSuccess: () => setErrors(noFormErrors),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const normalisedCode = code.trim().toUpperCase();
    const digits = phoneLast4.trim();
    const problems = checkFields([
      ['code', 'track-code', !normalisedCode ? t('track.codeRequired') : !codePattern.test(normalisedCode) && t('track.codeFormat')],
      ['phoneLast4', 'track-phone', !/^\d{4}$/.test(digits) && t('track.phoneFormat')],
    ]);
    if (problems) {
      setErrors(problems);
      return;
    }
    track.mutate({ code: normalisedCode, phoneLast4: digits });
  }

  const result = track.data;
  return (
    <div className="page page--narrow">
      <h1>{t('track.title')}</h1>
      <p className="lead">{t('track.lead')}</p>
      <FormErrorSummary errors={errors.summary} />
      <form noValidate onSubmit={submit} className="form">
        <TextField
          id="track-code"
          label={t('track.code')}
          hint={t('track.codeHint')}
          required
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={code}
          error={errors.fields.code}
          onChange={(e) => setCode(e.target.value)}
        />
        <TextField
          id="track-phone"
          label={t('track.phone')}
          hint={t('track.phoneHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={phoneLast4}
          error={errors.fields.phoneLast4}
          onChange={(e) => setPhoneLast4(e.target.value)}
        />
        <Button type="submit" busy={track.isPending}>
          {t('track.submit')}
        </Button>
      </form>

      {result && (
        <section className="card tracking-result" aria-labelledby="tracking-result" aria-live="polite">
          <h2 id="tracking-result">{t('track.result', { code: result.code })}</h2>
          <dl className="facts">
            <div>
              <dt>{t('track.procedure')}</dt>
              <dd>{result.procedureName}</dd>
            </div>
            <div>
              <dt>{t('track.status')}</dt>
              <dd>
                <DossierStatus status={result.status} />
              </dd>
            </div>
            {result.receivedAt && (
              <div>
                <dt>{t('track.receivedAt')}</dt>
                <dd>{formatInstant(result.receivedAt, i18n.language)}</dd>
              </div>
            )}
            {result.returnedAt && (
              <div>
                <dt>{t('track.returnedAt')}</dt>
                <dd>{formatInstant(result.returnedAt, i18n.language)}</dd>
              </div>
            )}
          </dl>
          <DueTime dueAt={result.dueAt} extendedDueAt={result.extendedDueAt} status={result.status} />
          <DossierTimeline entries={result.timeline} />
          <p className="field__hint">
            {t('track.privacy')} <Link to="/login">{t('common:account.signIn')}</Link>
          </p>
        </section>
      )}
    </div>
  );
}
