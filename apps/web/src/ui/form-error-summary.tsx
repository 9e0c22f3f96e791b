/**
 * The list of a form's errors shown above it after a failed submit. It takes focus whenever it receives a new,
 * non-empty `errors` array (keep the array in state so it changes only on submit), is announced as an alert, and
 * each message links to its field: activating the link focuses the field.
 */
import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface FormErrorItem {
  /** The id of the control to focus; without it the message is plain text (e.g. a server-wide problem). */
  fieldId?: string;
  message: string;
}

export interface FormErrorSummaryProps {
  errors: readonly FormErrorItem[];
  title?: string;
}

export function FormErrorSummary({ errors, title }: FormErrorSummaryProps) {
  const { t } = useTranslation('kit');
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;

  const focusField = (fieldId: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView?.({ block: 'center' });
    field.focus();
  };

  return (
    <div ref={ref} className="error-summary" tabIndex={-1} aria-labelledby={titleId}>
      <div role="alert">
        <h2 className="error-summary__title" id={titleId}>
          {title ?? t('errorSummary.title')}
        </h2>
        <ul className="error-summary__list">
          {errors.map((error, index) => (
            <li key={`${error.fieldId ?? ''}-${index}`}>
              {error.fieldId ? (
                <a href={`#${error.fieldId}`} onClick={focusField(error.fieldId)}>
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
