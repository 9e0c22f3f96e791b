/**
 * Deadlines (/office/deadlines): every open dossier of my units at risk or overdue — the inbox's near-due and overdue
 * dossiers and those with a deadline alert to me or my role, a desk supervisor's dossier held by the competent agency
 * included — decided, counted and paged by the server (GET /dossiers/deadlines), 50 a page, the most urgent first, so
 * none is missed however many there are; with the drafted apology (Form 04) to review, edit and issue. For agency
 * leaders, desk supervisors and department heads. Refetched every 30 seconds.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { usePageTitle } from '../../shell/page-title';
import { Button, DataTable, WorkingCountdown, EmptyState, Spinner, StatusTag, type Column } from '../../ui';
import { useDeadlines } from '../desk/desk-queries';
import { ListPages } from '../desk/list-pages';
import { LiveNote } from '../inbox/inbox-page';
import { pageCount, pageQuery } from '../inbox/inbox-rows';
import { deadlinesPageSize, kindTone, type DeadlineRow } from './deadline-rows';
import { ApologyPanel } from './apology-panel';
import '../desk/desk.css';
import '../leader/leader.css';

export default function DeadlinesPage() {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  usePageTitle(t('deadlines.title'), 'officeName');
  const [open, setOpen] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const list = useDeadlines(pageQuery(page, deadlinesPageSize));
  const counts = list.data?.counts;
  const rows = list.data?.items ?? [];
  // A refresh that shortened the list (dossiers returned, apologies issued) leaves no empty page behind.
  const pages = pageCount(counts?.total ?? 0, deadlinesPageSize);
  useEffect(() => {
    if (page > pages) setPage(pages);
  }, [page, pages]);

  const columns: Column<DeadlineRow>[] = [
    {
      key: 'code',
      header: t('deadlines.columns.code'),
      cell: (r) => <Link to={`/office/dossiers/${r.id}`}>{r.code ?? t('common.noCode')}</Link>,
      isRowHeader: true,
    },
    { key: 'procedure', header: t('deadlines.columns.procedure'), cell: (r) => r.procedureName },
    {
      key: 'due',
      header: t('deadlines.columns.due'),
      cell: (r) => (r.countdown ? <WorkingCountdown countdown={r.countdown} showDue /> : t('common.none')),
    },
    {
      key: 'alerts',
      header: t('deadlines.columns.alerts'),
      cell: (r) => (
        <ul className="tag-list">
          {r.kinds.map((k) => (
            <li key={k}>
              <StatusTag tone={kindTone(k)}>{t(`deadlines.kinds.${k}`)}</StatusTag>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'action',
      header: t('deadlines.columns.action'),
      cell: (r) => (
        <Button variant="secondary" aria-label={t('deadlines.openNamed', { code: r.code ?? t('common.noCode') })} onClick={() => setOpen(r.id)}>
          {t('deadlines.open')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <h1>{t('deadlines.title')}</h1>
      <p className="lead">{t('deadlines.lead')}</p>
      {list.isPending && <Spinner label={t('common:loading')} />}
      {list.isError && <p role="alert">{errorText(list.error)}</p>}
      {list.data && (
        <>
          <LiveNote updatedAt={list.dataUpdatedAt} />
          {rows.length === 0 ? (
            <EmptyState title={t('deadlines.empty')}>{t('deadlines.emptyBody')}</EmptyState>
          ) : (
            <>
              <p className="inbox__total">{t('deadlines.counts', { ...counts })}</p>
              <DataTable caption={t('deadlines.tableCaption')} columns={columns} rows={rows} rowKey={(r) => r.id} />
            </>
          )}
          <ListPages page={page} pageSize={deadlinesPageSize} shown={rows.length} total={counts?.total ?? 0} onPageChange={setPage} />
        </>
      )}
      {open && <ApologyPanel key={open} dossierId={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
