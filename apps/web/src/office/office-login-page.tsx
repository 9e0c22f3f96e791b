import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useAfterSignIn } from '../auth/after-sign-in';
import { SignInFlow } from '../auth/sign-in-flow';
import { useFocusMainOnNavigate } from '../shell/focus-main';
import { LanguageSwitch } from '../shell/language-switch';
import { usePageTitle } from '../shell/page-title';
import { SkipLink } from '../shell/skip-link';

/** Officers' sign-in: password, then the TOTP code (or, the first time, the TOTP enrolment). */
export default function OfficeLoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const afterSignIn = useAfterSignIn();
  usePageTitle(t('officer.title'), 'officeName');
  useFocusMainOnNavigate();
  return (
    <div className="app app--office-login">
      <SkipLink />
      <header className="office-bar">
        <div className="office-bar__inner">
          <span className="office-bar__brand">
            {t('common:productName')} — {t('common:officeName')}
          </span>
          <div className="office-bar__tools">
            <LanguageSwitch className="language-switch--on-dark" />
          </div>
        </div>
      </header>
      <main id="main" className="container page page--narrow" tabIndex={-1}>
        <h1>{t('officer.title')}</h1>
        <p className="lead">{t('officer.lead')}</p>
        <SignInFlow audience="officer" onSignedIn={afterSignIn} />
        <p className="sign-in-footer">
          <Link to="/">{t('officer.portalLink')}</Link>
        </p>
      </main>
    </div>
  );
}
