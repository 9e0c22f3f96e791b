/**
 * Instants in the office's screens: shown in Vietnam time (Asia/Ho_Chi_Minh, UTC+7 all year), and read back from
 * `<input type="datetime-local">` values, which carry no zone, as Vietnam time whatever the browser's zone.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const zone = 'Asia/Ho_Chi_Minh';

export function useInstantText(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'vi-VN';
  return useCallback(
    (iso) =>
      iso
        ? new Intl.DateTimeFormat(locale, { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
            new Date(iso),
          )
        : '—',
    [locale],
  );
}

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)) {
    out[p.type] = p.value;
  }
  return out;
}

/** 2026-03-05T02:00:00Z → "2026-03-05T09:00" (Vietnam time, for a datetime-local input). */
export function toVietnamInput(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** "2026-03-05T09:00" (Vietnam time) → 2026-03-05T02:00:00.000Z; null when not a complete value. */
export function fromVietnamInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+07:00`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The local (Vietnam) date of an instant, YYYY-MM-DD. */
export function vietnamDate(iso: string): string {
  const p = parts(new Date(iso));
  return `${p.year}-${p.month}-${p.day}`;
}
