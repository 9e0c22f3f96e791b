/** Component tests (project `web`, happy-dom): Vietnamese translations loaded, the DOM cleaned after each test. */
import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n, loadNamespaces, switchLanguage } from './i18n';

beforeAll(async () => {
  await initI18n('vi');
  await loadNamespaces('portal', 'auth', 'office', 'dashboard');
});

afterEach(async () => {
  cleanup();
  await switchLanguage('vi');
});
