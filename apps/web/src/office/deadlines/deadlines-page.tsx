/**
 * Deadlines (/office/deadlines): the dossiers of my units that are at risk or overdue — from my deadline alerts and
 * the inbox — with the drafted apology (Form 04) to review, edit and issue. For agency leaders, desk supervisors
 * and department heads.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { alertsResponse, dossierSchema, listDossiersResponse } from '@motcua/contracts/dossiers';
import { api, useErrorText } from '../../api';
import { usePageTitle } from '../../shell/page-title';
import { Button, Countdown, DataTable, WorkingCountdown, EmptyState, Spinner, StatusTag, type Column } from '../../ui';
import { deadlineRows, type DeadlineRow } from './deadline-rows';
import { ApologyPanel } from './apology-panel';
import '../leader/leader.css';

const tones = { overdue: 'danger', step_overdue: 'danger', consultation_overdue: 'danger', apology_drafted: 'info' } as const;

export default function DeadlinesPage() {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  usePageTitle(t('deadlines.title'), 'officeName');
  const [open, setOpen] = useState<string | null>(null);
  const rows = useQuery({
    queryKey: ['deadlines'],
    queryFn: async () => {
      const [alerts, inbox] = await Promise.all([
        api.get('/dossier-alerts', alertsResponse),
        api.get('/dossiers?limit=200', listDossiersResponse),
      ]);
      const rows = deadlineRows(alerts.alerts, inbox.items, Date.now());
      // Dossiers held by another unit (a desk supervisor's, at the competent agency) are not in my inbox: read them.
      const missing = rows.filter((r) => r.procedureName === null).slice(0, 30);
      const read = await Promise.all(missing.map((r) => api.get(`/dossiers/${r.dossierId}`, dossierSchema).catch(() => null)));
      for (const dossier of read) {
        const row = dossier && rows.find((r) => r.dossierId === dossier.id);
        if (!row) continue;
        row.procedureName = dossier.procedure.name;
        row.dueAt = dossier.extendedDueAt ?? dossier.dueAt;
        row.countdown = dossier.countdown ?? null;
      }
      return rows;
    },
  });

  const columns: Column<DeadlineRow>[] = [
    {
      key: 'code',
      header: t('deadlines.columns.code'),
      cell: (r) => <Link to={`/office/dossiers/${r.dossierId}`}>{r.code ?? t('common.noCode')}</Link>,
      sortValue: (r) => r.code,
      isRowHeader: true,
    },
    { key: 'procedure', header: t('deadlines.columns.procedure'), cell: (r) => r.procedureName ?? t('common.none'), sortValue: (r) => r.procedureName },
    {
      key: 'due',
      header: t('deadlines.columns.due'),
      cell: (r) =>
        r.countdown ? (
          <WorkingCountdown countdown={r.countdown} showDue />
        ) : r.dueAt ? (
          <Countdown due={r.dueAt} nearHours={8} showDue />
        ) : (
          t('common.none')
        ),
      sortValue: (r) => r.dueAt,
    },
    {
      key: 'alerts',
      header: t('deadlines.columns.alerts'),
      cell: (r) => (
        <ul className="tag-list">
          {r.kinds.map((k) => (
            <li key={k}>
              <StatusTag tone={k in tones ? tones[k as keyof typeof tones] : 'warning'}>{t(`deadlines.kinds.${k}`)}</StatusTag>
            </li>
          ))}
        </ul>
      ),
    },
    {
      key: 'action',
      header: t('deadlines.columns.action'),
      cell: (r) => (
        <Button variant="secondary" aria-label={t('deadlines.openNamed', { code: r.code ?? t('common.noCode') })} onClick={() => setOpen(r.dossierId)}>
          {t('deadlines.open')}
        </Button>
      ),
    },
  ];

  return (
    <div className="page">
      <h1>{t('deadlines.title')}</h1>
      <p className="lead">{t('deadlines.lead')}</p>
      {rows.isPending && <Spinner label={t('common:loading')} />}
      {rows.isError && <p role="alert">{errorText(rows.error)}</p>}
      {rows.data &&
        (rows.data.length === 0 ? (
          <EmptyState title={t('deadlines.empty')}>{t('deadlines.emptyBody')}</EmptyState>
        ) : (
          <DataTable caption={t('deadlines.tableCaption')} columns={columns} rows={rows.data} rowKey={(r) => r.dossierId} />
        ))}
      {open && <ApologyPanel key={open} dossierId={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
