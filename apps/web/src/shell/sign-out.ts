import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../auth/session';
import { useToast } from '../ui';

/** Signs out, says so, and leaves for the given page (the area's public entrance). */
export function useSignOut(to: string) {
  const logout = useLogout();
  const navigate = useNavigate();
  const toast = useToast();
  const { t } = useTranslation('common');
  return {
    isPending: logout.isPending,
    signOut: () =>
      logout.mutate(undefined, {
        onSettled: () => {
          toast.show(t('account.signedOut'), 'info');
          void navigate(to);
        },
      }),
  };
}
