import { isRouteErrorResponse, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui';
import { NotFoundPage } from './not-found-page';

/**
 * What the router shows when a route fails to load or render — most often a chunk that vanished after a new
 * release, which a reload cures.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation('common');
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage home="/" />;
  return (
    <main id="main" className="container page page--narrow" tabIndex={-1}>
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </Button>
    </main>
  );
}
