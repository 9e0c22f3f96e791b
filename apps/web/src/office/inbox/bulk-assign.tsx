/**
 * Bulk assignment for department heads and agency leaders (inbox): the selected dossiers' active steps go to one
 * officer. The officers offered are those holding the step's role at the step's agency (GET /step-officers, scoped
 * by the server to the head's own agencies); each dossier is assigned in turn on the version the inbox showed
 * (`POST /dossiers/{id}/steps/{stepId}/assignment`, an event and an audit row each), with progress and each row's
 * outcome.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierSchema, stepOfficersResponse } from '@motcua/contracts/dossiers';
import type { SessionUser } from '@motcua/contracts/identity';
import { api, useErrorText } from '../../api';
import { Button, Progress, Select, StatusTag } from '../../ui';
import { dossiersKey, type InboxItem } from '../desk/desk-queries';

const assigningRoles = new Set(['department_head', 'agency_leader']);

/** Whether the user may assign steps somewhere (the server judges each step's agency). */
export function canAssign(user: SessionUser): boolean {
  return user.roles.some((g) => assigningRoles.has(g.role));
}

/** A row whose active step a head may assign: processing, with an active step. */
export function isAssignable(row: InboxItem): boolean {
  return row.state === 'processing' && Boolean(row.activeStep);
}

type Outcome = { code: string; status: 'waiting' | 'running' | 'done' | 'failed'; message?: string };

export function BulkAssign({ rows, onDone }: { rows: readonly InboxItem[]; onDone: () => void }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const client = useQueryClient();
  const [assignee, setAssignee] = useState('');
  const [outcomes, setOutcomes] = useState<Record<string, Outcome> | null>(null);
  const steps = [...new Map(rows.flatMap((r) => (r.activeStep ? [[`${r.activeStep.agencyId}|${r.activeStep.role}`, r.activeStep]] : []))).values()];
  const step = steps.length === 1 ? steps[0] : null;
  const officers = useQuery({
    queryKey: ['step-officers', step?.agencyId, step?.role],
    enabled: step !== null,
    queryFn: ({ signal }) =>
      api.get(`/step-officers?${new URLSearchParams({ agencyId: step!.agencyId, role: step!.role }).toString()}`, stepOfficersResponse, { signal }),
  });
  const entries = outcomes ? Object.entries(outcomes) : [];
  const finished = entries.filter(([, o]) => o.status === 'done' || o.status === 'failed').length;
  const running = outcomes !== null && finished < entries.length;
  const chosen = officers.data?.officers.find((o) => o.id === assignee);

  const assign = async () => {
    if (!chosen) return;
    const state: Record<string, Outcome> = Object.fromEntries(rows.map((r) => [r.id, { code: r.code ?? t('inbox.noCode'), status: 'waiting' as const }]));
    setOutcomes({ ...state });
    for (const row of rows) {
      state[row.id] = { ...state[row.id]!, status: 'running' };
      setOutcomes({ ...state });
      try {
        await api.post(
          `/dossiers/${encodeURIComponent(row.id)}/steps/${encodeURIComponent(row.activeStep!.id)}/assignment`,
          { assigneeId: chosen.id, assigneeName: chosen.displayName },
          dossierSchema,
          { headers: { 'if-match': `"${row.version}"` } },
        );
        state[row.id] = { ...state[row.id]!, status: 'done' };
      } catch (error) {
        state[row.id] = { ...state[row.id]!, status: 'failed', message: errorText(error) };
      }
      setOutcomes({ ...state });
    }
    await client.invalidateQueries({ queryKey: dossiersKey });
    onDone();
  };

  return (
    <section className="bulk-assign" aria-labelledby="bulk-assign-title">
      <h2 id="bulk-assign-title">{t('inbox.assign.title', { count: rows.length })}</h2>
      {rows.length === 0 ? (
        <p className="hint-text">{t('inbox.assign.noneSelected')}</p>
      ) : !step ? (
        <p role="alert">{t('inbox.assign.mixed')}</p>
      ) : officers.isError ? (
        <p role="alert">{errorText(officers.error)}</p>
      ) : (
        <div className="bulk-assign__form">
          <Select
            label={t('inbox.assign.officer', { step: step.name })}
            value={assignee}
            placeholder={officers.isPending ? t('inbox.loading') : t('inbox.assign.pick')}
            options={(officers.data?.officers ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
            onChange={(e) => setAssignee(e.target.value)}
          />
          <Button disabled={!chosen || running} busy={running} onClick={() => void assign()}>
            {t('inbox.assign.submit', { count: rows.length })}
          </Button>
        </div>
      )}
      {outcomes && (
        <>
          <Progress label={t('inbox.assign.progress', { done: finished, total: entries.length })} value={finished} max={Math.max(entries.length, 1)} />
          <div role="status">
            <ul className="batch-status">
              {entries.map(([id, o]) => (
                <li key={id}>
                  <StatusTag tone={o.status === 'done' ? 'success' : o.status === 'failed' ? 'danger' : 'info'}>{t(`inbox.assign.status.${o.status}`)}</StatusTag> {o.code}
                  {o.message ? ` — ${o.message}` : ''}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
