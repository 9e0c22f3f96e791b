/**
 * Pieces the citizen's dossier pages share: the status in words, the due time with its countdown (and, when
 * late, what happens next), and the timeline of every step in plain language.
 */
import { useTranslation } from 'react-i18next';
import { Countdown, StatusTag, WorkingCountdown, type StatusTone, type WorkingCountdownValue } from '../ui';

export function formatInstant(value: string | Date, language: string, withTime = true): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).format(typeof value === 'string' ? new Date(value) : value);
}

const tones: Record<number, StatusTone> = { 1: 'info', 2: 'info', 3: 'danger', 4: 'info', 5: 'warning', 6: 'warning', 7: 'neutral', 8: 'neutral', 9: 'success', 10: 'success' };

export function DossierStatus({ status }: { status: number | null }) {
  const { t } = useTranslation('citizen');
  if (status === null) return <StatusTag>{t('status.none')}</StatusTag>;
  return <StatusTag tone={tones[status] ?? 'neutral'}>{t(`status.${status}` as 'status.1')}</StatusTag>;
}

const closedStatuses = new Set([3, 7, 8, 9, 10]);

/**
 * The due time: the extended one when there is one (the original beside it), a countdown while open — in working
 * time when the server sent its legal-clock countdown for that due time, else in plain hours.
 */
export function DueTime({
  dueAt,
  extendedDueAt,
  status,
  countdown,
}: {
  dueAt: string | null;
  extendedDueAt: string | null;
  status: number | null;
  countdown?: WorkingCountdownValue | null | undefined;
}) {
  const { t, i18n } = useTranslation('citizen');
  const due = extendedDueAt ?? dueAt;
  if (!due) return <p>{t('due.none')}</p>;
  const isOpen = status === null || !closedStatuses.has(status);
  const isLate = isOpen && new Date(due).getTime() < Date.now();
  return (
    <div className="due-time">
      <dl className="facts">
        <div>
          <dt>{extendedDueAt ? t('due.extended') : t('due.label')}</dt>
          <dd>
            {formatInstant(due, i18n.language)}
            {isOpen && (
              <>
                {' — '}
                {countdown && new Date(countdown.dueAt).getTime() === new Date(due).getTime() ? (
                  <WorkingCountdown countdown={countdown} />
                ) : (
                  <Countdown due={due} nearHours={8} />
                )}
              </>
            )}
          </dd>
        </div>
      </dl>
      {extendedDueAt && dueAt && <p className="field__hint">{t('due.original', { date: formatInstant(dueAt, i18n.language) })}</p>}
      {isLate && <p className="notice notice--warning">{t('due.late')}</p>}
    </div>
  );
}

export interface TimelineEntry {
  at: string;
  kind: string;
  status: number | null;
  /** Extra words under the step (a reason, the items to supplement). */
  note?: string | null;
}

export function DossierTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation('citizen');
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {entries.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((entry, i) => (
            <li key={`${entry.at}-${i}`} className="timeline__item">
              <p className="timeline__time">
                <time dateTime={entry.at}>{formatInstant(entry.at, i18n.language)}</time>
              </p>
              <p className="timeline__text">{t(`event.${entry.kind}` as 'event.submit', { defaultValue: entry.kind })}</p>
              {entry.note && <p className="timeline__note">{entry.note}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
