import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The first focusable element of every page: jumps over the header to the main content. */
export function SkipLink() {
  const { t } = useTranslation('common');
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView?.();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('skipToContent')}
    </a>
  );
}
