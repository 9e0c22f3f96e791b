import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { usePageTitle } from '../shell/page-title';
import { buttonClass } from '../ui';
import { SearchForm } from './search-form';

const steps = ['find', 'submit', 'track'] as const;

export default function HomePage() {
  const { t } = useTranslation(['portal', 'common']);
  const { user } = useSession();
  usePageTitle(t('home.title'));
  return (
    <div className="home">
      <section className="home__hero" aria-labelledby="home-title">
        <h1 id="home-title">{t('home.title')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <SearchForm size="large" />
      </section>

      <section aria-labelledby="home-steps">
        <h2 id="home-steps">{t('home.stepsTitle')}</h2>
        <ol className="steps">
          {steps.map((step) => (
            <li key={step} className="steps__item">
              <h3 className="steps__title">{t(`home.steps.${step}.title`)}</h3>
              <p>{t(`home.steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <div className="home__cards">
        <section className="card" aria-labelledby="home-account">
          <h2 id="home-account">{t('home.accountTitle')}</h2>
          {user ? (
            <p>{t('home.greeting', { name: user.displayName })}</p>
          ) : (
            <>
              <p>{t('home.accountBody')}</p>
              <div className="btn-row">
                <Link className={buttonClass('primary')} to="/login">
                  {t('common:account.signIn')}
                </Link>
                <Link className={buttonClass('secondary')} to="/register">
                  {t('common:account.register')}
                </Link>
              </div>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="home-officer">
          <h2 id="home-officer">{t('home.officerTitle')}</h2>
          <p>
            <Link to="/office">{t('home.officerLink')}</Link>
          </p>
        </section>
      </div>
    </div>
  );
}
