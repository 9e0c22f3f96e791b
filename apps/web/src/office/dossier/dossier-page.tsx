/**
 * One dossier for the officer (/office/dossiers/:id): applicant and parties, procedure and version, documents,
 * the current step with its due time, every action the officer's roles allow in this state, the history and the
 * control sheet. The leader's approval and signature happen on the leader's desk (linked for the agency leader of
 * the step the dossier waits at).
 */
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError, useErrorText } from '../../api';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/page-title';
import { Countdown, EmptyState, Spinner, StatusTag, WorkingCountdown } from '../../ui';
import { AttachmentList } from '../desk/attachments';
import { useAgencies, useDossier, type Dossier } from '../desk/desk-queries';
import { dueOf, stateTone, useDeskText } from '../desk/desk-text';
import '../desk/desk.css';
import { isLeaderOfActiveStep } from './action-specs';
import { DossierActions } from './dossier-actions';
import { ControlSheetTable, Timeline } from './dossier-history';
import { OnlineDeclaration } from './online-declaration';
import { ResultDocuments } from './result-documents';

/** The leader's desk (approve and sign), built by the leader's screens. */
export const leaderDeskPath = '/office/leader';

function Summary({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('desk');
  const text = useDeskText();
  const active = dossier.steps.find((s) => s.status === 'active');
  const due = dueOf(dossier);
  return (
    <dl className="reception__review">
      <dt>{t('dossier.procedure')}</dt>
      <dd>
        {dossier.procedure.name} (<code>{dossier.procedure.code}</code>) — {dossier.procedure.caseName}
      </dd>
      <dt>{t('dossierPage.channel')}</dt>
      <dd>
        {t(`channels.${dossier.channel}`)}
        {dossier.postal?.handoverMinutesSignedAt && (
          <div className="muted">
            {t('dossierPage.postalMinutes', {
              number: dossier.postal.handoverMinutesNumber ?? '—',
              at: text.instant(dossier.postal.handoverMinutesSignedAt),
              waybills: dossier.postal.submissionWaybills.join(', ') || '—',
            })}
          </div>
        )}
      </dd>
      {dossier.postal?.returnByPost && (
        <>
          <dt>{t('dossierPage.postalReturn')}</dt>
          <dd>{dossier.postal.deliveryAddress}</dd>
        </>
      )}
      <dt>{t('reception.summary')}</dt>
      <dd>{dossier.summary}</dd>
      {dossier.receivedAt && (
        <>
          <dt>{t('dossier.receivedAt')}</dt>
          <dd>{text.instant(dossier.receivedAt)}</dd>
        </>
      )}
      {dossier.receptionCheckDueAt && (
        <>
          <dt>{t('dossierPage.checkDue')}</dt>
          <dd>
            {text.instant(dossier.receptionCheckDueAt)}{' '}
            {dossier.countdown?.kind === 'reception_check' ? <WorkingCountdown countdown={dossier.countdown} /> : <Countdown due={dossier.receptionCheckDueAt} />}
          </dd>
        </>
      )}
      <dt>{t('dossier.dueAt')}</dt>
      <dd>
        {due ? (
          <>
            {text.instant(due)}{' '}
            {dossier.countdown?.kind === 'dossier' ? (
              <WorkingCountdown countdown={dossier.countdown} />
            ) : (
              !dossier.closedAt && dossier.state !== 'result_ready' && <Countdown due={due} />
            )}
            {dossier.extendedDueAt && <div className="muted">{t('dossierPage.extendedFrom', { due: text.instant(dossier.dueAt) })}</div>}
          </>
        ) : (
          t('dossier.duePending')
        )}
      </dd>
      {active && (
        <>
          <dt>{t('dossierPage.currentStep')}</dt>
          <dd>
            {t('dossierPage.stepLine', { order: active.order, name: active.name, role: t(`roles.${active.role}` as 'roles.specialist') })}
            {active.assigneeName && <> — {active.assigneeName}</>}
            {active.dueAt && (
              <>
                {' '}
                · {text.instant(active.dueAt)}{' '}
                {dossier.stepCountdown ? <WorkingCountdown countdown={dossier.stepCountdown} /> : <Countdown due={active.dueAt} />}
              </>
            )}
          </dd>
        </>
      )}
      {dossier.result && (
        <>
          <dt>{t('dossierPage.result')}</dt>
          <dd>
            {dossier.result.documentNumber && <>{dossier.result.documentNumber}: </>}
            {dossier.result.summary}
          </dd>
        </>
      )}
      {dossier.dossierReturn && (
        <>
          <dt>{t('dossierPage.returned')}</dt>
          <dd>
            {text.instant(dossier.dossierReturn.handedOverAt)} — {t(`returnMethods.${dossier.dossierReturn.method}`)}
            {dossier.dossierReturn.waybillNumber && <> ({t('dossierPage.waybill', { number: dossier.dossierReturn.waybillNumber })})</>}
          </dd>
        </>
      )}
    </dl>
  );
}

function Steps({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('desk');
  const text = useDeskText();
  if (dossier.steps.length === 0) return null;
  return (
    <section aria-labelledby="dossier-steps" className="dossier__section">
      <h2 id="dossier-steps">{t('dossierPage.steps')}</h2>
      <ol className="dossier__steps">
        {dossier.steps.map((s) => (
          <li key={s.id} aria-current={s.status === 'active' ? 'step' : undefined}>
            <strong>{s.name}</strong> — {t(`roles.${s.role}` as 'roles.specialist')} · <StatusTag tone={s.status === 'active' ? 'info' : s.status === 'completed' ? 'success' : 'neutral'}>{t(`stepStatus.${s.status}`)}</StatusTag>
            {s.assigneeName && <> · {s.assigneeName}</>}
            {s.dueAt && <> · {t('dossierPage.stepDue', { due: text.instant(s.dueAt) })}</>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Parties({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('desk');
  return (
    <section aria-labelledby="dossier-parties" className="dossier__section">
      <h2 id="dossier-parties">{t('dossierPage.parties')}</h2>
      <ul>
        {dossier.parties.map((p, i) => (
          <li key={i}>
            <strong>{t(`parties.${p.role}`)}</strong>: {p.fullName}
            {p.identityNumber && <>, {t(p.kind === 'organisation' ? 'forms.taxCode' : 'forms.identity', { number: p.identityNumber })}</>}
            {p.phone && <>, {t('forms.phone', { phone: p.phone })}</>}
            {p.email && <>, {p.email}</>}
            {p.address && <>, {p.address}</>}
            {p.authorisationDocument && <>, {t('reception.party.authorisationDocument')}: {p.authorisationDocument}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Documents({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation('desk');
  return (
    <section aria-labelledby="dossier-documents" className="dossier__section">
      <h2 id="dossier-documents">{t('reception.documents.legend')}</h2>
      {dossier.documents.length === 0 ? (
        <p>{t('dossierPage.noDocuments')}</p>
      ) : (
        <ul>
          {dossier.documents.map((d, i) => (
            <li key={i}>
              {d.name} — {t('dossierPage.counts', { originals: d.originals, certified: d.certifiedCopies, copies: d.photocopies })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('dossierPage.attachmentsTitle')}</h3>
      <AttachmentList dossierId={dossier.id} />
    </section>
  );
}

export default function DossierPage() {
  const { id } = useParams();
  const { t } = useTranslation(['desk', 'common']);
  const errorText = useErrorText();
  const { user } = useSession();
  const dossier = useDossier(id);
  const agencies = useAgencies();
  const title = dossier.data ? (dossier.data.code ?? t('dossierPage.noCode')) : t('dossierPage.title');
  usePageTitle(title, 'officeName');
  if (dossier.isPending) return <Spinner label={t('dossierPage.loading')} />;
  if (dossier.error) {
    return (
      <div className="page">
        <h1>{t('dossierPage.title')}</h1>
        {isApiError(dossier.error) && dossier.error.status === 404 ? <EmptyState title={t('dossierPage.notFound')} /> : <p role="alert">{errorText(dossier.error)}</p>}
      </div>
    );
  }
  const d = dossier.data;
  const atLeader = isLeaderOfActiveStep(d, user ?? null);
  return (
    <div className="page dossier">
      <p className="no-print">
        <Link to="/office/inbox">{t('dossierPage.backToInbox')}</Link>
      </p>
      <h1>
        <span className="dossier-code">{title}</span>
      </h1>
      <p>
        <StatusTag tone={stateTone[d.state]}>{t(`states.${d.state}`)}</StatusTag>
        {d.nationalStatusName && <span className="muted"> · {t('dossierPage.nationalStatus', { code: d.nationalStatus, name: d.nationalStatusName })}</span>}
      </p>
      <Summary dossier={d} />
      {user && <DossierActions dossier={d} user={user} agencies={agencies.data?.agencies ?? []} />}
      {atLeader && (
        <p>
          <Link to={leaderDeskPath}>{t('dossierPage.leaderDesk')}</Link>
        </p>
      )}
      <ResultDocuments dossier={d} user={user ?? null} />
      <Steps dossier={d} />
      <Parties dossier={d} />
      <OnlineDeclaration dossier={d} />
      <Documents dossier={d} />
      <Timeline dossierId={d.id} />
      <ControlSheetTable dossierId={d.id} />
    </div>
  );
}
