import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to "<page> — <site name>", so tabs, history and screen readers name the page. */
export function usePageTitle(title: string, site: 'siteName' | 'officeName' | 'dashboardName' = 'siteName'): void {
  const { t } = useTranslation('common');
  const suffix = t(site);
  useEffect(() => {
    document.title = title ? `${title} — ${suffix}` : suffix;
  }, [title, suffix]);
}
