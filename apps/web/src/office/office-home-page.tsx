import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import { useSession } from '../auth/session';
import { usePageTitle } from '../shell/page-title';
import { DataTable, EmptyState, type Column } from '../ui';

type Grant = SessionUser['roles'][number];

/** The workspace's home: who is signed in, with which roles in which agencies. */
export default function OfficeHomePage() {
  const { t } = useTranslation(['office', 'common']);
  const { user } = useSession();
  usePageTitle(t('home.title'), 'officeName');
  if (!user) return null;

  const columns: Column<Grant>[] = [
    { key: 'role', header: t('home.columns.role'), cell: (g) => t(`common:roles.${g.role}`), sortValue: (g) => t(`common:roles.${g.role}`) },
    { key: 'agency', header: t('home.columns.agency'), cell: (g) => g.agencyName, sortValue: (g) => g.agencyName, isRowHeader: true },
    { key: 'code', header: t('home.columns.code'), cell: (g) => <code>{g.agencyCode}</code>, sortValue: (g) => g.agencyCode },
  ];

  return (
    <div className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.greeting', { name: user.displayName })}</p>
      <h2 id="office-roles">{t('home.rolesTitle')}</h2>
      {user.roles.length === 0 ? (
        <EmptyState title={t('home.noRoles')}>{t('home.noRolesBody')}</EmptyState>
      ) : (
        <DataTable
          caption={t('home.rolesTitle')}
          captionHidden
          columns={columns}
          rows={user.roles}
          rowKey={(g) => `${g.role}-${g.agencyId}`}
          defaultSort={{ key: 'agency', direction: 'ascending' }}
        />
      )}
      <p>
        <Link to="/dashboard">{t('dashboardLink')}</Link>
      </p>
    </div>
  );
}
