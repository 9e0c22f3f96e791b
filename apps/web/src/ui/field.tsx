/**
 * Form fields with a visible label, an optional hint and an error message, all tied to the control by
 * `for`/`id` and `aria-describedby`; the control is `aria-invalid` while it has an error. Forms use `noValidate`
 * and show their own messages (FormErrorSummary + the field's error), in the user's language.
 */
import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx';

export interface FieldBaseProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null | undefined;
  /** The control's id; give it when a FormErrorSummary links to the field. */
  id?: string;
}

function useFieldIds(id: string | undefined) {
  const generated = useId();
  const base = id ?? `field-${generated.replace(/[^A-Za-z0-9_-]/g, '')}`;
  return { id: base, hintId: `${base}-hint`, errorId: `${base}-error` };
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(' ');
  return joined || undefined;
}

function Label({ htmlFor, required, children }: { htmlFor: string; required?: boolean | undefined; children: ReactNode }) {
  const { t } = useTranslation('kit');
  return (
    <label className="field__label" htmlFor={htmlFor}>
      {children}
      {required && <span className="field__required"> {t('field.required')}</span>}
    </label>
  );
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p className="field__hint" id={id}>
      {children}
    </p>
  );
}

function ErrorText({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation('kit');
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{t('field.errorPrefix')} </span>
      {children}
    </p>
  );
}

export type TextFieldProps = FieldBaseProps & Omit<ComponentPropsWithRef<'input'>, 'id'>;

export function TextField({ label, hint, error, id, required, className, 'aria-describedby': extra, ...input }: TextFieldProps) {
  const ids = useFieldIds(id);
  return (
    <div className={cx('field', error && 'field--error', className)}>
      <Label htmlFor={ids.id} required={required}>
        {label}
      </Label>
      {hint && <Hint id={ids.hintId}>{hint}</Hint>}
      {error && <ErrorText id={ids.errorId}>{error}</ErrorText>}
      <input
        id={ids.id}
        className="input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(Boolean(hint) && ids.hintId, error && ids.errorId, extra)}
        {...input}
      />
    </div>
  );
}

export type TextAreaProps = FieldBaseProps & Omit<ComponentPropsWithRef<'textarea'>, 'id'>;

export function TextArea({ label, hint, error, id, required, className, 'aria-describedby': extra, ...area }: TextAreaProps) {
  const ids = useFieldIds(id);
  return (
    <div className={cx('field', error && 'field--error', className)}>
      <Label htmlFor={ids.id} required={required}>
        {label}
      </Label>
      {hint && <Hint id={ids.hintId}>{hint}</Hint>}
      {error && <ErrorText id={ids.errorId}>{error}</ErrorText>}
      <textarea
        id={ids.id}
        className="input input--multiline"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(Boolean(hint) && ids.hintId, error && ids.errorId, extra)}
        {...area}
      />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export type SelectProps = FieldBaseProps &
  Omit<ComponentPropsWithRef<'select'>, 'id' | 'children'> & {
    options: readonly SelectOption[];
    /** A first, empty choice such as "— Chọn —". */
    placeholder?: string;
  };

export function Select({ label, hint, error, id, required, className, options, placeholder, 'aria-describedby': extra, ...select }: SelectProps) {
  const ids = useFieldIds(id);
  return (
    <div className={cx('field', error && 'field--error', className)}>
      <Label htmlFor={ids.id} required={required}>
        {label}
      </Label>
      {hint && <Hint id={ids.hintId}>{hint}</Hint>}
      {error && <ErrorText id={ids.errorId}>{error}</ErrorText>}
      <select
        id={ids.id}
        className="input input--select"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(Boolean(hint) && ids.hintId, error && ids.errorId, extra)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export type CheckboxProps = FieldBaseProps & Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'>;

export function Checkbox({ label, hint, error, id, className, 'aria-describedby': extra, ...input }: CheckboxProps) {
  const ids = useFieldIds(id);
  return (
    <div className={cx('field', 'field--checkbox', error && 'field--error', className)}>
      {error && <ErrorText id={ids.errorId}>{error}</ErrorText>}
      <div className="checkbox">
        <input
          id={ids.id}
          type="checkbox"
          className="checkbox__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(Boolean(hint) && ids.hintId, error && ids.errorId, extra)}
          {...input}
        />
        <label className="checkbox__label" htmlFor={ids.id}>
          {label}
        </label>
      </div>
      {hint && <Hint id={ids.hintId}>{hint}</Hint>}
    </div>
  );
}
