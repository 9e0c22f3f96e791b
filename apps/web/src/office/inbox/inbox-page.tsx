/**
 * The inbox (/office/inbox): open dossiers of my agencies in tabs — my steps, my unit, near due, overdue, waiting
 * for a supplement, waiting for consultation answers — most urgent first, with countdowns and filters by procedure,
 * channel and status. The server counts every tab and pages the chosen one (GET /dossiers/inbox), so no dossier is
 * missed however many there are; 50 rows a page. Live counts: refetched every 30 seconds (polling) and when the
 * window regains focus; the page says when it was last updated.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/page-title';
import { Checkbox, Countdown, DataTable, EmptyState, Select, Spinner, StatusTag, Tabs, WorkingCountdown, type Column } from '../../ui';
import { inboxRefetchMs, useInboxTab, type InboxItem } from '../desk/desk-queries';
import { stateTone, useDeskText } from '../desk/desk-text';
import { ListPages } from '../desk/list-pages';
import '../desk/desk.css';
import { BulkAssign, canAssign, isAssignable } from './bulk-assign';
import { inboxPageSize, inboxQuery, inboxTabs, noFilters, pageCount, rowDue, type InboxFilters, type InboxTab } from './inbox-rows';

export function useInboxColumns(): Column<InboxItem>[] {
  const { t } = useTranslation('desk');
  const text = useDeskText();
  return [
    {
      key: 'code',
      header: t('inbox.columns.code'),
      isRowHeader: true,
      cell: (r) => <Link to={`/office/dossiers/${r.id}`}>{r.code ?? t('inbox.noCode')}</Link>,
      sortValue: (r) => r.code ?? '',
    },
    { key: 'procedure', header: t('inbox.columns.procedure'), cell: (r) => r.procedureName, sortValue: (r) => r.procedureName },
    { key: 'summary', header: t('inbox.columns.summary'), cell: (r) => r.summary },
    {
      key: 'state',
      header: t('inbox.columns.state'),
      cell: (r) => (
        <>
          <StatusTag tone={stateTone[r.state]}>{t(`states.${r.state}`)}</StatusTag>
          {(r.consultationsToAnswer ?? 0) > 0 && (
            <>
              {' '}
              <StatusTag tone="warning">{t('inbox.toAnswer', { count: r.consultationsToAnswer })}</StatusTag>
            </>
          )}
          {(r.openConsultations ?? 0) > 0 && (
            <>
              {' '}
              <StatusTag tone="info">{t('inbox.waitingAnswers', { count: r.openConsultations })}</StatusTag>
            </>
          )}
          {r.activeStep && (
            <div className="muted">
              {r.activeStep.name}
              {r.activeStep.assigneeName && <> — {r.activeStep.assigneeName}</>}
            </div>
          )}
        </>
      ),
      sortValue: (r) => r.state,
    },
    {
      key: 'due',
      header: t('inbox.columns.due'),
      cell: (r) => {
        const due = rowDue(r);
        return due ? (
          <>
            {text.instant(due)}
            <div>{r.countdown ? <WorkingCountdown countdown={r.countdown} /> : <Countdown due={due} />}</div>
          </>
        ) : (
          '—'
        );
      },
      sortValue: (r) => rowDue(r) ?? '9999',
    },
  ];
}

export function LiveNote({ updatedAt }: { updatedAt: number }) {
  const { t } = useTranslation('desk');
  const text = useDeskText();
  return (
    <p className="hint-text" aria-live="polite">
      {t('inbox.live', { seconds: inboxRefetchMs / 1000, at: text.instant(new Date(updatedAt).toISOString()) })}
    </p>
  );
}

export default function InboxPage() {
  const { t } = useTranslation(['desk', 'common']);
  usePageTitle(t('inbox.title'), 'officeName');
  const { user } = useSession();
  const errorText = useErrorText();
  const columns = useInboxColumns();
  const [tab, setTab] = useState<InboxTab>('mine');
  const [filters, setFilters] = useState<InboxFilters>(noFilters);
  const [page, setPage] = useState(1);
  // Selected rows by id: the selection survives paging and tab changes (each row as last seen, for its version).
  const [selected, setSelected] = useState<ReadonlyMap<string, InboxItem>>(new Map());
  const inbox = useInboxTab(inboxQuery(tab, filters, page));
  const rows = inbox.data?.items ?? [];
  const counts = inbox.data?.counts;
  const pages = pageCount(counts?.[tab] ?? 0);
  // A refresh that shortened the tab (dossiers moved on) leaves no empty page behind.
  useEffect(() => {
    if (page > pages) setPage(pages);
  }, [page, pages]);
  if (!user) return null;
  const assigning = canAssign(user);
  const toggle = (row: InboxItem, on: boolean) =>
    setSelected((old) => {
      const next = new Map(old);
      if (on) next.set(row.id, row);
      else next.delete(row.id);
      return next;
    });
  const filter = (next: InboxFilters) => {
    setFilters(next);
    setPage(1);
  };
  // Heads and leaders tick processing dossiers to assign their active steps to officers at once.
  const tableColumns: Column<InboxItem>[] = assigning
    ? [
        {
          key: 'select',
          header: t('inbox.assign.select'),
          cell: (r) =>
            isAssignable(r) ? (
              <Checkbox
                label={<span className="visually-hidden">{t('inbox.assign.selectNamed', { code: r.code ?? t('inbox.noCode') })}</span>}
                checked={selected.has(r.id)}
                onChange={(e) => toggle(r, e.target.checked)}
              />
            ) : null,
        },
        ...columns,
      ]
    : columns;
  // The freshest copy of each selected row on this page (its version may have moved on since it was ticked).
  const selectedRows = [...selected.values()].map((r) => rows.find((x) => x.id === r.id) ?? r).filter(isAssignable);
  const panel = (
    <>
      {rows.length === 0 ? (
        <EmptyState title={t('inbox.empty')} />
      ) : (
        <DataTable caption={t(`inbox.tabs.${tab}`)} captionHidden columns={tableColumns} rows={rows} rowKey={(r) => r.id} />
      )}
      <ListPages page={page} pageSize={inboxPageSize} shown={rows.length} total={counts?.[tab] ?? 0} onPageChange={setPage} />
    </>
  );

  return (
    <div className="page desk">
      <h1>{t('inbox.title')}</h1>
      {inbox.isPending ? (
        <Spinner label={t('inbox.loading')} />
      ) : inbox.error && !inbox.data ? (
        <p role="alert">{errorText(inbox.error)}</p>
      ) : (
        <>
          <LiveNote updatedAt={inbox.dataUpdatedAt} />
          {inbox.error && <p role="alert">{errorText(inbox.error)}</p>}
          <div className="inbox__filters">
            <Select
              label={t('inbox.filters.procedure')}
              value={filters.procedure}
              placeholder={t('inbox.filters.all')}
              options={(inbox.data?.procedures ?? []).map((p) => ({ value: p.code, label: p.name }))}
              onChange={(e) => filter({ ...filters, procedure: e.target.value })}
            />
            <Select
              label={t('inbox.filters.channel')}
              value={filters.channel}
              placeholder={t('inbox.filters.all')}
              options={(['counter', 'online', 'postal'] as const).map((c) => ({ value: c, label: t(`channels.${c}`) }))}
              onChange={(e) => filter({ ...filters, channel: e.target.value })}
            />
            <Select
              label={t('inbox.filters.state')}
              value={filters.state}
              placeholder={t('inbox.filters.all')}
              options={(['received', 'processing', 'supplement_requested', 'awaiting_payment', 'result_ready', 'in_postal_return'] as const).map((s) => ({ value: s, label: t(`states.${s}`) }))}
              onChange={(e) => filter({ ...filters, state: e.target.value })}
            />
          </div>
          {assigning && <BulkAssign rows={selectedRows} onDone={() => setSelected(new Map())} />}
          <Tabs
            label={t('inbox.tabsLabel')}
            selectedId={tab}
            onSelect={(id) => {
              setTab(id as InboxTab);
              setPage(1);
            }}
            tabs={inboxTabs.map((id) => ({
              id,
              label: t('inbox.tabLabel', { name: t(`inbox.tabs.${id}`), count: counts?.[id] ?? 0 }),
              panel: id === tab ? panel : null,
            }))}
          />
        </>
      )}
    </div>
  );
}
