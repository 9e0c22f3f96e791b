import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { readyResponse } from '@motcua/contracts/platform';
import type { SessionUser } from '@motcua/contracts/identity';
import { api, useErrorText } from '../api';
import { useSession } from '../auth/session';
import { usePageTitle } from '../shell/page-title';
import { DataTable, EmptyState, Spinner, StatusTag, type Column } from '../ui';

type Grant = SessionUser['roles'][number];

/** The dashboards' home: the agencies within the user's scope and whether the system is healthy. */
export default function DashboardHomePage() {
  const { t } = useTranslation(['dashboard', 'common']);
  const { user } = useSession();
  usePageTitle(t('home.title'), 'dashboardName');
  if (!user) return null;

  const columns: Column<Grant>[] = [
    { key: 'agency', header: t('home.columns.agency'), cell: (g) => g.agencyName, sortValue: (g) => g.agencyName, isRowHeader: true },
    { key: 'code', header: t('home.columns.code'), cell: (g) => <code>{g.agencyCode}</code>, sortValue: (g) => g.agencyCode },
    { key: 'role', header: t('home.columns.role'), cell: (g) => t(`common:roles.${g.role}`) },
  ];

  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      <section aria-labelledby="dashboard-scope">
        <h2 id="dashboard-scope">{t('home.scopeTitle')}</h2>
        {user.roles.length === 0 ? (
          <EmptyState title={t('home.noScope')} />
        ) : (
          <DataTable
            caption={t('home.scopeCaption')}
            captionHidden
            columns={columns}
            rows={user.roles}
            rowKey={(g) => `${g.role}-${g.agencyId}`}
            defaultSort={{ key: 'agency', direction: 'ascending' }}
          />
        )}
      </section>
      <SystemStatus />
    </div>
  );
}

function SystemStatus() {
  const { t } = useTranslation('dashboard');
  const errorText = useErrorText();
  const ready = useQuery({ queryKey: ['ready'], queryFn: () => api.get('/ready', readyResponse), refetchInterval: 60_000 });
  return (
    <section aria-labelledby="dashboard-system">
      <h2 id="dashboard-system">{t('home.systemTitle')}</h2>
      {ready.isPending ? (
        <Spinner />
      ) : ready.isError ? (
        <p>
          <StatusTag tone="danger">{t('home.systemDown', { reason: errorText(ready.error) })}</StatusTag>
        </p>
      ) : (
        <>
          <p>
            <StatusTag tone="success">{t('home.systemReady')}</StatusTag>
          </p>
          <dl className="facts">
            <dt>{t('home.database')}</dt>
            <dd>{t(`home.databaseKinds.${ready.data.database}`)}</dd>
            <dt>{t('home.migrations')}</dt>
            <dd>{ready.data.migrations}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
