import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx';

/** Something is loading: a spinner with a text for screen readers (and on screen unless `labelHidden`). */
export function Spinner({ label, labelHidden = false }: { label?: string; labelHidden?: boolean }) {
  const { t } = useTranslation('kit');
  return (
    <span className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span className={cx(labelHidden && 'visually-hidden')}>{label ?? t('loading')}</span>
    </span>
  );
}

/** Progress of a known amount of work (an upload): a labelled native <progress>. */
export function Progress({ label, value, max = 100 }: { label: string; value: number; max?: number }) {
  const id = useId();
  const percent = Math.round((Math.min(Math.max(value, 0), max) / max) * 100);
  return (
    <div className="progress">
      <label htmlFor={id} className="progress__label">
        {label}
      </label>
      <progress id={id} value={value} max={max} />
      <span className="progress__value" aria-hidden="true">
        {percent}%
      </span>
    </div>
  );
}
