/**
 * The leader's desk (/office/leader): dossiers whose active workflow step is held by the agency leader role in one
 * of my agencies — the result is ready for my approval. One by one (the review panel, with the result PDF in the
 * page), or as a batch. Approving approves the drafted result document, which the server signs (the leader's
 * certificate, then the agency seal); the page then shows each dossier's approval and signing progress — for the
 * results approved on this page and for those the server lists as approved by me in the last 24 hours, so that a
 * reload or a crashed tab loses nothing (GET /signatures/recent-approvals, then each one's signing state).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dossierSchema, inboxResponse } from '@motcua/contracts/dossiers';
import { recentApprovalsResponse } from '@motcua/contracts/signatures';
import { api, useErrorText, type Infer } from '../../api';
import { useSession } from '../../auth/session';
import { usePageTitle } from '../../shell/page-title';
import { Button, Checkbox, Countdown, DataTable, EmptyState, Progress, Spinner, StatusTag, WorkingCountdown, type Column } from '../../ui';
import { approve, defaultSummary, leaderStep, loadResult, type Dossier, type IssuedDocument } from './approval';
import { SigningStatus, type SigningState } from './signing-status';
import { ReviewPanel } from './review-panel';
import './leader.css';

interface Waiting {
  dossier: Dossier;
  stepId: string;
  stepDueAt: string | null;
  /** The drafted result document (signed once approved); null when none was drafted. */
  result: IssuedDocument | null;
}

interface Progress {
  code: string;
  dossierId: string;
  status: 'waiting' | 'running' | 'done' | 'failed';
  message?: string;
  /** The result document being signed, once approved. */
  documentId: string | null;
}
type BatchState = Record<string, Progress>;
type InboxPage = Infer<typeof inboxResponse>;

