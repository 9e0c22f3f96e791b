/**
 * Time left until a due instant, or how late it is: "còn 2 ngày 3 giờ", "quá hạn 1 giờ". Wall-clock time; a
 * screen that counts working time passes the instant the legal clock computed. Ticks every 30 s unless `now` is
 * given (tests, server-rendered lists).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatusTone } from './status-tag';

export interface CountdownParts {
  state: 'remaining' | 'overdue' | 'due';
  days: number;
  hours: number;
  minutes: number;
}

const minuteMs = 60_000;

/** Splits the distance between now and due into whole days, hours and minutes (rounded down). */
export function countdownParts(dueMs: number, nowMs: number): CountdownParts {
  const diff = dueMs - nowMs;
  const totalMinutes = Math.floor(Math.abs(diff) / minuteMs);
  if (totalMinutes === 0) return { state: 'due', days: 0, hours: 0, minutes: 0 };
  return {
    state: diff > 0 ? 'remaining' : 'overdue',
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/** The two largest non-zero units: days and hours, else hours and minutes, else minutes. */
export function units(parts: Pick<CountdownParts, 'days' | 'hours' | 'minutes'>): ['days' | 'hours' | 'minutes', number][] {
  if (parts.days > 0) return parts.hours > 0 ? [['days', parts.days], ['hours', parts.hours]] : [['days', parts.days]];
  if (parts.hours > 0)
    return parts.minutes > 0 ? [['hours', parts.hours], ['minutes', parts.minutes]] : [['hours', parts.hours]];
  return [['minutes', parts.minutes]];
}

/** A due instant as the countdowns' tooltip prints it: day and time in Vietnam time. */
export function formatDueInstant(due: Date, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(due);
}

function useNow(fixed: Date | undefined, intervalMs: number): number {
  const [now, setNow] = useState(() => fixed?.getTime() ?? Date.now());
  useEffect(() => {
    if (fixed) {
      setNow(fixed.getTime());
      return;
    }
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [fixed, intervalMs]);
  return now;
}

export interface CountdownProps {
  due: Date | string;
  now?: Date;
  /** Below this many hours left the countdown shows as a warning (default 24). */
  nearHours?: number;
  /** Also show the due instant itself, e.g. "Hạn: 02/03/2026 10:00". */
  showDue?: boolean;
}

export function Countdown({ due, now, nearHours = 24, showDue = false }: CountdownProps) {
  const { t, i18n } = useTranslation('kit');
  const dueDate = typeof due === 'string' ? new Date(due) : due;
  const nowMs = useNow(now, 30_000);
  const parts = countdownParts(dueDate.getTime(), nowMs);
  const duration = units(parts)
    .map(([unit, count]) => t(`countdown.${unit}`, { count }))
    .join(' ');
  const text =
    parts.state === 'due'
      ? t('countdown.dueNow')
      : t(parts.state === 'remaining' ? 'countdown.remaining' : 'countdown.overdue', { duration });
  const near = parts.state === 'remaining' && dueDate.getTime() - nowMs < nearHours * 3_600_000;
  const tone: StatusTone = parts.state === 'remaining' ? (near ? 'warning' : 'neutral') : 'danger';
  const absolute = formatDueInstant(dueDate, i18n.language);

  return (
    <span className={`countdown countdown--${tone}`}>
      <time dateTime={dueDate.toISOString()} title={t('countdown.dueAt', { date: absolute })}>
        {text}
      </time>
      {showDue && <span className="countdown__due"> ({t('countdown.dueAt', { date: absolute })})</span>}
    </span>
  );
}
