/** A unit's figures per procedure (/dashboard/procedures): the drill-down between the unit and its dossiers. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { procedureFiguresResponse, type ProcedureFiguresResponse } from '@motcua/contracts/monitoring';
import { api, useErrorText } from '../api';
import { usePageTitle } from '../shell/page-title';
import { DataTable, Spinner, StatusTag, type Column } from '../ui';
import { number, percent } from './charts';
import { PeriodPicker, toSearch, useMonitoringParams } from './monitoring-params';
import './monitoring.css';

type Row = ProcedureFiguresResponse['procedures'][number];

export default function ProceduresPage() {
  const { t, i18n } = useTranslation('dashboard');
  const lang = i18n.language;
  const [params, setParams] = useMonitoringParams();
  const errorText = useErrorText();
  usePageTitle(t('procedures.title'), 'dashboardName');
  const search = toSearch(params).toString();
  const query = useQuery({ queryKey: ['monitoring-procedures', search], queryFn: () => api.get(`/monitoring/procedures?${search}`, procedureFiguresResponse) });
  const columns: Column<Row>[] = [
    {
      key: 'procedure',
      header: t('dossiers.procedure'),
      cell: (r) => <Link to={`/dashboard/dossiers?${toSearch({ ...params, unit: query.data?.unit.code ?? params.unit ?? '' }, { procedure: r.procedureCode })}`}>{r.procedureName}</Link>,
      sortValue: (r) => r.procedureName,
      isRowHeader: true,
    },
    { key: 'code', header: t('procedures.code'), cell: (r) => <code>{r.procedureCode}</code>, sortValue: (r) => r.procedureCode },
    { key: 'field', header: t('procedures.field'), cell: (r) => r.fieldName ?? '—', sortValue: (r) => r.fieldName ?? '' },
    { key: 'received', header: t('figures.received'), cell: (r) => number(r.figures.received.total, lang), sortValue: (r) => r.figures.received.total, align: 'end' },
    { key: 'resolved', header: t('figures.resolved'), cell: (r) => number(r.figures.resolved.total, lang), sortValue: (r) => r.figures.resolved.total, align: 'end' },
    { key: 'late', header: t('figures.resolvedLate'), cell: (r) => number(r.figures.resolved.late, lang), sortValue: (r) => r.figures.resolved.late, align: 'end' },
    { key: 'onTime', header: t('figures.onTimeRate'), cell: (r) => percent(r.figures.onTimeRate, lang), sortValue: (r) => r.figures.onTimeRate ?? -1, align: 'end' },
    { key: 'pending', header: t('figures.pending'), cell: (r) => number(r.figures.pending.total, lang), sortValue: (r) => r.figures.pending.total, align: 'end' },
    { key: 'overdue', header: t('figures.pendingOverdue'), cell: (r) => number(r.figures.pending.overdue, lang), sortValue: (r) => r.figures.pending.overdue, align: 'end' },
  ];
  return (
    <div className="page monitoring">
      <h1>{query.data ? t('procedures.titleOf', { unit: query.data.unit.name }) : t('procedures.title')}</h1>
      <p>
        <Link to={`/dashboard/overview?${search}`}>{t('procedures.back')}</Link>
      </p>
      <PeriodPicker key={search} params={params} onChange={setParams} />
      {query.isPending ? (
        <Spinner label={t('overview.loading')} />
      ) : query.isError ? (
        <p role="alert">
          <StatusTag tone="danger">{errorText(query.error)}</StatusTag>
        </p>
      ) : (
        <DataTable caption={t('procedures.caption', { from: query.data.period.from, to: query.data.period.to })} columns={columns} rows={query.data.procedures} rowKey={(r) => r.procedureCode} />
      )}
    </div>
  );
}
