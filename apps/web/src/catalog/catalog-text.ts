/** How the catalogue's values read in the page's language: time limits, money, channels, dates, hours. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type Unit = 'working-days' | 'working-hours' | 'calendar-days' | 'months';
type Channel = 'counter' | 'online' | 'postal';

export function useCatalogText() {
  const { t, i18n } = useTranslation('catalog');
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  const numbers = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);
  const time = useCallback(
    (limit: { amount: number; unit: Unit }) => t(`units.${limit.unit}`, { count: limit.amount }).replace(String(limit.amount), numbers.format(limit.amount)),
    [t, numbers],
  );
  const money = useCallback((amount: number) => t('money', { amount: numbers.format(amount) }), [t, numbers]);
  const hours = useCallback((count: number) => t('hours', { count }).replace(String(count), numbers.format(count)), [t, numbers]);
  const channels = useCallback((list: readonly Channel[]) => list.map((c) => t(`channels.${c}`)).join('; '), [t]);
  /** 'YYYY-MM-DD' → 28/11/2026 (vi) or 28/11/2026 (en-GB). */
  const date = useCallback((day: string) => {
    const [y, m, d] = day.split('-');
    return `${d}/${m}/${y}`;
  }, []);
  const instant = useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(locale, {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(iso)),
    [locale],
  );
  return { time, money, hours, channels, date, instant };
}
