/**
 * Bulk assignment for department heads and agency leaders (inbox): the selected dossiers' active steps go to
 * officers. The selection is grouped by step (its agency and role); each group gets its own picker among the
 * officers holding that role at that agency (GET /step-officers, scoped by the server to the head's own agencies).
 * Each dossier is then assigned in turn on the version the inbox showed (`POST /dossiers/{id}/steps/{stepId}/assignment`,
 * an event and an audit row each), with progress and each row's outcome.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dossierSchema, stepOfficersResponse } from '@motcua/contracts/dossiers';
import type { SessionUser } from '@motcua/contracts/identity';
import { api, useErrorText, type Infer } from '../../api';
import { Button, Progress, Select, StatusTag } from '../../ui';
import { dossiersKey, type InboxItem } from '../desk/desk-queries';
import { stepGroups, type StepGroup } from './inbox-rows';

const assigningRoles = new Set(['department_head', 'agency_leader']);
type Officer = Infer<typeof stepOfficersResponse>['officers'][number];

/** Whether the user may assign steps somewhere (the server judges each step's agency). */
export function canAssign(user: SessionUser): boolean {
  return user.roles.some((g) => assigningRoles.has(g.role));
}

/** A row whose active step a head may assign: processing, with an active step. */
export function isAssignable(row: InboxItem): boolean {
  return row.state === 'processing' && Boolean(row.activeStep);
}

type Outcome = { code: string; status: 'waiting' | 'running' | 'done' | 'failed'; message?: string };

/** One group's picker: the officers holding the group's step role at its agency. */
function GroupPicker({
  group,
  value,
  disabled,
  onPick,
}: {
  group: StepGroup<InboxItem>;
  value: string;
  disabled: boolean;
  onPick: (officer: Officer | null) => void;
}) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const officers = useQuery({
    queryKey: ['step-officers', group.agencyId, group.role],
    queryFn: ({ signal }) =>
      api.get(`/step-officers?${new URLSearchParams({ agencyId: group.agencyId, role: group.role }).toString()}`, stepOfficersResponse, { signal }),
  });
  const label = t('inbox.assign.officer', { step: group.stepName, count: group.rows.length });
  const codes = t('inbox.assign.groupCodes', { codes: group.rows.map((r) => r.code ?? t('inbox.noCode')).join(', ') });
  if (officers.isError)
    return (
      <p role="alert">
        {label}: {errorText(officers.error)}
      </p>
    );
  if (officers.data && officers.data.officers.length === 0)
    return (
      <p role="alert">
        {label}: {t('inbox.assign.noOfficer')}
      </p>
    );
  return (
    <Select
      label={label}
      hint={codes}
      value={value}
      disabled={disabled}
      placeholder={officers.isPending ? t('inbox.loading') : t('inbox.assign.pick')}
      options={(officers.data?.officers ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
      onChange={(e) => onPick(officers.data?.officers.find((o) => o.id === e.target.value) ?? null)}
    />
  );
}

export function BulkAssign({ rows, onDone }: { rows: readonly InboxItem[]; onDone: () => void }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const client = useQueryClient();
  // The officer chosen for each step group (its key: agency and role).
  const [chosen, setChosen] = useState<Record<string, Officer>>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome> | null>(null);
  const groups = stepGroups(rows);
  const entries = outcomes ? Object.entries(outcomes) : [];
  const finished = entries.filter(([, o]) => o.status === 'done' || o.status === 'failed').length;
  const running = outcomes !== null && finished < entries.length;
  const missing = groups.filter((g) => !chosen[g.key]).length;

  const assign = async () => {
    if (missing > 0) return;
    const plan = groups.flatMap((g) => g.rows.map((row) => ({ row, officer: chosen[g.key]! })));
    const state: Record<string, Outcome> = Object.fromEntries(plan.map(({ row }) => [row.id, { code: row.code ?? t('inbox.noCode'), status: 'waiting' as const }]));
    setOutcomes({ ...state });
    for (const { row, officer } of plan) {
      state[row.id] = { ...state[row.id]!, status: 'running' };
      setOutcomes({ ...state });
      try {
        await api.post(
          `/dossiers/${encodeURIComponent(row.id)}/steps/${encodeURIComponent(row.activeStep!.id)}/assignment`,
          { assigneeId: officer.id, assigneeName: officer.displayName },
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
    setChosen({});
    onDone();
  };

  return (
    <section className="bulk-assign" aria-labelledby="bulk-assign-title">
      <h2 id="bulk-assign-title">{t('inbox.assign.title', { count: rows.length })}</h2>
      {rows.length === 0 ? (
        <p className="hint-text">{t('inbox.assign.noneSelected')}</p>
      ) : (
        <div className="bulk-assign__form">
          {groups.length > 1 && <p className="hint-text">{t('inbox.assign.groups', { count: groups.length })}</p>}
          {groups.map((g) => (
            <GroupPicker
              key={g.key}
              group={g}
              value={chosen[g.key]?.id ?? ''}
              disabled={running}
              onPick={(officer) =>
                setChosen((old) => {
                  const next = { ...old };
                  if (officer) next[g.key] = officer;
                  else delete next[g.key];
                  return next;
                })
              }
            />
          ))}
          <Button disabled={missing > 0 || running} busy={running} onClick={() => void assign()}>
            {t('inbox.assign.submit', { count: rows.length })}
          </Button>
          {missing > 0 && groups.length > 1 && <p className="hint-text">{t('inbox.assign.missing', { count: missing })}</p>}
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
