/**
 * The officer workspace's frame: a top bar (product, user, language, sign-out) and the side navigation of the
 * screens the officer's roles allow; on phones the navigation folds behind a menu button. Signed-in officers only.
 */
import { useEffect, useId, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import { useFocusMainOnNavigate } from '../shell/focus-main';
import { LanguageSwitch } from '../shell/language-switch';
import { RequireUser } from '../shell/require-user';
import { useSignOut } from '../shell/sign-out';
import { SkipLink } from '../shell/skip-link';
import { Button, cx } from '../ui';
import { navFor } from './office-nav';

export default function OfficeLayout() {
  return (
    <RequireUser kind="officer" loginPath="/office/login">
      {(user) => <OfficeFrame user={user} />}
    </RequireUser>
  );
}

function OfficeFrame({ user }: { user: SessionUser }) {
  const { t } = useTranslation(['office', 'common']);
  const { pathname } = useLocation();
  const { signOut, isPending } = useSignOut('/office/login');
  const [menuOpen, setMenuOpen] = useState(false);
  const navId = useId();
  useFocusMainOnNavigate();
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <div className="app app--office">
      <SkipLink />
      <header className="office-bar">
        <div className="office-bar__inner">
          <Link to="/office" className="office-bar__brand">
            {t('common:productName')} — {t('common:officeName')}
          </Link>
          <div className="office-bar__tools">
            <span className="office-bar__user">{user.displayName}</span>
            <LanguageSwitch className="language-switch--on-dark" />
            <Button variant="secondary" className="btn--on-dark" busy={isPending} onClick={signOut}>
              {t('common:account.signOut')}
            </Button>
          </div>
        </div>
      </header>
      <div className="office-body">
        <nav className="side-nav" aria-label={t('nav.label')}>
          <button
            type="button"
            className="side-nav__toggle"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('nav.menu')}
          </button>
          <ul id={navId} className={cx('side-nav__list', !menuOpen && 'side-nav__list--folded')}>
            {navFor(user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end} className="side-nav__link">
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
          <ul className="side-nav__list side-nav__list--secondary">
            <li>
              <Link to="/dashboard" className="side-nav__link">
                {t('dashboardLink')}
              </Link>
            </li>
            <li>
              <Link to="/" className="side-nav__link">
                {t('portalLink')}
              </Link>
            </li>
          </ul>
        </nav>
        <main id="main" className="office-main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
