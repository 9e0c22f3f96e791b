/**
 * "If you submit now, the result is due at …" — for the procedure page of the portal (and anywhere a time limit
 * is shown). It asks the legal clock for the due time of a dossier received this minute.
 *
 *   <DueTimeEstimate amount={5} unit="working-days" agency="000.00.40.H57" />
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../api';
import { Spinner } from '../ui';
import { useDueTime, type TimeUnit } from './calendar-queries';
import { DueTimeResult } from './due-time-result';

export interface DueTimeEstimateProps {
  amount: number;
  unit: TimeUnit;
  /** The receiving agency's code; absent: the national calendar. */
  agency?: string;
  /** Compute from this instant instead of now (tests, previews). */
  receivedAt?: string;
  headingLevel?: 2 | 3;
}

export function DueTimeEstimate({ amount, unit, agency, receivedAt, headingLevel = 2 }: DueTimeEstimateProps) {
  const { t } = useTranslation('calendar');
  const errorText = useErrorText();
  const headingId = useId();
  // This minute, fixed for the life of the component so the query key does not change on every render.
  const [from] = useState(() => receivedAt ?? new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  const due = useDueTime({ receivedAt: from, amount, unit, ...(agency ? { agency } : {}) });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="due-time-estimate" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('estimate.title')}</Heading>
      {due.isPending ? (
        <Spinner label={t('estimate.loading')} />
      ) : due.error ? (
        <p role="alert">{errorText(due.error)}</p>
      ) : (
        <DueTimeResult result={due.data} lead="ifNow" />
      )}
      <p className="hint-text">{t('estimate.note')}</p>
    </section>
  );
}
