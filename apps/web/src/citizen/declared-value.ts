/**
 * A declared value in words, as the citizen's review step and the read-only declaration show it: options by their
 * labels, dates as dd/mm/yyyy (the inputs keep the browser's YYYY-MM-DD), the pledge and yes/no in words, empty
 * values as "—". Both load the `citizen` namespace.
 */
import { useTranslation } from 'react-i18next';
import type { FormField } from '@motcua/contracts/portal-forms';

/** `YYYY-MM-DD` as the Vietnamese write it, dd/mm/yyyy (also the British order the English page uses). */
export function formatLegalDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

export function useDeclaredValue(): (field: Pick<FormField, 'id' | 'kind'>, value: unknown) => string {
  const { t } = useTranslation('citizen');
  return (field, value) => {
    if (field.kind === 'pledge') return value === true ? t('review.yes') : t('review.no');
    if (value === undefined || value === null || value === '') return '—';
    if (typeof value === 'boolean') return value ? t('declaration.yes') : t('declaration.no');
    const text = String(value);
    switch (field.kind) {
      case 'select':
        return t(`form.options.${field.id}.${text}` as 'form.options.child.sex.male', { defaultValue: text });
      case 'date':
        return formatLegalDate(text);
      default:
        return text;
    }
  };
}
