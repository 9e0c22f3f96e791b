import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './errors';

/**
 * The sentence to show for any error: the server's problem title (already in the page's language), or our own
 * words when there was no answer or an answer we could not read.
 */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('common');
  return useCallback(
    (error: unknown) => {
      if (isApiError(error)) {
        if (error.code === 'NETWORK_ERROR') return t('error.network');
        if (error.title) return error.title;
      }
      return t('error.unexpected');
    },
    [t],
  );
}
