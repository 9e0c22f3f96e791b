/** The citizen's dossiers: status, due time with its countdown, most recent first. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listDossiersResponse } from '@motcua/contracts/dossiers';
import { api, useErrorText } from '../api';
import { RequireUser } from '../shell/require-user';
import { usePageTitle } from '../shell/page-title';
import { EmptyState, Spinner } from '../ui';
import { queryKeys } from './citizen-api';
import { DossierStatus, DueTime, formatInstant } from './dossier-view';
import './citizen.css';

export default function MyDossiersPage() {
  return <RequireUser kind="citizen" loginPath="/login">{() => <Dossiers />}</RequireUser>;
}

function Dossiers() {
  const { t, i18n } = useTranslation('citizen');
  const errorText = useErrorText();
  usePageTitle(t('mine.title'));
  const dossiers = useQuery({ queryKey: queryKeys.dossiers, queryFn: () => api.get('/dossiers?limit=200', listDossiersResponse) });
  const items = [...(dossiers.data?.items ?? [])].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
  return (
    <div className="page">
      <h1>{t('mine.title')}</h1>
      <p>
        <Link to="/my/drafts">{t('submit.allDrafts')}</Link> · <Link to="/my/notifications">{t('notifications.title')}</Link> ·{' '}
        <Link to="/my/profile">{t('profile.title')}</Link>
      </p>
      {dossiers.isPending && <Spinner label={t('submit.loading')} />}
      {dossiers.error && <p className="notice notice--danger">{errorText(dossiers.error)}</p>}
      {dossiers.data && items.length === 0 && (
        <EmptyState title={t('mine.empty')}>
          <Link to="/procedures">{t('drafts.find')}</Link>
        </EmptyState>
      )}
      <ul className="card-list">
        {items.map((d) => (
          <li key={d.id} className="card">
            <h2 className="card-list__title">
              <Link to={`/my/dossiers/${d.id}`}>{d.procedureName}</Link>
            </h2>
            <p>
              <DossierStatus status={d.nationalStatus} /> {d.code ? <span className="code">{d.code}</span> : <span className="field__hint">{t('mine.noCode')}</span>}
            </p>
            <p className="field__hint">{t('mine.submittedAt', { time: formatInstant(d.submittedAt, i18n.language) })}</p>
            <DueTime dueAt={d.dueAt} extendedDueAt={d.extendedDueAt} status={d.nationalStatus} />
          </li>
        ))}
      </ul>
    </div>
  );
}
