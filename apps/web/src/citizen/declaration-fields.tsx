/** One field of a declaration (data from @motcua/contracts/portal-forms) as the kit's control. */
import { useTranslation } from 'react-i18next';
import type { FormField } from '@motcua/contracts/portal-forms';
import { Checkbox, Select, TextArea, TextField } from '../ui';

export const fieldDomId = (fieldId: string) => `f-${fieldId.replace(/\./g, '-')}`;

export function DeclarationField({
  field,
  value,
  error,
  onChange,
}: {
  field: FormField;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
}) {
  const { t } = useTranslation('citizen');
  const label = t(`form.${field.id}` as 'form.child.fullName');
  const hintKey = `form.hints.${field.id}`;
  const hint = t(hintKey as 'form.hints.child.fullName', { defaultValue: '' }) || undefined;
  const common = { id: fieldDomId(field.id), label, hint, error, required: field.required };
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  switch (field.kind) {
    case 'pledge':
      return <Checkbox id={common.id} label={label} error={error} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
    case 'textarea':
      return <TextArea {...common} maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      return (
        <Select
          {...common}
          placeholder={t('form.choose')}
          value={text}
          options={(field.options ?? []).map((o) => ({ value: o, label: t(`form.options.${field.id}.${o}` as 'form.options.child.sex.male') }))}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    default: {
      const input =
        field.kind === 'date'
          ? { type: 'date' }
          : field.kind === 'phone'
            ? { type: 'tel', inputMode: 'tel' as const, autoComplete: 'tel' }
            : field.kind === 'email'
              ? { type: 'email', autoComplete: 'email' }
              : field.kind === 'identity' || field.kind === 'year' || field.kind === 'number'
                ? { inputMode: 'numeric' as const }
                : {};
      return <TextField {...common} {...input} maxLength={field.maxLength} value={text} onChange={(e) => onChange(e.target.value)} />;
    }
  }
}
