/** The e-mails and text messages sent about the citizen's dossiers, with their text, newest first. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { notificationsResponse } from '@motcua/contracts/portal';
import { api, useErrorText } from '../api';
import { RequireUser } from '../shell/require-user';
import { usePageTitle } from '../shell/page-title';
import { EmptyState, Spinner, StatusTag } from '../ui';
import { formatInstant } from './dossier-view';
import './citizen.css';

export default function NotificationsPage() {
  return <RequireUser kind="citizen" loginPath="/login">{() => <Notifications />}</RequireUser>;
}

function Notifications() {
  const { t, i18n } = useTranslation('citizen');
  const errorText = useErrorText();
  usePageTitle(t('notifications.title'));
  const list = useQuery({ queryKey: ['portal', 'notifications'], queryFn: () => api.get('/portal/notifications', notificationsResponse) });
  return (
    <div className="page page--narrow">
      <h1>{t('notifications.title')}</h1>
      <p className="lead">{t('notifications.lead')}</p>
      {list.isPending && <Spinner label={t('submit.loading')} />}
      {list.error && <p className="notice notice--danger">{errorText(list.error)}</p>}
      {list.data?.items.length === 0 && <EmptyState title={t('notifications.empty')} />}
      <ul className="card-list">
        {list.data?.items.map((n) => (
          <li key={n.id} className="card">
            <h2 className="card-list__title">{n.subject}</h2>
            <p className="field__hint">
              {t(`notifications.channel.${n.channel}`)} · {formatInstant(n.sentAt ?? n.createdAt, i18n.language)} ·{' '}
              <StatusTag tone={n.status === 'sent' ? 'success' : n.status === 'failed' ? 'danger' : 'info'}>{t(`notifications.status.${n.status}`)}</StatusTag>
            </p>
            <p className="notification__text">{n.text}</p>
            <p>
              <Link to={`/my/dossiers/${n.dossierId}`}>{t('done.open')}</Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
