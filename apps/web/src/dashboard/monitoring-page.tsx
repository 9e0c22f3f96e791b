/**
 * Overview of a unit (/dashboard/overview): the period's figures, received and resolved per week, on-time rate
 * per sub-unit and the ranking, pending dossiers now by urgency and age, the overdue list. Sub-units link to
 * their own overview (city → commune), the procedures link to the per-procedure view (→ dossiers).
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { overviewResponse, type OverviewResponse } from '@motcua/contracts/monitoring';
import { api, useErrorText } from '../api';
import { usePageTitle } from '../shell/page-title';
import { DataTable, EmptyState, Spinner, StatusTag, buttonClass, type Column } from '../ui';
import { BarChart, ColumnChart, number, percent } from './charts';
import { PeriodPicker, toSearch, useMonitoringParams } from './monitoring-params';
import './monitoring.css';

type UnitRow = OverviewResponse['units'][number];
type Overdue = OverviewResponse['overdue'][number];

export const dateTime = (iso: string | null, language: string) =>
  iso ? new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso)) : '—';

export default function MonitoringPage() {
  const { t, i18n } = useTranslation(['dashboard', 'common']);
  const lang = i18n.language;
  const [params, setParams] = useMonitoringParams();
  const errorText = useErrorText();
  usePageTitle(t('overview.title'), 'dashboardName');
  const search = toSearch(params).toString();
  const query = useQuery({ queryKey: ['monitoring-overview', search], queryFn: () => api.get(`/monitoring/overview?${search}`, overviewResponse) });

  return (
    <div className="page monitoring">
      <h1>{query.data ? t('overview.titleOf', { unit: query.data.unit.name }) : t('overview.title')}</h1>
      <PeriodPicker key={search} params={params} onChange={setParams} />
      {query.isPending ? (
        <Spinner label={t('overview.loading')} />
      ) : query.isError ? (
        <p role="alert">
          <StatusTag tone="danger">{errorText(query.error)}</StatusTag>
        </p>
      ) : (
        <Overview data={query.data} lang={lang} search={search} />
      )}
    </div>
  );
}

function Overview({ data, lang, search }: { data: OverviewResponse; lang: string; search: string }) {
  const { t } = useTranslation('dashboard');
  const f = data.figures;
  const unitSearch = (code: string) => {
    const s = new URLSearchParams(search);
    s.set('unit', code);
    return s.toString();
  };
  const ranking = [...data.units].sort((a, b) => (b.figures.onTimeRate ?? -1) - (a.figures.onTimeRate ?? -1));
  const unitColumns: Column<UnitRow>[] = [
    { key: 'rank', header: t('overview.units.rank'), cell: (u) => ranking.indexOf(u) + 1, align: 'end' },
    {
      key: 'unit',
      header: t('overview.units.unit'),
      cell: (u) => <Link to={`/dashboard/overview?${unitSearch(u.unit.code)}`}>{u.unit.name}</Link>,
      sortValue: (u) => u.unit.name,
      isRowHeader: true,
    },
    { key: 'received', header: t('figures.received'), cell: (u) => number(u.figures.received.total, lang), sortValue: (u) => u.figures.received.total, align: 'end' },
    { key: 'resolved', header: t('figures.resolved'), cell: (u) => number(u.figures.resolved.total, lang), sortValue: (u) => u.figures.resolved.total, align: 'end' },
    { key: 'onTime', header: t('figures.onTimeRate'), cell: (u) => percent(u.figures.onTimeRate, lang), sortValue: (u) => u.figures.onTimeRate ?? -1, align: 'end' },
    { key: 'online', header: t('figures.onlineShare'), cell: (u) => percent(u.figures.onlineShare, lang), sortValue: (u) => u.figures.onlineShare ?? -1, align: 'end' },
    { key: 'overdue', header: t('figures.pendingOverdue'), cell: (u) => number(u.figures.pending.overdue, lang), sortValue: (u) => u.figures.pending.overdue, align: 'end' },
  ];
  const overdueColumns: Column<Overdue>[] = [
    { key: 'code', header: t('dossiers.code'), cell: (d) => <code>{d.code ?? '—'}</code>, isRowHeader: true },
    { key: 'procedure', header: t('dossiers.procedure'), cell: (d) => d.procedureName },
    { key: 'due', header: t('dossiers.dueAt'), cell: (d) => dateTime(d.dueAt, lang), sortValue: (d) => d.dueAt ?? '' },
    { key: 'unit', header: t('dossiers.responsibleUnit'), cell: (d) => d.responsibleUnit, sortValue: (d) => d.responsibleUnit },
  ];
  const cards: [string, string][] = [
    [t('figures.received'), number(f.received.total, lang)],
    [t('figures.carriedOver'), number(f.received.carriedOver, lang)],
    [t('figures.resolved'), number(f.resolved.total, lang)],
    [t('figures.onTimeRate'), percent(f.onTimeRate, lang)],
    [t('figures.pending'), number(f.pending.total, lang)],
    [t('figures.pendingOverdue'), number(f.pending.overdue, lang)],
    [t('figures.onlineShare'), percent(f.onlineShare, lang)],
    [t('figures.postalShare'), percent(f.postalShare, lang)],
    [t('figures.electronicReturnShare'), percent(f.electronicReturnShare, lang)],
    [t('figures.averageHours'), number(f.averageProcessingHours, lang, 1)],
    [t('figures.p90Hours'), f.p90ProcessingHours === null ? '—' : `≤ ${number(f.p90ProcessingHours, lang)}`],
    [t('figures.supplementsPer100'), number(f.supplementsPer100, lang, 1)],
    [t('figures.apologies'), number(f.apologies, lang)],
  ];
  const p = data.pendingNow;
  return (
    <>
      <p className="monitoring__period">{t('overview.period', { from: data.period.from, to: data.period.to })}</p>
      <p className="monitoring__links">
        <Link className={buttonClass('secondary')} to={`/dashboard/procedures?${search}`}>
          {t('overview.byProcedure')}
        </Link>{' '}
        <Link className={buttonClass('secondary')} to={`/dashboard/reports?${search}`}>
          {t('overview.reports')}
        </Link>
      </p>
      <section aria-labelledby="m-figures">
        <h2 id="m-figures">{t('overview.figuresTitle')}</h2>
        <dl className="figure-cards">
          {cards.map(([label, value]) => (
            <div key={label} className="figure-card">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="monitoring__note">{t('overview.resolvedDetail', { early: f.resolved.early, onTime: f.resolved.onTime, late: f.resolved.late, extended: f.resolved.extended })}</p>
      </section>
      <section aria-labelledby="m-trend">
        <h2 id="m-trend">{t('overview.trendTitle')}</h2>
        {data.trend.length === 0 ? (
          <EmptyState title={t('overview.noData')} />
        ) : (
          <ColumnChart
            title={t('overview.trendCaption')}
            legend={[t('figures.received'), t('figures.resolved')]}
            points={data.trend.map((w) => ({ label: w.week.slice(5), a: w.received, b: w.resolved }))}
            table={
              <DataTable
                caption={t('overview.trendCaption')}
                captionHidden
                columns={[
                  { key: 'week', header: t('overview.week'), cell: (w: OverviewResponse['trend'][number]) => w.week, isRowHeader: true },
                  { key: 'received', header: t('figures.received'), cell: (w) => w.received, align: 'end' },
                  { key: 'resolved', header: t('figures.resolved'), cell: (w) => w.resolved, align: 'end' },
                  { key: 'late', header: t('figures.resolvedLate'), cell: (w) => w.resolvedLate, align: 'end' },
                ]}
                rows={data.trend}
                rowKey={(w) => w.week}
              />
            }
          />
        )}
      </section>
      {data.units.length > 0 && (
        <section aria-labelledby="m-units">
          <h2 id="m-units">{t('overview.units.title')}</h2>
          <BarChart
            title={t('overview.units.chart')}
            max={1}
            bars={ranking.map((u) => ({ label: u.unit.name, value: u.figures.onTimeRate ?? 0, text: percent(u.figures.onTimeRate, lang), tone: (u.figures.onTimeRate ?? 1) < 0.9 ? 'danger' : 'primary' }))}
            table={<DataTable caption={t('overview.units.caption')} columns={unitColumns} rows={ranking} rowKey={(u) => u.unit.id} />}
          />
        </section>
      )}
      <section aria-labelledby="m-pending">
        <h2 id="m-pending">{t('overview.pendingTitle')}</h2>
        <dl className="figure-cards">
          {(
            [
              ['overdue', p.overdue],
              ['dueWithinWorkingDay', p.dueWithinWorkingDay],
              ['notYetDue', p.notYetDue],
              ['waitingSupplement', p.waitingSupplement],
              ['waitingPayment', p.waitingPayment],
            ] as const
          ).map(([k, v]) => (
            <div key={k} className={`figure-card${k === 'overdue' && v > 0 ? ' figure-card--danger' : ''}`}>
              <dt>{t(`pending.${k}`)}</dt>
              <dd>{number(v, lang)}</dd>
            </div>
          ))}
        </dl>
        <BarChart
          title={t('overview.ageChart')}
          bars={p.byAge.map((a) => ({ label: t('overview.ageLabel', { days: a.label }), value: a.dossiers }))}
          table={
            <DataTable
              caption={t('overview.ageChart')}
              captionHidden
              columns={[
                { key: 'age', header: t('overview.age'), cell: (a: OverviewResponse['pendingNow']['byAge'][number]) => t('overview.ageLabel', { days: a.label }), isRowHeader: true },
                { key: 'n', header: t('figures.pending'), cell: (a) => a.dossiers, align: 'end' },
              ]}
              rows={p.byAge}
              rowKey={(a) => a.label}
            />
          }
        />
      </section>
      <section aria-labelledby="m-overdue">
        <h2 id="m-overdue">{t('overview.overdueTitle')}</h2>
        <DataTable caption={t('overview.overdueTitle')} captionHidden columns={overdueColumns} rows={data.overdue} rowKey={(d) => d.id} empty={<EmptyState title={t('overview.noOverdue')} />} />
      </section>
    </>
  );
}
