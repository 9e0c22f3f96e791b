import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from './api';
import { initI18n } from './i18n';
import { routes } from './router';
import { AppProviders } from './shell/providers';
import './ui/tokens.css';
import './ui/kit.css';
import './shell/shell.css';

// The router starts loading the first page's code at once; the translations load alongside.
const router = createBrowserRouter(routes);
await initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={createQueryClient()}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
