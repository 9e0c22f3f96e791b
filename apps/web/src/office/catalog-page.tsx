/** The catalogue's administration home (/office/catalog): drafts in progress, and opening a draft by code. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { draftListResponse, draftResponse } from '@motcua/contracts/catalog-admin';
import { api, formErrorsFrom, noFormErrors, useErrorText, type FormErrors, type Infer } from '../api';
import { useCatalogText } from '../catalog/catalog-text';
import '../catalog/catalog.css';
import { usePageTitle } from '../shell/page-title';
import { Button, DataTable, EmptyState, FormErrorSummary, Spinner, TextField, type Column } from '../ui';

type DraftRow = Infer<typeof draftListResponse>['items'][number];

export default function CatalogPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const text = useCatalogText();
  const errorText = useErrorText();
  const navigate = useNavigate();
  usePageTitle(t('office.title'), 'officeName');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const drafts = useQuery({ queryKey: ['drafts'], queryFn: () => api.get('/admin/procedure-drafts', draftListResponse) });
  const open = useMutation({
    mutationFn: (value: string) => api.post('/admin/procedure-drafts', { code: value }, draftResponse),
    onSuccess: (draft) => void navigate(`/office/catalog/drafts/${draft.id}`),
    onError: (error) => setErrors(formErrorsFrom(error, { code: 'draft-code' }, errorText)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate(code.trim());
  };

  const columns: Column<DraftRow>[] = [
    { key: 'code', header: t('office.columns.code'), cell: (d) => <Link to={`/office/catalog/drafts/${d.id}`}>{d.code}</Link>, sortValue: (d) => d.code },
    { key: 'name', header: t('office.columns.name'), cell: (d) => d.name, sortValue: (d) => d.name, isRowHeader: true },
    { key: 'status', header: t('office.columns.status'), cell: (d) => t(`office.status.${d.status}`), sortValue: (d) => d.status },
    { key: 'updatedAt', header: t('office.columns.updatedAt'), cell: (d) => text.instant(d.updatedAt), sortValue: (d) => d.updatedAt },
  ];

  return (
    <div className="page">
      <h1>{t('office.title')}</h1>
      <p className="lead">{t('office.lead')}</p>
      <p>
        <Link to="/office/catalog/import">{t('office.import.link')}</Link>
      </p>
      <section aria-labelledby="open-draft">
        <h2 id="open-draft">{t('office.openTitle')}</h2>
        <form noValidate onSubmit={submit} className="page--narrow">
          <FormErrorSummary errors={errors.summary} />
          <TextField
            id="draft-code"
            label={t('office.openCode')}
            hint={t('office.openCodeHint')}
            value={code}
            required
            error={errors.fields.code}
            onChange={(e) => setCode(e.target.value)}
          />
          <Button type="submit" busy={open.isPending}>
            {t('office.open')}
          </Button>
        </form>
      </section>
      <h2 id="drafts">{t('office.draftsTitle')}</h2>
      {drafts.isPending && <Spinner label={t('common:loading')} />}
      {drafts.isError && <p role="alert">{errorText(drafts.error)}</p>}
      {drafts.data &&
        (drafts.data.items.length === 0 ? (
          <EmptyState title={t('office.noDrafts')} />
        ) : (
          <DataTable
            caption={t('office.draftsTitle')}
            captionHidden
            columns={columns}
            rows={drafts.data.items}
            rowKey={(d) => d.id}
            defaultSort={{ key: 'updatedAt', direction: 'descending' }}
          />
        ))}
    </div>
  );
}
