/**
 * The route tree of the three areas. Every area and page is a lazy route: its code (and its translation
 * namespaces) load when it is first visited, so the officer workspace and the dashboards never load on the
 * portal's first page. A 404 page closes each area. To add a page: docs/web.md.
 */
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { loadNamespaces, type Namespace } from './i18n';
import { NotFoundPage } from './shell/not-found-page';
import { PageLoading, RootLayout } from './shell/root-layout';
import { RouteError } from './shell/route-error';

/** A lazy route whose module default-exports its component, loaded together with the namespaces it uses. */
function lazyPage(load: () => Promise<{ default: ComponentType }>, ...ns: Namespace[]) {
  return async () => {
    const [module] = await Promise.all([load(), loadNamespaces(...ns)]);
    return { Component: module.default };
  };
}

export const routes: RouteObject[] = [
  {
    Component: RootLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: PageLoading,
    children: [
      {
        path: '/',
        lazy: lazyPage(() => import('./portal/portal-layout'), 'portal'),
        children: [
          { index: true, lazy: lazyPage(() => import('./portal/home-page'), 'portal') },
          { path: 'login', lazy: lazyPage(() => import('./portal/login-page'), 'auth') },
          { path: 'register', lazy: lazyPage(() => import('./portal/register-page'), 'auth') },
          { path: 'procedures', lazy: lazyPage(() => import('./portal/procedures-page'), 'catalog') },
          { path: 'procedures/print', lazy: lazyPage(() => import('./portal/procedures-print-page'), 'catalog') },
          { path: 'procedures/:code', lazy: lazyPage(() => import('./portal/procedure-page'), 'catalog', 'calendar', 'citizen') },
          { path: 'statistics', lazy: lazyPage(() => import('./dashboard/public-statistics-page'), 'dashboard') },
          { path: 'track', lazy: lazyPage(() => import('./citizen/track-page'), 'citizen') },
          // Public verification; /xac-thuc/:id is the link printed in each issued document's QR code.
          ...['verify', 'verify/:id', 'xac-thuc', 'xac-thuc/:id'].map((path) => ({
            path,
            lazy: lazyPage(() => import('./verify/verify-page'), 'verify', 'citizen'),
          })),
          { path: 'procedures/:code/submit', lazy: lazyPage(() => import('./citizen/submit-page'), 'citizen') },
          { path: 'my/drafts', lazy: lazyPage(() => import('./citizen/my-drafts-page'), 'citizen') },
          { path: 'my/dossiers', lazy: lazyPage(() => import('./citizen/my-dossiers-page'), 'citizen') },
          { path: 'my/dossiers/:id', lazy: lazyPage(() => import('./citizen/my-dossier-page'), 'citizen') },
          { path: 'my/notifications', lazy: lazyPage(() => import('./citizen/notifications-page'), 'citizen') },
          { path: 'my/profile', lazy: lazyPage(() => import('./citizen/profile-page'), 'citizen') },
          // the tracking link printed in notices (dossier code only; the phone digits are asked on the page)
          { path: 'tra-cuu', lazy: lazyPage(() => import('./citizen/track-page'), 'citizen') },
          { path: '*', element: <NotFoundPage home="/" /> },
        ],
      },
      { path: '/office/login', lazy: lazyPage(() => import('./office/office-login-page'), 'office', 'auth') },
      {
        path: '/office',
        lazy: lazyPage(() => import('./office/office-layout'), 'office'),
        children: [
          { index: true, lazy: lazyPage(() => import('./office/office-home-page'), 'office') },
          { path: 'calendar', lazy: lazyPage(() => import('./office/calendar-page'), 'office', 'calendar') },
          { path: 'calendar/decisions', lazy: lazyPage(() => import('./office/calendar-decisions-page'), 'office', 'calendar') },
          { path: 'calendar/working-periods', lazy: lazyPage(() => import('./office/working-periods-page'), 'office', 'calendar') },
          { path: 'catalog', lazy: lazyPage(() => import('./office/catalog-page'), 'catalog') },
          { path: 'catalog/import', lazy: lazyPage(() => import('./office/catalog-edit/catalog-import-page'), 'catalog') },
          { path: 'catalog/drafts/:id', lazy: lazyPage(() => import('./office/catalog-draft-page'), 'catalog') },
          { path: 'catalog/procedures/:code', lazy: lazyPage(() => import('./office/catalog-history-page'), 'catalog') },
          { path: 'leader', lazy: lazyPage(() => import('./office/leader/leader-desk-page'), 'leader', 'citizen') },
          { path: 'ledger', lazy: lazyPage(() => import('./office/ledger/ledger-page'), 'leader') },
          { path: 'control-sheets/:id', lazy: lazyPage(() => import('./office/ledger/control-sheet-page'), 'leader') },
          { path: 'admin', lazy: lazyPage(() => import('./office/admin/admin-page'), 'leader') },
          { path: 'admin/officers', lazy: lazyPage(() => import('./office/admin/officers-page'), 'leader') },
          { path: 'admin/certificates', lazy: lazyPage(() => import('./office/admin/certificates-page'), 'leader') },
          { path: 'deadlines', lazy: lazyPage(() => import('./office/deadlines/deadlines-page'), 'leader') },
          { path: 'reception', lazy: lazyPage(() => import('./office/reception/reception-page'), 'desk', 'calendar') },
          { path: 'inbox', lazy: lazyPage(() => import('./office/inbox/inbox-page'), 'desk') },
          { path: 'queue', lazy: lazyPage(() => import('./office/inbox/queue-page'), 'desk') },
          { path: 'dossiers/:id', lazy: lazyPage(() => import('./office/dossier/dossier-page'), 'desk', 'leader', 'citizen') },
          { path: 'dossiers/:id/forms/:kind', lazy: lazyPage(() => import('./office/dossier/form-print-page'), 'desk') },
          { path: '*', element: <NotFoundPage home="/office" site="officeName" /> },
        ],
      },
      {
        path: '/dashboard',
        lazy: lazyPage(() => import('./dashboard/dashboard-layout'), 'dashboard'),
        children: [
          { index: true, lazy: lazyPage(() => import('./dashboard/dashboard-home-page'), 'dashboard') },
          { path: 'overview', lazy: lazyPage(() => import('./dashboard/monitoring-page'), 'dashboard') },
          { path: 'procedures', lazy: lazyPage(() => import('./dashboard/procedures-page'), 'dashboard') },
          { path: 'dossiers', lazy: lazyPage(() => import('./dashboard/dossiers-page'), 'dashboard') },
          { path: 'reports', lazy: lazyPage(() => import('./dashboard/reports-page'), 'dashboard') },
          { path: '*', element: <NotFoundPage home="/dashboard" site="dashboardName" /> },
        ],
      },
    ],
  },
];
