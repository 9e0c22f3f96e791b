/**
 * Biểu II.06a/VPCP/KSTT on screen (/dashboard/reports) with its exact columns (1)–(13), and its exports: Excel or
 * PDF made by a background job whose progress is shown until the file is offered; Biểu II.07b of the unit; the desk
 * ledger (Form 07) of the period as Excel or PDF.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { exportResponse, ii06aColumnKeys as columnKeys, ii06aResponse, ii07bResponse, type ExportResponse, type Ii06aResponse } from '@motcua/contracts/monitoring';
import { api, useErrorText } from '../api';
import { usePageTitle } from '../shell/page-title';
import { Button, Progress, Spinner, StatusTag } from '../ui';
import { PeriodPicker, toSearch, useMonitoringParams, type MonitoringParams } from './monitoring-params';
import './monitoring.css';


export default function ReportsPage() {
  const { t } = useTranslation('dashboard');
  const [params, setParams] = useMonitoringParams();
  const errorText = useErrorText();
  usePageTitle(t('reports.title'), 'dashboardName');
  const search = toSearch(params).toString();
  const query = useQuery({ queryKey: ['monitoring-ii06a', search], queryFn: () => api.get(`/monitoring/reports/ii06a?${search}`, ii06aResponse) });
  return (
    <div className="page monitoring">
      <h1>{t('reports.title')}</h1>
      <p>
        <Link to={`/dashboard/overview?${search}`}>{t('procedures.back')}</Link>
      </p>
      <PeriodPicker key={search} params={params} onChange={setParams} />
      <Exports params={params} />
      {query.isPending ? (
        <Spinner label={t('overview.loading')} />
      ) : query.isError ? (
        <p role="alert">
          <StatusTag tone="danger">{errorText(query.error)}</StatusTag>
        </p>
      ) : (
        <Ii06aTable report={query.data} />
      )}
      <Ii07b unit={params.unit} />
    </div>
  );
}

function Ii06aTable({ report }: { report: Ii06aResponse }) {
  const { t } = useTranslation('dashboard');
  const cells = (c: Ii06aResponse['total']) => columnKeys.map((k) => <td key={k} className="num">{c[k]}</td>);
  return (
    <section aria-labelledby="ii06a-title">
      <h2 id="ii06a-title">{t('reports.ii06aTitle', { unit: report.unit.name })}</h2>
      <p className="monitoring__note">
        {t('reports.formNumber')} — {t('reports.periodLine', { from: report.period.from, to: report.period.to })} — {t('reports.unitOfCount')}
      </p>
      <div className="report-table-wrap" tabIndex={0} role="region" aria-labelledby="ii06a-title">
        <table className="report-table">
          <caption className="visually-hidden">{t('reports.ii06aTitle', { unit: report.unit.name })}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>{t('reports.cols.stt')}</th>
              <th scope="col" rowSpan={2}>{t('reports.cols.field')}</th>
              <th scope="colgroup" colSpan={4}>{t('reports.groups.received')}</th>
              <th scope="colgroup" colSpan={4}>{t('reports.groups.resolved')}</th>
              <th scope="colgroup" colSpan={3}>{t('reports.groups.pending')}</th>
            </tr>
            <tr>
              {columnKeys.map((k) => (
                <th scope="col" key={k}>{t(`reports.cols.${k}`)}</th>
              ))}
            </tr>
            <tr>
              {Array.from({ length: 2 + columnKeys.length }, (_, i) => (
                <td key={i} className="num">({i + 1})</td>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.rows.map((f, i) => [
              <tr key={`f${i}`} className="report-table__field">
                <td>{i + 1}</td>
                <th scope="row">{f.fieldName}</th>
                {cells(f.columns)}
              </tr>,
              ...f.procedures.map((p, j) => (
                <tr key={`p${i}-${j}`}>
                  <td>{`${i + 1}.${j + 1}`}</td>
                  <th scope="row">{`${p.procedureName} (${p.procedureCode})`}</th>
                  {cells(p.columns)}
                </tr>
              )),
            ])}
            <tr className="report-table__total">
              <td />
              <th scope="row">{t('reports.total')}</th>
              {cells(report.total)}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Exports({ params }: { params: MonitoringParams }) {
  const { t } = useTranslation('dashboard');
  const errorText = useErrorText();
  const [job, setJob] = useState<ExportResponse | null>(null);
  const start = useMutation({
    mutationFn: (body: { report: 'ii06a' | 'ii07b' | 'ledger'; format: 'xlsx' | 'pdf' }) =>
      api.post('/monitoring/exports', { ...body, ...(params.unit ? { unit: params.unit } : {}), period: params.period, year: params.year, index: params.index, ...(params.from ? { from: params.from, to: params.to } : {}) }, exportResponse),
    onSuccess: setJob,
  });
  const poll = useQuery({
    queryKey: ['monitoring-export', job?.id],
    queryFn: () => api.get(`/monitoring/exports/${job!.id}`, exportResponse),
    enabled: !!job && job.status !== 'done' && job.status !== 'failed',
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 1000),
  });
  const current = poll.data ?? job;
  return (
    <section aria-labelledby="exports-title" className="monitoring__exports">
      <h2 id="exports-title">{t('reports.exportsTitle')}</h2>
      <p className="monitoring__links">
        <Button variant="secondary" busy={start.isPending} onClick={() => start.mutate({ report: 'ii06a', format: 'xlsx' })}>{t('reports.exportExcel')}</Button>
        <Button variant="secondary" busy={start.isPending} onClick={() => start.mutate({ report: 'ii06a', format: 'pdf' })}>{t('reports.exportPdf')}</Button>
        <Button variant="secondary" busy={start.isPending} onClick={() => start.mutate({ report: 'ii07b', format: 'xlsx' })}>{t('reports.exportIi07bExcel')}</Button>
        <Button variant="secondary" busy={start.isPending} onClick={() => start.mutate({ report: 'ii07b', format: 'pdf' })}>{t('reports.exportIi07bPdf')}</Button>
        <Button variant="secondary" busy={start.isPending} onClick={() => start.mutate({ report: 'ledger', format: 'xlsx' })}>{t('reports.exportLedger')}</Button>
        <Button variant="secondary" busy={start.isPending} onClick={() => start.mutate({ report: 'ledger', format: 'pdf' })}>{t('reports.exportLedgerPdf')}</Button>
      </p>
      <div aria-live="polite">
        {start.isError && <StatusTag tone="danger">{errorText(start.error)}</StatusTag>}
        {current && current.status !== 'done' && current.status !== 'failed' && <Progress label={t('reports.preparing')} value={current.progress} />}
        {current?.status === 'done' && current.downloadUrl && (
          <p>
            <StatusTag tone="success">{t('reports.ready')}</StatusTag> <a href={current.downloadUrl} download={current.fileName ?? undefined}>{t('reports.download', { file: current.fileName ?? '' })}</a>
          </p>
        )}
        {current?.status === 'failed' && <StatusTag tone="danger">{t('reports.failed')}</StatusTag>}
      </div>
    </section>
  );
}

function Ii07b({ unit }: { unit: string | undefined }) {
  const { t } = useTranslation('dashboard');
  const search = unit ? `?unit=${encodeURIComponent(unit)}` : '';
  const query = useQuery({ queryKey: ['monitoring-ii07b', unit], queryFn: () => api.get(`/monitoring/reports/ii07b${search}`, ii07bResponse) });
  if (!query.data) return null;
  const r = query.data;
  const groups = [
    ['localCompetence', r.localCompetence],
    ['oneStop', r.oneStop],
    ['internalWorkflows', r.internalWorkflows],
  ] as const;
  return (
    <section aria-labelledby="ii07b-title">
      <h2 id="ii07b-title">{t('reports.ii07b.title')}</h2>
      <p className="monitoring__note">
        {t('reports.ii07b.formNumber')} — {r.unit ? `${t('reports.ii07b.unit', { unit: r.unit.name })} — ` : ''}
        {t('reports.ii07b.date', { date: r.date })}
      </p>
      <div className="report-table-wrap" tabIndex={0} role="region" aria-labelledby="ii07b-title">
        <table className="report-table">
          <caption className="visually-hidden">{t('reports.ii07b.title')}</caption>
          <thead>
            <tr>
              {groups.map(([k]) => (
                <th scope="colgroup" colSpan={4} key={k}>{t(`reports.ii07b.${k}`)}</th>
              ))}
            </tr>
            <tr>
              {groups.flatMap(([k]) =>
                (['total', 'province', 'district', 'commune'] as const).map((l) => (
                  <th scope="col" key={`${k}-${l}`}>{t(`reports.ii07b.levels.${l}`)}</th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            <tr>
              {groups.flatMap(([k, g]) =>
                (['total', 'province', 'district', 'commune'] as const).map((l) => (
                  <td className="num" key={`${k}-${l}`}>{g[l]}</td>
                )),
              )}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
