/**
 * Catalogue import (/office/catalog/import, system administrators): a national JSON (LayThuTuc) or Excel template
 * file, checked first (dry run: what would be created, updated, left unchanged, rejected with row, sheet, field and
 * reason — nothing written), then imported for real. POST /admin/catalog/import.
 */
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { importResponse } from '@motcua/contracts/catalog-admin';
import { api, useErrorText, type Infer } from '../../api';
import '../../catalog/catalog.css';
import { usePageTitle } from '../../shell/page-title';
import { Button, DataTable, FormErrorSummary, Spinner, TextField, useToast, type Column } from '../../ui';
import { base64Of } from './draft-types';

type Report = Infer<typeof importResponse>;
type Rejection = Report['rejected'][number];

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation('catalog');
  const columns: Column<Rejection & { key: string }>[] = [
    { key: 'code', header: t('office.import.columns.code'), cell: (r) => r.code ?? '—', isRowHeader: true },
    { key: 'row', header: t('office.import.columns.row'), cell: (r) => [r.sheet, r.row].filter((x) => x !== null).join(' / ') || '—' },
    { key: 'field', header: t('office.import.columns.field'), cell: (r) => <code>{r.field}</code> },
    { key: 'message', header: t('office.import.columns.message'), cell: (r) => r.message },
  ];
  const counts = (['created', 'updated', 'unchanged'] as const).map((k) => ({ k, codes: report[k] }));
  return (
    <section aria-labelledby="import-report" className="stack">
      <h2 id="import-report">{t(report.dryRun ? 'office.import.dryReport' : 'office.import.report', { file: report.fileName })}</h2>
      <ul>
        {counts.map(({ k, codes }) => (
          <li key={k}>
            <strong>{t(`office.import.counts.${k}`, { count: codes.length })}</strong>
            {codes.length > 0 && `: ${codes.slice(0, 30).join(', ')}${codes.length > 30 ? '…' : ''}`}
          </li>
        ))}
        <li>
          <strong>{t('office.import.counts.rejected', { count: report.rejected.length })}</strong>
        </li>
      </ul>
      {report.rejected.length > 0 && (
        <DataTable caption={t('office.import.rejectedCaption')} columns={columns} rows={report.rejected.map((r, i) => ({ ...r, key: String(i) }))} rowKey={(r) => r.key} />
      )}
    </section>
  );
}

export default function CatalogImportPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const errorText = useErrorText();
  const toast = useToast();
  usePageTitle(t('office.import.title'), 'officeName');
  const [file, setFile] = useState<File | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [missing, setMissing] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const run = useMutation({
    mutationFn: async ({ chosen, dryRun }: { chosen: File; dryRun: boolean }) =>
      api.post(
        '/admin/catalog/import',
        { fileName: chosen.name, contentBase64: await base64Of(chosen), dryRun, ...(effectiveFrom ? { effectiveFrom } : {}) },
        importResponse,
      ),
    onSuccess: (next) => {
      setReport(next);
      if (!next.dryRun) toast.show(t('office.import.done', { count: next.created.length + next.updated.length }), 'success');
    },
  });
  const start = (dryRun: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setMissing(!file);
    if (file) run.mutate({ chosen: file, dryRun });
  };
  const summaryErrors = missing ? [{ fieldId: 'import-file', message: t('office.import.noFile') }] : [];

  return (
    <div className="page">
      <p>
        <Link to="/office/catalog">{t('office.title')}</Link>
      </p>
      <h1>{t('office.import.title')}</h1>
      <p className="lead">{t('office.import.lead')}</p>
      <form noValidate onSubmit={start(true)} className="page--narrow stack">
        <FormErrorSummary errors={summaryErrors} />
        <TextField
          id="import-file"
          label={t('office.import.file')}
          hint={t('office.import.fileHint')}
          type="file"
          accept=".json,.xlsx,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          required
          error={missing ? t('office.import.noFile') : null}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
          }}
        />
        <TextField
          label={t('office.import.effectiveFrom')}
          hint={t('office.import.effectiveFromHint')}
          type="date"
          value={effectiveFrom}
          onChange={(e) => setEffectiveFrom(e.target.value)}
        />
        <div className="toolbar">
          <Button type="submit" busy={run.isPending && run.variables?.dryRun}>
            {t('office.import.check')}
          </Button>
          {report?.dryRun && report.fileName === file?.name && (
            <Button variant="secondary" busy={run.isPending && !run.variables?.dryRun} onClick={() => start(false)()}>
              {t('office.import.importNow')}
            </Button>
          )}
        </div>
      </form>
      {run.isPending && <Spinner label={t(run.variables?.dryRun ? 'office.import.checking' : 'office.import.importing')} />}
      {run.isError && <p role="alert">{errorText(run.error)}</p>}
      {report && <ReportView report={report} />}
    </div>
  );
}