export default function LeaderDeskPage() {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const { user } = useSession();
  const client = useQueryClient();
  usePageTitle(t('desk.title'), 'officeName');
  const leaderAgencies = (user?.roles ?? []).filter((r) => r.role === 'agency_leader').map((r) => r.agencyId);
  const [open, setOpen] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [batch, setBatch] = useState<BatchState | null>(null);
  const waiting = useQuery({
    queryKey: ['leader-desk', leaderAgencies.join(',')],
    queryFn: async (): Promise<Waiting[]> => {
      // My steps in processing, every page of them (the server decides the tab), then those at a leader's step.
      const mineInProcessing: InboxPage['items'] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await api.get(`/dossiers/inbox?tab=mine&state=processing&limit=200&offset=${offset}`, inboxResponse);
        mineInProcessing.push(...page.items);
        if (page.items.length < 200) break;
      }
      const atLeaderStep = mineInProcessing.filter((i) => i.activeStep?.role === 'agency_leader' && leaderAgencies.includes(i.activeStep.agencyId));
      const dossiers = await Promise.all(atLeaderStep.map((i) => api.get(`/dossiers/${i.id}`, dossierSchema)));
      const mine = dossiers.flatMap((dossier) => {
        const step = leaderStep(dossier, leaderAgencies);
        return step ? [{ dossier, stepId: step.id, stepDueAt: step.dueAt }] : [];
      });
      return Promise.all(mine.map(async (row) => ({ ...row, result: await loadResult(row.dossier.id) })));
    },
  });
  // The results I approved recently, from the server: their signing progress survives a reload of the page.
  const recent = useQuery({
    queryKey: ['leader-desk', 'recent-approvals'],
    queryFn: ({ signal }) => api.get('/signatures/recent-approvals', recentApprovalsResponse, { signal }),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['leader-desk'] });
  const rows = waiting.data ?? [];
  const current = rows.find((r) => r.dossier.id === open);
  const toggle = (id: string, on: boolean) =>
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const [signing, setSigning] = useState<Record<string, SigningState>>({});
  const onSigningState = useCallback((id: string, state: SigningState) => setSigning((old) => (old[id] === state ? old : { ...old, [id]: state })), []);
  const codeOf = (d: Dossier) => d.code ?? t('common.noCode');
  const entry = (row: Waiting, status: Progress['status'], message?: string): Progress => ({
    code: codeOf(row.dossier),
    dossierId: row.dossier.id,
    status,
    documentId: status === 'done' ? (row.result?.id ?? null) : null,
    ...(message ? { message } : {}),
  });
  const approveSelected = async () => {
    const chosen = rows.filter((r) => selected.has(r.dossier.id));
    const state: BatchState = { ...(batch ?? {}), ...Object.fromEntries(chosen.map((r) => [r.dossier.id, entry(r, 'waiting')])) };
    setBatch({ ...state });
    for (const row of chosen) {
      state[row.dossier.id] = entry(row, 'running');
      setBatch({ ...state });
      try {
        await approve(row.dossier, row.stepId, { note: '', documentNumber: '', summary: defaultSummary(row.dossier) }, row.result);
        state[row.dossier.id] = entry(row, 'done');
      } catch (error) {
        state[row.dossier.id] = entry(row, 'failed', errorText(error));
      }
      setBatch({ ...state });
    }
    setSelected(new Set());
    refresh();
  };

  const columns: Column<Waiting>[] = [
    {
      key: 'select',
      header: t('desk.columns.select'),
      cell: (r) => (
        <Checkbox
          label={<span className="visually-hidden">{t('desk.selectNamed', { code: codeOf(r.dossier) })}</span>}
          checked={selected.has(r.dossier.id)}
          onChange={(e) => toggle(r.dossier.id, e.target.checked)}
        />
      ),
    },
    {
      key: 'code',
      header: t('desk.columns.code'),
      cell: (r) => <Link to={`/office/dossiers/${r.dossier.id}`}>{codeOf(r.dossier)}</Link>,
      sortValue: (r) => r.dossier.code,
      isRowHeader: true,
    },
    { key: 'procedure', header: t('desk.columns.procedure'), cell: (r) => r.dossier.procedure.name, sortValue: (r) => r.dossier.procedure.name },
    {
      key: 'result',
      header: t('desk.columns.result'),
      cell: (r) => (r.result ? r.result.title : <StatusTag tone="warning">{t('desk.noResult')}</StatusTag>),
    },
    {
      key: 'applicant',
      header: t('desk.columns.applicant'),
      cell: (r) => r.dossier.parties[0]?.fullName ?? t('common.none'),
      sortValue: (r) => r.dossier.parties[0]?.fullName,
    },
    {
      key: 'due',
      header: t('desk.columns.stepDue'),
      // the server's countdown in working time (the legal clock) when the leader's step is the active one
      cell: (r) =>
        r.dossier.stepCountdown ? (
          <WorkingCountdown countdown={r.dossier.stepCountdown} nearWorkingHours={4} />
        ) : r.stepDueAt ? (
          <Countdown due={r.stepDueAt} nearHours={4} />
        ) : (
          t('common.none')
        ),
      sortValue: (r) => r.stepDueAt,
    },
    {
      key: 'action',
      header: t('desk.columns.action'),
      cell: (r) => (
        <Button variant="secondary" aria-label={t('desk.reviewNamed', { code: codeOf(r.dossier) })} onClick={() => setOpen(r.dossier.id)}>
          {t('desk.review')}
        </Button>
      ),
    },
  ];
  // This page's approvals (with their outcome), then the other recent ones the server knows (a reload, another tab).
  const fromServer: BatchState = Object.fromEntries(
    (recent.data?.items ?? [])
      .filter((r) => !batch?.[r.dossierId])
      .map((r) => [r.dossierId, { code: r.dossierCode ?? t('common.noCode'), dossierId: r.dossierId, status: 'done', documentId: r.documentId } satisfies Progress]),
  );
  const batchEntries = [...Object.entries(batch ?? {}), ...Object.entries(fromServer)];
  const finished = batchEntries.filter(([, s]) => s.status === 'done' || s.status === 'failed').length;
  const toSign = batchEntries.filter(([, s]) => s.documentId);
  const signed = toSign.filter(([, s]) => signing[s.documentId!] === 'signed' || signing[s.documentId!] === 'failed').length;
  const running = batch !== null && Object.values(batch).some((s) => s.status === 'waiting' || s.status === 'running');

  return (
    <div className="page">
      <h1>{t('desk.title')}</h1>
      <p className="lead">{t('desk.lead')}</p>
      {waiting.isPending && <Spinner label={t('common:loading')} />}
      {waiting.isError && <p role="alert">{errorText(waiting.error)}</p>}
      {waiting.data &&
        (rows.length === 0 ? (
          <EmptyState title={t('desk.empty')}>{t('desk.emptyBody')}</EmptyState>
        ) : (
          <>
            <div className="toolbar">
              <Button disabled={selected.size === 0 || running} onClick={() => void approveSelected()}>
                {t('desk.approveSelected', { count: selected.size })}
              </Button>
              <Button variant="secondary" onClick={refresh}>
                {t('common.refresh')}
              </Button>
            </div>
            <DataTable caption={t('desk.tableCaption')} columns={columns} rows={rows} rowKey={(r) => r.dossier.id} />
          </>
        ))}
      {batchEntries.length > 0 && (
        <section aria-labelledby="batch-title">
          <h2 id="batch-title">{t('desk.batchTitle')}</h2>
          <p className="hint-text">{t('desk.batchFromServer')}</p>
          <Progress label={t('desk.batchProgress', { done: finished, total: batchEntries.length })} value={finished} max={Math.max(batchEntries.length, 1)} />
          {toSign.length > 0 && <Progress label={t('desk.signProgress', { done: signed, total: toSign.length })} value={signed} max={toSign.length} />}
          <div role="status">
            <ul className="batch-status signing-list">
              {batchEntries.map(([id, s]) => (
                <li key={id}>
                  <StatusTag tone={s.status === 'done' ? 'success' : s.status === 'failed' ? 'danger' : 'info'}>{t(`desk.batchStatus.${s.status}`)}</StatusTag>{' '}
                  {s.code}
                  {s.message ? ` — ${s.message}` : ''}
                  {s.status === 'done' && !s.documentId && <> — {t('desk.nothingToSign')}</>}
                  {s.documentId && (
                    <div>
                      {t('signing.label')}{' '}
                      <SigningStatus dossierId={s.dossierId} documentId={s.documentId} onState={(state) => onSigningState(s.documentId!, state)} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
      {current && (
        <ReviewPanel
          key={current.dossier.id}
          dossier={current.dossier}
          stepId={current.stepId}
          result={current.result}
          onClose={() => setOpen(null)}
          onDone={() => {
            setBatch((old) => ({ ...(old ?? {}), [current.dossier.id]: entry(current, 'done') }));
            setOpen(null);
            refresh();
          }}
        />
      )}
    </div>
  );
}
