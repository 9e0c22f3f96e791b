/** The citizen portal's frame: header (site name, search, language, account), main content, footer. */
import { Link, Outlet, useMatch } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { useFocusMainOnNavigate } from '../shell/focus-main';
import { LanguageSwitch } from '../shell/language-switch';
import { useSignOut } from '../shell/sign-out';
import { SkipLink } from '../shell/skip-link';
import { Button } from '../ui';
import { SearchForm } from './search-form';

function AccountLinks() {
  const { t } = useTranslation('common');
  const { user, isPending } = useSession();
  const { signOut, isPending: signingOut } = useSignOut('/');
  if (isPending) return null;
  if (!user) {
    return (
      <ul className="header-links">
        <li>
          <Link to="/track">{t('account.track')}</Link>
        </li>
        <li>
          <Link to="/login">{t('account.signIn')}</Link>
        </li>
        <li>
          <Link to="/register">{t('account.register')}</Link>
        </li>
      </ul>
    );
  }
  return (
    <ul className="header-links">
      <li>
        <Link to="/track">{t('account.track')}</Link>
      </li>
      {user.kind === 'citizen' && (
        <li>
          <Link to="/my/dossiers">{t('account.myDossiers')}</Link>
        </li>
      )}
      <li className="header-links__user">{t('account.signedInAs', { name: user.displayName })}</li>
      {user.kind === 'officer' && (
        <li>
          <Link to="/office">{t('officeName')}</Link>
        </li>
      )}
      <li>
        <Button variant="link" className="header-links__button" busy={signingOut} onClick={signOut}>
          {t('account.signOut')}
        </Button>
      </li>
    </ul>
  );
}

export default function PortalLayout() {
  const { t } = useTranslation('common');
  // The home page has its own, larger search: one search form per page.
  const isHome = useMatch('/') !== null;
  useFocusMainOnNavigate();
  return (
    <div className="app app--portal">
      <SkipLink />
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="site-header__brand">
            {t('siteName')}
          </Link>
          <nav className="site-header__tools" aria-label={t('account.label')}>
            <AccountLinks />
            <LanguageSwitch />
          </nav>
        </div>
        {!isHome && (
          <div className="site-header__search">
            <div className="container">
              <SearchForm />
            </div>
          </div>
        )}
      </header>
      <main id="main" className="container page" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.about')}</p>
          <p>
            <Link to="/verify">{t('footer.verify')}</Link>
          </p>
          <p>
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </p>
        </div>
      </footer>
    </div>
  );
}
