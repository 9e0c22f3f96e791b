/**
 * A counter form to print is the issued document: the PDF of the receipt (Form 01), the guidance (Form 02) or the
 * refusal (Form 03) that the documents module rendered and stored — the same bytes the dossier keeps, SHA-256 in
 * its documents list — opened in a new tab for the browser's print. The job runner renders it within seconds of the
 * reception; until then the list is asked again every 2 seconds and says where the rendering stands (the list's
 * `pendingForms`). A rendering that failed for good, or is not done after 30 seconds, is said in plain words; the
 * on-page view of the form stays there to print.
 */
import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { documentListResponse } from '@motcua/contracts/documents';
import { api, useErrorText } from '../../api';
import { Button, buttonClass, Spinner } from '../../ui';
import { dossiersKey } from '../desk/desk-queries';

export type CounterFormKind = 'receipt' | 'supplement_request' | 'refusal';

const pollMilliseconds = 2000;
const waitSeconds = 30;

function IssuedFormPdfLink({ dossierId, kind }: { dossierId: string; kind: CounterFormKind }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const [round, setRound] = useState(0);
  const [timedOut, setTimedOut] = useState(false);
  const documents = useQuery({
    queryKey: [...dossiersKey, 'documents', dossierId],
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(dossierId)}/documents`, documentListResponse, { signal }),
    refetchInterval: (query) => {
      const data = query.state.data;
      const settled = data?.items.some((d) => d.kind === kind) || data?.pendingForms?.some((p) => p.kind === kind && p.state === 'failed');
      return settled || timedOut ? false : pollMilliseconds;
    },
  });
  const issued = documents.data?.items.find((d) => d.kind === kind && d.replacedBy === null);
  const pending = documents.data?.pendingForms?.find((p) => p.kind === kind);
  const failed = pending?.state === 'failed';
  useEffect(() => {
    if (issued || failed) return;
    const timer = setTimeout(() => setTimedOut(true), waitSeconds * 1000);
    return () => clearTimeout(timer);
  }, [issued, failed, round]);

  const form = t(`reception.done.formNumbered.${kind}`);
  if (issued) {
    return (
      <a className={buttonClass('primary')} href={issued.contentUrl} target="_blank" rel="noopener" data-sha256={issued.sha256}>
        {t(`forms.print.${kind}`)}
        <span className="visually-hidden"> {t('reception.done.pdfNewTab')}</span>
      </a>
    );
  }
  const checkAgain = () => {
    setTimedOut(false);
    setRound((r) => r + 1);
    void documents.refetch();
  };
  if (failed) {
    return (
      <div className="reception__warning reception__pdf-problem" role="alert">
        <p>{t('reception.done.pdfFailed', { form, attempts: pending.attempts })}</p>
      </div>
    );
  }
  if (timedOut || (documents.error && !documents.data)) {
    return (
      <div className="reception__warning reception__pdf-problem" role="alert">
        <p>
          {documents.error && !documents.data
            ? t('reception.done.pdfListFailed', { reason: errorText(documents.error) })
            : t('reception.done.pdfSlow', { form, seconds: waitSeconds })}
        </p>
        <Button variant="secondary" onClick={checkAgain}>
          {t('reception.done.pdfCheckAgain')}
        </Button>
      </div>
    );
  }
  const label = pending?.state === 'retrying' ? t('reception.done.pdfRetrying', { form, attempts: pending.attempts }) : t('reception.done.pdfPending', { form });
  return <Spinner label={label} />;
}

/** The issued PDF to print first, the form shown on the page second (also what to print when the PDF cannot be had). */
export function CounterFormActions({ dossierId, kind }: { dossierId: string; kind: CounterFormKind }) {
  const { t } = useTranslation('desk');
  return (
    <>
      <IssuedFormPdfLink dossierId={dossierId} kind={kind} />
      <Link className={buttonClass('secondary')} to={`/office/dossiers/${dossierId}/forms/${kind}`}>
        {t('reception.done.viewOnPage', { form: t(`reception.done.form.${kind}`) })}
      </Link>
    </>
  );
}
