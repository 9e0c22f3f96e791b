import { Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { Spinner } from '../ui';

/** Shown while the first route's code and translations arrive. */
export function PageLoading() {
  return (
    <div className="page-loading">
      <Spinner />
    </div>
  );
}

/** Above the three areas: scroll restoration and a fallback while translations of a new language load. */
export function RootLayout() {
  return (
    <Suspense fallback={<PageLoading />}>
      <ScrollRestoration />
      <Outlet />
    </Suspense>
  );
}
