import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '../ui';
import { usePageTitle } from './page-title';

/** The 404 page of an area: says what happened and leads back to the area's home. */
export function NotFoundPage({ home, site = 'siteName' }: { home: string; site?: 'siteName' | 'officeName' | 'dashboardName' }) {
  const { t } = useTranslation('common');
  usePageTitle(t('notFound.title'), site);
  return (
    <div className="page page--narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <Link className={buttonClass('secondary')} to={home}>
        {t('notFound.home')}
      </Link>
    </div>
  );
}
