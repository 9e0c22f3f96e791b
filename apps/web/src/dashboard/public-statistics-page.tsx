/**
 * Public statistics of a unit (/statistics?unit=), no login: received, resolved, on-time rate, online share, per
 * sub-unit too (TT 32/2017 Art. 11(3); legal-spec §12), with the open-data CSV and JSON links.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { publicStatisticsResponse, type PublicStatisticsResponse } from '@motcua/contracts/monitoring';
import { api, useErrorText } from '../api';
import { usePageTitle } from '../shell/page-title';
import { DataTable, Spinner, StatusTag, TextField, Button, type Column } from '../ui';
import { number, percent } from './charts';
import { PeriodPicker, toSearch, useMonitoringParams } from './monitoring-params';
import { useState } from 'react';
import './monitoring.css';

type Row = PublicStatisticsResponse['units'][number];

export default function PublicStatisticsPage() {
  const { t, i18n } = useTranslation('dashboard');
  const lang = i18n.language;
  const [params, setParams] = useMonitoringParams();
  const [unit, setUnit] = useState(params.unit ?? '000.00.00.H57');
  const errorText = useErrorText();
  usePageTitle(t('public.title'));
  const effective = { ...params, unit: params.unit ?? '000.00.00.H57' };
  const search = toSearch(effective).toString();
  const query = useQuery({ queryKey: ['public-statistics', search], queryFn: () => api.get(`/public/statistics?${search}`, publicStatisticsResponse) });
  const columns: Column<Row>[] = [
    { key: 'name', header: t('overview.units.unit'), cell: (u) => u.name, sortValue: (u) => u.name, isRowHeader: true },
    { key: 'received', header: t('figures.received'), cell: (u) => number(u.received, lang), sortValue: (u) => u.received, align: 'end' },
    { key: 'resolved', header: t('figures.resolved'), cell: (u) => number(u.resolved, lang), sortValue: (u) => u.resolved, align: 'end' },
    { key: 'onTime', header: t('figures.onTimeRate'), cell: (u) => percent(u.onTimeRate, lang), sortValue: (u) => u.onTimeRate ?? -1, align: 'end' },
    { key: 'online', header: t('figures.onlineShare'), cell: (u) => percent(u.onlineShare, lang), sortValue: (u) => u.onlineShare ?? -1, align: 'end' },
  ];
  return (
    <div className="page monitoring">
      <h1>{query.data ? t('public.titleOf', { unit: query.data.unit.name }) : t('public.title')}</h1>
      <p className="lead">{t('public.lead')}</p>
      <form className="period-picker" onSubmit={(e) => { e.preventDefault(); setParams({ unit }); }}>
        <TextField label={t('public.unitCode')} value={unit} onChange={(e) => setUnit(e.target.value)} />
        <Button type="submit" variant="secondary">{t('public.show')}</Button>
      </form>
      <PeriodPicker key={search} params={effective} onChange={setParams} />
      {query.isPending ? (
        <Spinner label={t('overview.loading')} />
      ) : query.isError ? (
        <p role="alert">
          <StatusTag tone="danger">{errorText(query.error)}</StatusTag>
        </p>
      ) : (
        <>
          <dl className="figure-cards">
            {(
              [
                [t('figures.received'), number(query.data.received, lang)],
                [t('figures.resolved'), number(query.data.resolved, lang)],
                [t('figures.onTimeRate'), percent(query.data.onTimeRate, lang)],
                [t('figures.onlineShare'), percent(query.data.onlineShare, lang)],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className="figure-card">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          {query.data.units.length > 0 && <DataTable caption={t('public.unitsCaption')} columns={columns} rows={query.data.units} rowKey={(u) => u.code} />}
          <p>
            {t('public.openData')} <a href={`/api/v1/public/statistics.csv?${search}`}>CSV</a> · <a href={`/api/v1/public/statistics?${search}`}>JSON</a>
          </p>
        </>
      )}
    </div>
  );
}
