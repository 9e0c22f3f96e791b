/**
 * One dossier of the citizen: status, code, due time (and, when late, why and the new appointment), the timeline
 * of every step in plain words, the answer to a supplement request (upload the missing items), withdrawal, the
 * issued forms and the signed result to download, a link to verify a document, and what the citizen declared online.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { documentListResponse } from '@motcua/contracts/documents';
import { dossierEventsResponse, dossierSchema } from '@motcua/contracts/dossiers';
import { api, useErrorText } from '../api';
import { RequireUser } from '../shell/require-user';
import { usePageTitle } from '../shell/page-title';
import { Button, Dialog, Spinner, TextArea, useToast } from '../ui';
import { queryKeys } from './citizen-api';
import { DeclarationSection } from './declaration-view';
import { DossierStatus, DossierTimeline, DueTime, formatInstant } from './dossier-view';
import { describeIssuedDocuments } from './issued-documents';
import { SupplementForm } from './supplement-form';
import './citizen.css';

const withdrawable = new Set(['submitted', 'received', 'processing', 'supplement_requested', 'awaiting_payment']);

export default function MyDossierPage() {
  return <RequireUser kind="citizen" loginPath="/login">{() => <Dossier />}</RequireUser>;
}

function Dossier() {
  const { t, i18n } = useTranslation('citizen');
  const { id = '' } = useParams();
  const errorText = useErrorText();
  const toast = useToast();
  const queryClient = useQueryClient();
  const dossier = useQuery({ queryKey: queryKeys.dossier(id), queryFn: () => api.get(`/dossiers/${id}`, dossierSchema) });
  const events = useQuery({ queryKey: [...queryKeys.dossier(id), 'events'], queryFn: () => api.get(`/dossiers/${id}/events`, dossierEventsResponse) });
  const documents = useQuery({ queryKey: [...queryKeys.dossier(id), 'documents'], queryFn: () => api.get(`/dossiers/${id}/documents`, documentListResponse) });
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [reason, setReason] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.dossier(id) });
  const withdraw = useMutation({
    mutationFn: () => api.post(`/dossiers/${id}/withdrawal`, { reason: reason.trim() || null }, undefined, { headers: { 'if-match': `"${dossier.data?.version}"` } }),
    onSuccess: () => {
      setWithdrawOpen(false);
      toast.show(t('detail.withdrawn'), 'success');
      void refresh();
    },
    onError: (error) => toast.show(errorText(error), 'error'),
  });
  usePageTitle(dossier.data ? t('detail.title', { name: dossier.data.procedure.name }) : t('mine.title'));

  if (dossier.error) {
    return (
      <div className="page page--narrow">
        <h1>{t('detail.notFound')}</h1>
        <p className="notice notice--danger">{errorText(dossier.error)}</p>
        <p>
          <Link to="/my/dossiers">{t('done.list')}</Link>
        </p>
      </div>
    );
  }
  if (!dossier.data) return <Spinner label={t('submit.loading')} />;
  const d = dossier.data;
  const openRequest = d.state === 'supplement_requested' ? d.supplementRequests.find((r) => !r.providedAt) : undefined;
  const lastExtension = d.extensions.at(-1);
  const timeline = (events.data?.events ?? [])
    .filter((e) => e.kind !== 'draft_apology')
    .map((e) => ({
      at: e.at,
      kind: e.kind,
      status: e.toStatus,
      note: e.kind === 'request_supplement' || e.kind === 'refuse_at_reception' || e.kind === 'refuse_after_appraisal' || e.kind === 'extend' || e.kind === 'stop' ? e.note : null,
    }));
  return (
    <div className="page page--narrow dossier-page">
      <p className="wizard__procedure">
        <Link to="/my/dossiers">{t('done.list')}</Link>
      </p>
      <h1>{d.procedure.name}</h1>
      <dl className="facts">
        <div>
          <dt>{t('track.status')}</dt>
          <dd>
            <DossierStatus status={d.nationalStatus} />
          </dd>
        </div>
        <div>
          <dt>{t('done.code')}</dt>
          <dd>{d.code ?? t('mine.noCode')}</dd>
        </div>
        <div>
          <dt>{t('detail.case')}</dt>
          <dd>{d.procedure.caseName}</dd>
        </div>
        <div>
          <dt>{t('mine.submitted')}</dt>
          <dd>{formatInstant(d.submittedAt, i18n.language)}</dd>
        </div>
      </dl>
      {d.state === 'submitted' && d.receptionCheckDueAt && (
        <p className="notice notice--info">{t('done.checkBy', { time: formatInstant(d.receptionCheckDueAt, i18n.language) })}</p>
      )}
      <DueTime dueAt={d.dueAt} extendedDueAt={d.extendedDueAt} status={d.nationalStatus} countdown={d.countdown} />
      {lastExtension && (
        <div className="notice notice--warning">
          <p>{t('detail.extended', { time: formatInstant(lastExtension.newDueAt, i18n.language) })}</p>
          <p>
            {t('detail.why')}: {lastExtension.reason}
          </p>
        </div>
      )}
      {openRequest && <SupplementForm dossierId={d.id} version={d.version} request={openRequest} onDone={() => void refresh()} />}

      <DossierTimeline entries={timeline} />

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t('detail.documents')}</h2>
        {documents.data && documents.data.items.length === 0 && <p>{t('detail.noDocuments')}</p>}
        {documents.error && <p className="field__hint">{errorText(documents.error)}</p>}
        <ul>
          {describeIssuedDocuments(documents.data?.items ?? [], events.data?.events ?? []).map(({ document: doc, occasion, occasionAt, replaced }) => {
            const when = occasion && occasionAt ? ` — ${t(`detail.issued.${occasion}`, { time: formatInstant(occasionAt, i18n.language) })}` : '';
            const superseded = replaced ? ` (${t('detail.issued.replaced')})` : '';
            return (
              <li key={doc.id}>
                {doc.signedUrl ? (
                  <a href={doc.signedUrl} download>
                    {doc.title}
                    {when} — {t(doc.kind === 'result' ? 'detail.signedResult' : 'detail.signedFile')}
                    {superseded}
                  </a>
                ) : (
                  <a href={doc.contentUrl} download>
                    {doc.title}
                    {when}
                    {doc.kind === 'result' ? ` — ${t('detail.resultAwaitingSignature')}` : ''}
                    {superseded}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
        <p>
          <a href="/verify">{t('detail.verify')}</a>
        </p>
      </section>

      {d.channel === 'online' && <DeclarationSection dossierId={d.id} title={t('declaration.mineTitle')} headingId="declaration-title" />}

      {withdrawable.has(d.state) && (
        <section aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('detail.withdrawTitle')}</h2>
          <p>{t('detail.withdrawLead')}</p>
          <Button variant="danger" onClick={() => setWithdrawOpen(true)}>
            {t('detail.withdraw')}
          </Button>
          <Dialog open={withdrawOpen} onClose={() => setWithdrawOpen(false)} title={t('detail.withdrawTitle')}>
            <p>{t('detail.withdrawConfirm')}</p>
            <TextArea label={t('detail.withdrawReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
            <div className="btn-row">
              <Button variant="danger" busy={withdraw.isPending} onClick={() => withdraw.mutate()}>
                {t('detail.withdrawYes')}
              </Button>
              <Button variant="secondary" onClick={() => setWithdrawOpen(false)}>
                {t('detail.cancel')}
              </Button>
            </div>
          </Dialog>
        </section>
      )}
    </div>
  );
}
