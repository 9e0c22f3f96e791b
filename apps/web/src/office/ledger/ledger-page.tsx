/**
 * The desk ledger (/office/ledger; Form 06 of TT 01/2018, 07 of TT 03/2025): the dossiers a desk received, with
 * their hand-over, result and return, for one day or a period; printable on A4 and exportable as CSV. Rows come
 * from GET /desks/{deskId}/ledger per year and are filtered here by the local (Vietnam) reception date.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ledgerResponse } from '@motcua/contracts/dossiers';
import { api, useErrorText, type Infer } from '../../api';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/page-title';
import { Button, DataTable, EmptyState, Select, Spinner, Tabs, TextField, type Column } from '../../ui';
import { useInstantText, vietnamDate } from '../leader/office-time';
import '../leader/leader.css';
import { download, toCsv } from './ledger-csv';
import { readAllPages } from './ledger-pages';

type Row = Infer<typeof ledgerResponse>['rows'][number];

const today = () => vietnamDate(new Date().toISOString());

export default function LedgerPage() {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const instant = useInstantText();
  const { user } = useSession();
  usePageTitle(t('ledger.title'), 'officeName');
  const desks = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of user?.roles ?? []) if (!seen.has(r.agencyId)) seen.set(r.agencyId, `${r.agencyName} (${r.agencyCode})`);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [user]);
  const [deskId, setDeskId] = useState(desks[0]?.value ?? '');
  const [mode, setMode] = useState<'day' | 'period'>('day');
  const [day, setDay] = useState(today);
  const [from, setFrom] = useState(() => `${today().slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const [start, end] = mode === 'day' ? [day, day] : [from, to];
  const years = useMemo(() => {
    const a = Number(start.slice(0, 4));
    const b = Number(end.slice(0, 4));
    return Number.isFinite(a) && Number.isFinite(b) && a <= b && b - a < 5 ? Array.from({ length: b - a + 1 }, (_, i) => a + i) : [];
  }, [start, end]);
  const ledger = useQuery({
    queryKey: ['ledger', deskId, years.join(',')],
    enabled: Boolean(deskId) && years.length > 0,
    queryFn: async () => {
      // Each year page after page (the server answers at most 1,000 rows a request).
      const forms: Infer<typeof ledgerResponse>['form'][] = [];
      const parts = await Promise.all(
        years.map((y) =>
          readAllPages(async (offset, limit) => {
            const page = await api.get(`/desks/${deskId}/ledger?year=${y}&limit=${limit}&offset=${offset}`, ledgerResponse);
            if (offset === 0 && y === years[0]) forms.push(page.form);
            return page.rows;
          }),
        ),
      );
      return { form: forms[0] ?? null, rows: parts.flat() };
    },
  });
  const rows = (ledger.data?.rows ?? []).filter((r) => {
    const d = vietnamDate(r.receivedAt);
    return d >= start && d <= end;
  });
  const deskName = desks.find((d) => d.value === deskId)?.label ?? '';
  const period = start === end ? start.split('-').reverse().join('/') : `${start.split('-').reverse().join('/')} – ${end.split('-').reverse().join('/')}`;

  const columns: Column<Row>[] = [
    { key: 'number', header: t('ledger.columns.number'), cell: (r) => r.number, sortValue: (r) => r.number, align: 'end' },
    { key: 'code', header: t('ledger.columns.code'), cell: (r) => r.code, sortValue: (r) => r.code, isRowHeader: true },
    { key: 'procedure', header: t('ledger.columns.procedure'), cell: (r) => r.procedureName },
    {
      key: 'applicant',
      header: t('ledger.columns.applicant'),
      cell: (r) => [r.applicantName, r.applicantAddress, r.applicantPhone].filter(Boolean).join(', ') || t('common.none'),
    },
    { key: 'received', header: t('ledger.columns.received'), cell: (r) => instant(r.receivedAt), sortValue: (r) => r.receivedAt },
    { key: 'due', header: t('ledger.columns.due'), cell: (r) => instant(r.extendedDueAt ?? r.dueAt) },
    { key: 'transferred', header: t('ledger.columns.transferred'), cell: (r) => instant(r.transferredAt) },
    { key: 'result', header: t('ledger.columns.result'), cell: (r) => instant(r.resultAt) },
    { key: 'returned', header: t('ledger.columns.returned'), cell: (r) => instant(r.returnedAt) },
    { key: 'receiver', header: t('ledger.columns.receiver'), cell: (r) => r.receiverName ?? t('common.none') },
  ];
  const exportCsv = () =>
    download(
      `so-theo-doi-${start}${start === end ? '' : `_${end}`}.csv`,
      toCsv(
        columns.map((c) => c.header),
        rows.map((r) => [
          r.number,
          r.code,
          r.procedureName,
          [r.applicantName, r.applicantAddress, r.applicantPhone].filter(Boolean).join(', '),
          instant(r.receivedAt),
          instant(r.extendedDueAt ?? r.dueAt),
          instant(r.transferredAt),
          instant(r.resultAt),
          instant(r.returnedAt),
          r.receiverName,
        ]),
      ),
    );

  const dayFields = <TextField label={t('ledger.day')} type="date" value={day} onChange={(e) => setDay(e.target.value)} />;
  const periodFields = (
    <div className="toolbar">
      <TextField label={t('ledger.from')} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      <TextField label={t('ledger.to')} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
    </div>
  );

  return (
    <div className="page print-sheet">
      <h1>{t('ledger.title')}</h1>
      <p className="print-only">
        {ledger.data?.form?.title ?? ''} {ledger.data?.form?.number ? `(${t('ledger.form', { number: ledger.data.form.number })})` : ''}
      </p>
      <p className="lead">{t('ledger.heading', { desk: deskName, period })}</p>
      <div className="no-print">
        <Select label={t('ledger.desk')} value={deskId} options={desks} onChange={(e) => setDeskId(e.target.value)} />
        <Tabs
          label={t('ledger.modeLabel')}
          tabs={[
            { id: 'day', label: t('ledger.byDay'), panel: dayFields },
            { id: 'period', label: t('ledger.byPeriod'), panel: periodFields },
          ]}
          selectedId={mode}
          onSelect={(id) => setMode(id as 'day' | 'period')}
        />
        <div className="toolbar">
          <Button variant="secondary" onClick={() => window.print()}>
            {t('ledger.print')}
          </Button>
          <Button variant="secondary" disabled={rows.length === 0} onClick={exportCsv}>
            {t('ledger.csv')}
          </Button>
        </div>
      </div>
      {ledger.isPending && ledger.fetchStatus !== 'idle' && <Spinner label={t('common:loading')} />}
      {ledger.isError && <p role="alert">{errorText(ledger.error)}</p>}
      {ledger.data &&
        (rows.length === 0 ? (
          <EmptyState title={t('ledger.empty')} />
        ) : (
          <DataTable caption={t('ledger.caption', { count: rows.length })} columns={columns} rows={rows} rowKey={(r) => r.code} stackOnPhone />
        ))}
    </div>
  );
}
