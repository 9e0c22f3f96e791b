/**
 * The online queue (/office/queue): dossiers submitted online waiting for the desk's reception check, the longest
 * waiting (the most urgent check) first, with its countdown (receptionCheckDueAt); counted and paged by the server
 * (GET /dossiers/queue), 50 a page, so none is missed however many wait. Receive at once from the list (Form 01);
 * request a supplement or refuse from the dossier page, where the forms are. Refetched every 30 seconds.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { usePageTitle } from '../../shell/page-title';
import { Button, DataTable, EmptyState, Spinner, useToast, type Column } from '../../ui';
import { newIdempotencyKey, useDossierAction, useQueue, type InboxItem } from '../desk/desk-queries';
import { ListPages } from '../desk/list-pages';
import '../desk/desk.css';
import { inboxPageSize, pageCount, pageQuery } from './inbox-rows';
import { LiveNote, useInboxColumns } from './inbox-page';

function ReceiveButton({ row }: { row: InboxItem }) {
  const { t } = useTranslation('desk');
  const toast = useToast();
  const errorText = useErrorText();
  const action = useDossierAction(row);
  const [key] = useState(newIdempotencyKey);
  return (
    <Button
      busy={action.isPending}
      onClick={() =>
        action.mutate(
          { path: 'reception', body: undefined, idempotencyKey: key },
          {
            onSuccess: (d) => toast.show(t('queue.received', { code: d.code ?? '' }), 'success'),
            onError: (e) => toast.show(errorText(e), 'error'),
          },
        )
      }
    >
      {t('queue.receive')}
    </Button>
  );
}

export default function QueuePage() {
  const { t } = useTranslation('desk');
  usePageTitle(t('queue.title'), 'officeName');
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const inbox = useQueue(pageQuery(page));
  const base = useInboxColumns();
  const rows = inbox.data?.items ?? [];
  const total = inbox.data?.total ?? 0;
  // A refresh that shortened the queue (dossiers received) leaves no empty page behind.
  const pages = pageCount(total);
  useEffect(() => {
    if (page > pages) setPage(pages);
  }, [page, pages]);
  const columns: Column<InboxItem>[] = [
    ...base.filter((c) => c.key !== 'state').map((c) => (c.key === 'due' ? { ...c, header: t('queue.due') } : c)),
    {
      key: 'actions',
      header: t('queue.actions'),
      cell: (r) => (
        <div className="reception__actions">
          <ReceiveButton row={r} />
          <Link to={`/office/dossiers/${r.id}`}>{t('queue.check')}</Link>
        </div>
      ),
    },
  ];
  return (
    <div className="page desk">
      <h1>{t('queue.title')}</h1>
      <p>{t('queue.lead')}</p>
      {inbox.isPending ? (
        <Spinner label={t('inbox.loading')} />
      ) : inbox.error ? (
        <p role="alert">{errorText(inbox.error)}</p>
      ) : (
        <>
          <LiveNote updatedAt={inbox.dataUpdatedAt} />
          {rows.length === 0 ? (
            <EmptyState title={t('queue.empty')} />
          ) : (
            <>
              <p className="inbox__total">{t('queue.total', { count: total })}</p>
              <DataTable caption={t('queue.title')} captionHidden columns={columns} rows={rows} rowKey={(r) => r.id} />
            </>
          )}
          <ListPages page={page} pageSize={inboxPageSize} shown={rows.length} total={total} onPageChange={setPage} />
        </>
      )}
    </div>
  );
}
