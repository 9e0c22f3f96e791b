/** The dashboards' frame: a top bar with the dashboards' own navigation. Signed-in officers only. */
import { Link, NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import { useFocusMainOnNavigate } from '../shell/focus-main';
import { LanguageSwitch } from '../shell/language-switch';
import { RequireUser } from '../shell/require-user';
import { useSignOut } from '../shell/sign-out';
import { SkipLink } from '../shell/skip-link';
import { Button } from '../ui';

/** The dashboards' pages; each new dashboard adds its entry (label: a key of the `dashboard` namespace). */
const dashboardNav = [
  { to: '/dashboard', label: 'nav.home', end: true },
  { to: '/dashboard/overview', label: 'nav.overview', end: false },
  { to: '/dashboard/reports', label: 'nav.reports', end: false },
] as const;

export default function DashboardLayout() {
  return (
    <RequireUser kind="officer" loginPath="/office/login">
      {(user) => <DashboardFrame user={user} />}
    </RequireUser>
  );
}

function DashboardFrame({ user }: { user: SessionUser }) {
  const { t } = useTranslation(['dashboard', 'common']);
  const { signOut, isPending } = useSignOut('/office/login');
  useFocusMainOnNavigate();
  return (
    <div className="app app--dashboard">
      <SkipLink />
      <header className="office-bar">
        <div className="office-bar__inner">
          <Link to="/dashboard" className="office-bar__brand">
            {t('common:productName')} — {t('common:dashboardName')}
          </Link>
          <div className="office-bar__tools">
            <span className="office-bar__user">{user.displayName}</span>
            <LanguageSwitch className="language-switch--on-dark" />
            <Button variant="secondary" className="btn--on-dark" busy={isPending} onClick={signOut}>
              {t('common:account.signOut')}
            </Button>
          </div>
        </div>
        <nav className="top-nav" aria-label={t('nav.label')}>
          <ul className="top-nav__list">
            {dashboardNav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="top-nav__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            <li>
              <Link to="/office" className="top-nav__link">
                {t('officeLink')}
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="dashboard-main page" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
