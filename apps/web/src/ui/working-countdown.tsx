/**
 * A countdown in working time, as the server's legal clock computed it (`countdown` of the dossier API): "còn 1 ngày
 * 3 giờ làm việc", "quá hạn 2 giờ làm việc". The browser only prints the parts: working days, holidays, Tết and
 * swapped days are the server's calendar (one definition); the list it comes with refreshes every 30 seconds.
 */
import { useTranslation } from 'react-i18next';
import { formatDueInstant, units } from './countdown';
import type { StatusTone } from './status-tag';

export interface WorkingCountdownValue {
  dueAt: string;
  state: 'remaining' | 'overdue' | 'due';
  workingMinutes: number;
  days: number;
  hours: number;
  minutes: number;
}

export interface WorkingCountdownProps {
  countdown: WorkingCountdownValue;
  /** Below this many working hours left the countdown shows as a warning (default 8: one working day). */
  nearWorkingHours?: number;
  /** Also show the due instant itself, e.g. "Hạn: 02/03/2026 10:00". */
  showDue?: boolean;
}

export function WorkingCountdown({ countdown: c, nearWorkingHours = 8, showDue = false }: WorkingCountdownProps) {
  const { t, i18n } = useTranslation('kit');
  const duration = units(c)
    .map(([unit, count]) => t(`countdown.${unit}`, { count }))
    .join(' ');
  const text =
    c.state === 'due'
      ? t('countdown.dueNow')
      : c.state === 'remaining'
        ? t('countdown.workingRemaining', { duration })
        : c.workingMinutes === 0
          ? t('countdown.overdueOutsideHours')
          : t('countdown.workingOverdue', { duration });
  const tone: StatusTone = c.state === 'remaining' ? (c.workingMinutes < nearWorkingHours * 60 ? 'warning' : 'neutral') : 'danger';
  const absolute = formatDueInstant(new Date(c.dueAt), i18n.language);
  const due = t('countdown.dueAt', { date: absolute });
  return (
    <span className={`countdown countdown--${tone}`} data-working-minutes={c.workingMinutes}>
      <time dateTime={new Date(c.dueAt).toISOString()} title={t('countdown.workingTitle', { due })}>
        {text}
      </time>
      {showDue && <span className="countdown__due"> ({due})</span>}
    </span>
  );
}
