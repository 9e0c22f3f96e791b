import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import { useToast } from '../ui';
import { safeReturnTo } from './session';

/**
 * Where to go once signed in: back to the page that sent the user here (`returnTo`), else the home of the
 * user's area — officers to the workspace, citizens to the portal.
 */
export function useAfterSignIn() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const toast = useToast();
  const { t } = useTranslation('auth');
  return (user: SessionUser) => {
    toast.show(t('signedIn'), 'success');
    const home = user.kind === 'officer' ? '/office' : '/';
    void navigate(safeReturnTo(params.get('returnTo'), home), { replace: true });
  };
}
