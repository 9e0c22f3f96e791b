/**
 * The drafted apology of one dossier (Form 04 data from the sweep's `draft_apology` event) to review, edit and
 * issue: POST /dossiers/{id}/extensions with the draft's id. What the law refuses — a second extension, less than
 * one working day before the due time, a new due time not later — comes back from the server with its reason,
 * shown here as it is.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dossierEventsResponse, dossierSchema } from '@motcua/contracts/dossiers';
import { api, isApiError, useErrorText, type Infer } from '../../api';
import { Button, Spinner, TextArea, TextField, useToast } from '../../ui';
import { fromVietnamInput, toVietnamInput, useInstantText } from '../leader/office-time';
import { dossiersKey } from '../desk/desk-queries';

type Dossier = Infer<typeof dossierSchema>;
type DossierEvent = Infer<typeof dossierEventsResponse>['events'][number];

interface Draft {
  eventId: string;
  at: string;
  reason: string;
  newDueAt: string | null;
  form: DossierEvent['form'];
}

function latestDraft(events: readonly DossierEvent[]): Draft | null {
  const event = [...events].reverse().find((e) => e.kind === 'draft_apology');
  if (!event) return null;
  const data = event.formData ?? {};
  return {
    eventId: event.id,
    at: event.at,
    reason: typeof data.reason === 'string' ? data.reason : (event.note ?? ''),
    newDueAt: typeof data.newDueAt === 'string' ? data.newDueAt : null,
    form: event.form,
  };
}

function ApologyForm({ dossier, draft }: { dossier: Dossier; draft: Draft | null }) {
  const { t } = useTranslation(['leader', 'common']);
  const instant = useInstantText();
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const [reason, setReason] = useState(draft?.reason ?? '');
  const [newDue, setNewDue] = useState(draft?.newDueAt ? toVietnamInput(draft.newDueAt) : '');
  const [refusal, setRefusal] = useState<string | null>(null);
  const issue = useMutation({
    mutationFn: () =>
      api.post(
        `/dossiers/${dossier.id}/extensions`,
        { reason: reason.trim(), newDueAt: fromVietnamInput(newDue), draftEventId: draft?.eventId ?? null },
        dossierSchema,
      ),
    onSuccess: (next) => {
      setRefusal(null);
      toast.show(t('apology.issued', { due: instant(next.extendedDueAt) }), 'success');
      client.setQueryData(['dossier', dossier.id], next);
      void client.invalidateQueries({ queryKey: dossiersKey });
    },
    onError: (error) => {
      const due = isApiError(error) && typeof error.details.dueAt === 'string' ? ` ${t('apology.refusedDue', { due: instant(error.details.dueAt) })}` : '';
      setRefusal(t('apology.refused', { reason: errorText(error) }) + due);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    issue.mutate();
  };
  const applicant = dossier.parties.find((p) => p.role === 'applicant') ?? dossier.parties[0];
  const done = dossier.extensions.at(-1);

  return (
    <form noValidate onSubmit={submit} className="apology-form">
      <p className="muted">{draft ? t('apology.draftFrom', { at: instant(draft.at) }) : t('apology.noDraft')}</p>
      <dl className="facts">
        <dt>{t('apology.applicant')}</dt>
        <dd>{applicant?.fullName ?? t('common.none')}</dd>
        <dt>{t('apology.procedure')}</dt>
        <dd>{dossier.procedure.name}</dd>
        <dt>{t('apology.receivedAt')}</dt>
        <dd>{instant(dossier.receivedAt)}</dd>
        <dt>{t('apology.currentDue')}</dt>
        <dd>{instant(dossier.extendedDueAt ?? dossier.dueAt)}</dd>
      </dl>
      {done && (
        <p className="notice notice--info">{t('apology.alreadyExtended', { at: instant(done.requestedAt), due: instant(done.newDueAt) })}</p>
      )}
      <TextArea label={t('apology.reason')} hint={t('apology.reasonHint')} value={reason} required rows={3} onChange={(e) => setReason(e.target.value)} />
      <TextField
        label={t('apology.newDue')}
        hint={t('apology.newDueHint')}
        type="datetime-local"
        value={newDue}
        required
        onChange={(e) => setNewDue(e.target.value)}
      />
      {refusal && (
        <p role="alert" className="field__error">
          {refusal}
        </p>
      )}
      <Button type="submit" busy={issue.isPending}>
        {t('apology.issue')}
      </Button>
    </form>
  );
}

export function ApologyPanel({ dossierId, onClose }: { dossierId: string; onClose: () => void }) {
  const { t } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const dossier = useQuery({ queryKey: ['dossier', dossierId], queryFn: () => api.get(`/dossiers/${dossierId}`, dossierSchema) });
  const events = useQuery({ queryKey: ['dossier-events', dossierId], queryFn: () => api.get(`/dossiers/${dossierId}/events`, dossierEventsResponse) });
  const code = dossier.data?.code ?? t('common.noCode');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="apology-panel" aria-labelledby="apology-title">
      <h2 id="apology-title" tabIndex={-1} ref={heading}>
        {t('apology.title', { code })}
      </h2>
      <p>
        <Link to={`/office/control-sheets/${dossierId}`}>{t('sheet.link')}</Link>
      </p>
      {(dossier.isPending || events.isPending) && <Spinner label={t('apology.loading')} />}
      {dossier.isError && <p role="alert">{errorText(dossier.error)}</p>}
      {events.isError && <p role="alert">{errorText(events.error)}</p>}
      {dossier.data && events.data && (
        <ApologyForm key={`${dossier.data.id}`} dossier={dossier.data} draft={latestDraft(events.data.events)} />
      )}
      <Button variant="secondary" onClick={onClose}>
        {t('apology.close')}
      </Button>
    </section>
  );
}
