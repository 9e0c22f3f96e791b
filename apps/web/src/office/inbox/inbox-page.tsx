/**
 * The inbox (/office/inbox): open dossiers of my agencies in tabs — my steps, my unit, near due, overdue, waiting
 * for a supplement, waiting for consultation answers — most urgent first, with countdowns and filters by procedure,
 * channel and status. Live counts: the list is refetched every 30 seconds (polling) and when the window regains
 * focus; the page says when it was last updated.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/page-title';
import { Checkbox, Countdown, DataTable, EmptyState, Select, Spinner, StatusTag, Tabs, WorkingCountdown, type Column } from '../../ui';
import { inboxRefetchMs, useInbox, type InboxItem } from '../desk/desk-queries';
import { stateTone, useDeskText } from '../desk/desk-text';
import '../desk/desk.css';
import { BulkAssign, canAssign, isAssignable } from './bulk-assign';
import { byDue, inboxTabs, inTab, matches, noFilters, rowDue, type InboxFilters, type InboxTab } from './inbox-rows';

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
  const inbox = useInbox();
  const columns = useInboxColumns();
  const [tab, setTab] = useState<InboxTab>('mine');
  const [filters, setFilters] = useState<InboxFilters>(noFilters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => (inbox.data?.items ?? []).filter((r) => r.state !== 'submitted'), [inbox.data]);
  const now = inbox.dataUpdatedAt || Date.now();
  const procedures = useMemo(() => [...new Map(rows.map((r) => [r.procedureCode, r.procedureName])).entries()].sort((a, b) => a[1].localeCompare(b[1], 'vi')), [rows]);
  if (!user) return null;
  const filtered = rows.filter((r) => matches(r, filters));
  const assigning = canAssign(user);
  const toggle = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  // Heads and leaders tick processing dossiers to assign their active steps to one officer at once.
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
                onChange={(e) => toggle(r.id, e.target.checked)}
              />
            ) : null,
        },
        ...columns,
      ]
    : columns;
  const selectedRows = rows.filter((r) => selected.has(r.id) && isAssignable(r));
  const tabRows = (id: InboxTab) => filtered.filter((r) => inTab(id, r, user, now)).sort(byDue);

  return (
    <div className="page desk">
      <h1>{t('inbox.title')}</h1>
      {inbox.isPending ? (
        <Spinner label={t('inbox.loading')} />
      ) : inbox.error ? (
        <p role="alert">{errorText(inbox.error)}</p>
      ) : (
        <>
          <LiveNote updatedAt={inbox.dataUpdatedAt} />
          <div className="inbox__filters">
            <Select
              label={t('inbox.filters.procedure')}
              value={filters.procedure}
              placeholder={t('inbox.filters.all')}
              options={procedures.map(([code, name]) => ({ value: code, label: name }))}
              onChange={(e) => setFilters({ ...filters, procedure: e.target.value })}
            />
            <Select
              label={t('inbox.filters.channel')}
              value={filters.channel}
              placeholder={t('inbox.filters.all')}
              options={(['counter', 'online', 'postal'] as const).map((c) => ({ value: c, label: t(`channels.${c}`) }))}
              onChange={(e) => setFilters({ ...filters, channel: e.target.value })}
            />
            <Select
              label={t('inbox.filters.state')}
              value={filters.state}
              placeholder={t('inbox.filters.all')}
              options={(['received', 'processing', 'supplement_requested', 'awaiting_payment', 'result_ready', 'in_postal_return'] as const).map((s) => ({ value: s, label: t(`states.${s}`) }))}
              onChange={(e) => setFilters({ ...filters, state: e.target.value })}
            />
          </div>
          {assigning && <BulkAssign rows={selectedRows} onDone={() => setSelected(new Set())} />}
          <Tabs
            label={t('inbox.tabsLabel')}
            selectedId={tab}
            onSelect={(id) => setTab(id as InboxTab)}
            tabs={inboxTabs.map((id) => {
              const list = tabRows(id);
              return {
                id,
                label: t('inbox.tabLabel', { name: t(`inbox.tabs.${id}`), count: list.length }),
                panel:
                  list.length === 0 ? (
                    <EmptyState title={t('inbox.empty')} />
                  ) : (
                    <DataTable caption={t(`inbox.tabs.${id}`)} captionHidden columns={tableColumns} rows={list} rowKey={(r) => r.id} />
                  ),
              };
            })}
          />
        </>
      )}
    </div>
  );
}
