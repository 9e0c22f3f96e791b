/** A unit's figures per procedure (/dashboard/procedures): the drill-down between the unit and its dossiers. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { officersResponse, procedureFiguresResponse, type OfficersResponse, type ProcedureFiguresResponse } from '@motcua/contracts/monitoring';
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
      <Officers search={search} />
    </div>
  );
}

/** Figures per officer: only supervisors get them (the API answers 403 to others, and nothing is shown). */
function Officers({ search }: { search: string }) {
  const { t } = useTranslation('dashboard');
  const query = useQuery({ queryKey: ['monitoring-officers', search], queryFn: () => api.get(`/monitoring/officers?${search}`, officersResponse), retry: false });
  if (!query.data || query.data.officers.length === 0) return null;
  const columns: Column<OfficersResponse['officers'][number]>[] = [
    { key: 'name', header: t('officers.name'), cell: (o) => o.officerName, sortValue: (o) => o.officerName, isRowHeader: true },
    { key: 'received', header: t('officers.received'), cell: (o) => o.received, sortValue: (o) => o.received, align: 'end' },
    { key: 'steps', header: t('officers.steps'), cell: (o) => o.stepsCompleted, sortValue: (o) => o.stepsCompleted, align: 'end' },
    { key: 'decided', header: t('officers.decided'), cell: (o) => o.decided, sortValue: (o) => o.decided, align: 'end' },
    { key: 'late', header: t('officers.late'), cell: (o) => o.decidedLate, sortValue: (o) => o.decidedLate, align: 'end' },
  ];
  return (
    <section aria-labelledby="officers-title">
      <h2 id="officers-title">{t('officers.title')}</h2>
      <DataTable caption={t('officers.title')} captionHidden columns={columns} rows={query.data.officers} rowKey={(o) => o.officerId} />
    </section>
  );
}
