/** The dossiers behind a procedure's figures (/dashboard/dossiers?procedure=): the last level of the drill-down. */
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { drillDossiersResponse, type DrillDossiersResponse } from '@motcua/contracts/monitoring';
import { api, useErrorText } from '../api';
import { usePageTitle } from '../shell/page-title';
import { DataTable, EmptyState, Spinner, StatusTag, type Column } from '../ui';
import { dateTime } from './monitoring-page';
import { toSearch, useMonitoringParams } from './monitoring-params';
import './monitoring.css';

type Row = DrillDossiersResponse['dossiers'][number];

export default function DossiersPage() {
  const { t, i18n } = useTranslation('dashboard');
  const lang = i18n.language;
  const [params] = useMonitoringParams();
  const [search] = useSearchParams();
  const procedure = search.get('procedure') ?? '';
  const errorText = useErrorText();
  usePageTitle(t('dossiers.title'), 'dashboardName');
  const query = useQuery({
    queryKey: ['monitoring-dossiers', search.toString()],
    queryFn: () => api.get(`/monitoring/dossiers?${toSearch(params, { procedure })}`, drillDossiersResponse),
  });
  const tone = (x: string | null) => (x === 'late' ? 'danger' : x === 'early' ? 'success' : 'neutral');
  const columns: Column<Row>[] = [
    { key: 'code', header: t('dossiers.code'), cell: (d) => <code>{d.code ?? '—'}</code>, sortValue: (d) => d.code ?? '', isRowHeader: true },
    { key: 'received', header: t('dossiers.receivedAt'), cell: (d) => dateTime(d.receivedAt, lang), sortValue: (d) => d.receivedAt ?? '' },
    { key: 'due', header: t('dossiers.dueAt'), cell: (d) => dateTime(d.dueAt, lang), sortValue: (d) => d.dueAt ?? '' },
    { key: 'resolved', header: t('dossiers.resolvedAt'), cell: (d) => dateTime(d.resolvedAt, lang), sortValue: (d) => d.resolvedAt ?? '' },
    {
      key: 'timeliness',
      header: t('dossiers.timeliness'),
      cell: (d) => (d.timeliness ? <StatusTag tone={tone(d.timeliness)}>{t(`timeliness.${d.timeliness as 'early' | 'on_time' | 'late'}`)}</StatusTag> : t('timeliness.pending')),
    },
    { key: 'unit', header: t('dossiers.responsibleUnit'), cell: (d) => d.responsibleUnit, sortValue: (d) => d.responsibleUnit },
  ];
  return (
    <div className="page monitoring">
      <h1>{query.data?.dossiers[0] ? t('dossiers.titleOf', { procedure: query.data.dossiers[0].procedureName }) : t('dossiers.title')}</h1>
      <p>
        <Link to={`/dashboard/procedures?${toSearch(params)}`}>{t('dossiers.back')}</Link>
      </p>
      {query.isPending ? (
        <Spinner label={t('overview.loading')} />
      ) : query.isError ? (
        <p role="alert">
          <StatusTag tone="danger">{errorText(query.error)}</StatusTag>
        </p>
      ) : (
        <DataTable
          caption={t('dossiers.caption', { unit: query.data.unit.name, from: query.data.period.from, to: query.data.period.to })}
          columns={columns}
          rows={query.data.dossiers}
          rowKey={(d) => d.id}
          empty={<EmptyState title={t('dossiers.none')} />}
        />
      )}
    </div>
  );
}
