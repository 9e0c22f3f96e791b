import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { providersResponse } from '@motcua/contracts/identity';
import { api } from '../api';
import { useAfterSignIn } from '../auth/after-sign-in';
import { safeReturnTo } from '../auth/session';
import { SignInFlow } from '../auth/sign-in-flow';
import { usePageTitle } from '../shell/page-title';
import { buttonClass } from '../ui';

/** Citizens' sign-in: e-mail or phone and password, single sign-on when configured, registration for newcomers. */
export default function LoginPage() {
  const { t } = useTranslation('auth');
  const afterSignIn = useAfterSignIn();
  const [params] = useSearchParams();
  usePageTitle(t('citizen.title'));
  const returnTo = safeReturnTo(params.get('returnTo'), '/');
  const providers = useQuery({ queryKey: ['auth-providers'], queryFn: () => api.get('/auth/providers', providersResponse), staleTime: Infinity });
  const oidc = providers.data?.oidc;
  return (
    <div className="page page--narrow">
      <h1>{t('citizen.title')}</h1>
      <p className="lead">{t('citizen.lead')}</p>
      {oidc && (
        <>
          <p>
            {/* A full page load: the provider's pages are not ours. */}
            <a className={buttonClass('secondary', 'btn--wide')} href={`${oidc.startUrl}?returnTo=${encodeURIComponent(returnTo)}`}>
              {t('citizen.oidc', { name: oidc.displayName })}
            </a>
          </p>
          <p className="divider">{t('citizen.or')}</p>
        </>
      )}
      <SignInFlow
        audience="citizen"
        onSignedIn={afterSignIn}
        footer={
          <p className="sign-in-footer">
            {t('citizen.noAccount')}{' '}
            <Link to={returnTo === '/' ? '/register' : `/register?returnTo=${encodeURIComponent(returnTo)}`}>
              {t('citizen.registerLink')}
            </Link>
          </p>
        }
      />
    </div>
  );
}
