/**
 * A dossier's control sheet (/office/control-sheets/:id; Form 05 of TT 01/2018, 06 of TT 03/2025): every hand-over
 * with its giver, receiver, instant, due time, completion and early / on time / late, printable on A4.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { controlSheetResponse } from '@motcua/contracts/dossiers';
import { api, useErrorText, type Infer } from '../../api';
import { usePageTitle } from '../../shell/page-title';
import { Button, DataTable, Spinner, StatusTag, type Column } from '../../ui';
import { useInstantText } from '../leader/office-time';
import '../leader/leader.css';

type Row = Infer<typeof controlSheetResponse>['rows'][number];
const tones = { early: 'success', on_time: 'info', late: 'danger' } as const;

export default function ControlSheetPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const instant = useInstantText();
  const sheet = useQuery({ queryKey: ['control-sheet', id], queryFn: () => api.get(`/dossiers/${id}/control-sheet`, controlSheetResponse) });
  const code = sheet.data?.dossierCode ?? t('common.noCode');
  usePageTitle(t('sheet.title', { code }), 'officeName');
  const kind = (k: string) => (['reception', 'transfer', 'step', 'return_step', 'consultation', 'inter_agency', 'result', 'return'].includes(k) ? t(`sheet.kinds.${k as 'step'}`) : k);
  const columns: Column<Row>[] = [
    { key: 'seq', header: t('sheet.columns.seq'), cell: (r) => r.seq, align: 'end' },
    { key: 'kind', header: t('sheet.columns.kind'), cell: (r) => kind(r.kind), isRowHeader: true },
    { key: 'from', header: t('sheet.columns.from'), cell: (r) => r.fromName ?? t('common.none') },
    { key: 'to', header: t('sheet.columns.to'), cell: (r) => (r.toRole ? t(`common:roles.${r.toRole as 'specialist'}`) : t('common.none')) },
    { key: 'at', header: t('sheet.columns.at'), cell: (r) => instant(r.handedOverAt) },
    { key: 'due', header: t('sheet.columns.due'), cell: (r) => instant(r.dueAt) },
    { key: 'done', header: t('sheet.columns.done'), cell: (r) => instant(r.completedAt) },
    {
      key: 'timeliness',
      header: t('sheet.columns.timeliness'),
      cell: (r) => (r.timeliness ? <StatusTag tone={tones[r.timeliness]}>{t(`sheet.timeliness.${r.timeliness}`)}</StatusTag> : t('common.none')),
    },
    { key: 'note', header: t('sheet.columns.note'), cell: (r) => r.note ?? '' },
  ];
  return (
    <div className="page print-sheet">
      <p className="no-print">
        <Link to={`/office/dossiers/${id}`}>{t('common.dossierLink', { code })}</Link>
      </p>
      <h1>{t('sheet.title', { code })}</h1>
      {sheet.isPending && <Spinner label={t('common:loading')} />}
      {sheet.isError && <p role="alert">{errorText(sheet.error)}</p>}
      {sheet.data && (
        <>
          <p>
            {sheet.data.form.title ?? ''} {sheet.data.form.number ? `(${t('ledger.form', { number: sheet.data.form.number })})` : ''}
          </p>
          <dl className="facts">
            <dt>{t('sheet.receivedAt')}</dt>
            <dd>{instant(sheet.data.receivedAt)}</dd>
            <dt>{t('sheet.dueAt')}</dt>
            <dd>
              {instant(sheet.data.dueAt)}
              {sheet.data.extendedDueAt ? ` — ${t('sheet.extended', { due: instant(sheet.data.extendedDueAt) })}` : ''}
            </dd>
          </dl>
          <p className="no-print">
            <Button variant="secondary" onClick={() => window.print()}>
              {t('ledger.print')}
            </Button>
          </p>
          <DataTable caption={t('sheet.caption')} columns={columns} rows={sheet.data.rows} rowKey={(r) => String(r.seq)} />
        </>
      )}
    </div>
  );
}
