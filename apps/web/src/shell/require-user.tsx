import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { SessionUser } from '@motcua/contracts/identity';
import { useSession } from '../auth/session';
import { Spinner } from '../ui';

/**
 * Renders its children for a signed-in user of the given kind; anyone else goes to the area's sign-in page,
 * which brings them back here (`returnTo`) afterwards.
 */
export function RequireUser({
  kind,
  loginPath,
  children,
}: {
  kind: SessionUser['kind'];
  loginPath: string;
  children: (user: SessionUser) => ReactNode;
}) {
  const { user, isPending } = useSession();
  const location = useLocation();
  if (isPending) {
    return (
      <div className="page-loading">
        <Spinner />
      </div>
    );
  }
  if (!user || user.kind !== kind) {
    const returnTo = `${location.pathname}${location.search}`;
    return <Navigate replace to={`${loginPath}?returnTo=${encodeURIComponent(returnTo)}`} />;
  }
  return <>{children(user)}</>;
}
