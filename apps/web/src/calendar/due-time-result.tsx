/**
 * A due time and how it was computed: the appointment in the page's language, the clock start when it differs,
 * and the server's explanation (in Vietnamese: the legal wording) behind a disclosure.
 */
import { useTranslation } from 'react-i18next';
import { formatVietnamTime, type DueTime } from './calendar-queries';

export function DueTimeResult({ result, lead }: { result: DueTime; lead?: 'ifNow' | 'due' }) {
  const { t, i18n } = useTranslation('calendar');
  const due = formatVietnamTime(result.dueAt, i18n.language);
  return (
    <div className="due-time">
      <p className="due-time__due">{lead === 'ifNow' ? t('estimate.ifNow', { due }) : t('estimate.due', { due })}</p>
      {result.clockStartsAt !== result.receivedAt && (
        <p>{t('estimate.clockStarts', { start: formatVietnamTime(result.clockStartsAt, i18n.language) })}</p>
      )}
      <details className="due-time__explanation">
        <summary>{t('estimate.howComputed')}</summary>
        <ul lang="vi">
          {result.explanation.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
