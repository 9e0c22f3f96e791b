/**
 * The form templates (mẫu đơn, tờ khai) of one required document: each a name and a link — a web address, or a
 * file uploaded here (POST /admin/catalog/form-templates: PDF, DOCX or XLSX, at most 10 MB; the answer's link
 * downloads it from the public procedure page). Removing a template unlinks it from the document.
 */
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formTemplateResponse } from '@motcua/contracts/catalog-admin';
import { api, useErrorText } from '../../api';
import { Button, Spinner, TextField } from '../../ui';
import { base64Of, type CaseBody } from './draft-types';

type Template = CaseBody['documents'][number]['formTemplates'][number];
const isUploaded = (url: string | null) => Boolean(url?.startsWith('/api/v1/form-templates/'));

export function FormTemplatesField({
  docLabel,
  value,
  onChange,
  errorAt,
}: {
  /** "giấy tờ 2": names every control of this document for screen readers. */
  docLabel: string;
  value: readonly Template[];
  onChange: (next: Template[]) => void;
  errorAt: (index: number) => string | null;
}) {
  const { t } = useTranslation(['catalog', 'common']);
  const errorText = useErrorText();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: async (file: File) =>
      api.post('/admin/catalog/form-templates', { fileName: file.name, contentBase64: await base64Of(file) }, formTemplateResponse),
    onSuccess: (uploaded, file) => {
      onChange([...value, { name: file.name.replace(/\.[^.]+$/, ''), url: uploaded.url }]);
      if (input.current) input.current.value = '';
    },
  });
  const patch = (at: number, change: Partial<Template>) => onChange(value.map((row, i) => (i === at ? { ...row, ...change } : row)));

  return (
    <fieldset className="catalog-edit__group">
      <legend>{t('office.edit.templates.title', { doc: docLabel })}</legend>
      {value.length === 0 && <p className="muted">{t('office.edit.templates.none')}</p>}
      {value.map((f, i) => {
        const n = { n: i + 1, doc: docLabel };
        return (
          <div key={i} className="catalog-edit__row">
            <TextField label={t('office.edit.templates.name', n)} value={f.name} required error={errorAt(i)} onChange={(e) => patch(i, { name: e.target.value })} />
            {isUploaded(f.url) ? (
              <p>
                <a href={f.url ?? undefined} download>
                  {t('office.edit.templates.download', n)}
                </a>
              </p>
            ) : (
              <TextField
                label={t('office.edit.templates.url', n)}
                hint={t('office.edit.templates.urlHint')}
                type="url"
                inputMode="url"
                value={f.url ?? ''}
                onChange={(e) => patch(i, { url: e.target.value })}
              />
            )}
            <Button variant="link" onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {t('office.edit.templates.remove', n)}
            </Button>
          </div>
        );
      })}
      <TextField
        ref={input}
        label={t('office.edit.templates.upload', { doc: docLabel })}
        hint={t('office.edit.templates.uploadHint')}
        type="file"
        accept=".pdf,.docx,.xlsx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        error={upload.isError ? errorText(upload.error) : null}
        disabled={upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) upload.mutate(file);
        }}
      />
      {upload.isPending && <Spinner label={t('office.edit.templates.uploading')} />}
      <Button variant="secondary" onClick={() => onChange([...value, { name: '', url: null }])}>
        {t('office.edit.templates.addLink', { doc: docLabel })}
      </Button>
    </fieldset>
  );
}
