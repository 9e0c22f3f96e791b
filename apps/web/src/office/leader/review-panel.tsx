/**
 * One dossier at the leader's desk: the result to approve (no PDF preview until the documents module renders one:
 * the result data — procedure and case, applicant, summary, received documents, the workflow so far) and the
 * approval form.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { Button, TextArea, TextField, useToast } from '../../ui';
import { approve, defaultSummary, isLastStep, type Dossier } from './approval';
import { useInstantText } from './office-time';

export function ReviewPanel({ dossier, stepId, onDone, onClose }: { dossier: Dossier; stepId: string; onDone: (d: Dossier) => void; onClose: () => void }) {
  const { t } = useTranslation(['leader', 'common']);
  const instant = useInstantText();
  const errorText = useErrorText();
  const toast = useToast();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const last = isLastStep(dossier, stepId);
  const [note, setNote] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [summary, setSummary] = useState(() => defaultSummary(dossier));
  const run = useMutation({
    mutationFn: () => approve(dossier, stepId, { note, documentNumber, summary }),
    onSuccess: (next) => {
      toast.show(t(next.state === 'result_ready' ? 'desk.approvedResult' : 'desk.approved', { code: dossier.code ?? '' }), 'success');
      onDone(next);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run.mutate();
  };
  const applicant = dossier.parties.find((p) => p.role === 'applicant') ?? dossier.parties[0];
  const code = dossier.code ?? t('common.noCode');

  return (
    <section className="review-panel" aria-labelledby="review-title">
      <h2 id="review-title" tabIndex={-1} ref={heading}>
        {t('desk.reviewTitle', { code })}
      </h2>
      <p>
        <Link to={`/office/dossiers/${dossier.id}`}>{t('common.dossierLink', { code })}</Link>
        {' · '}
        <Link to={`/office/control-sheets/${dossier.id}`}>{t('sheet.link')}</Link>
      </p>
      <p className="notice">{t('desk.noPdf')}</p>
      <dl className="facts">
        <dt>{t('desk.procedure')}</dt>
        <dd>
          {dossier.procedure.name} — {dossier.procedure.caseName}
        </dd>
        <dt>{t('desk.applicant')}</dt>
        <dd>{applicant ? `${applicant.fullName}${applicant.address ? `, ${applicant.address}` : ''}` : t('common.none')}</dd>
        <dt>{t('desk.summary')}</dt>
        <dd>{dossier.summary}</dd>
        <dt>{t('desk.receivedAt')}</dt>
        <dd>{instant(dossier.receivedAt)}</dd>
        <dt>{t('desk.dueAt')}</dt>
        <dd>{instant(dossier.extendedDueAt ?? dossier.dueAt)}</dd>
        <dt>{t('desk.documents')}</dt>
        <dd>{dossier.documents.map((d) => d.name).join('; ') || t('common.none')}</dd>
      </dl>
      <h3>{t('desk.stepsTitle')}</h3>
      <ol>
        {dossier.steps.map((s) => (
          <li key={s.id}>
            {s.name} — {t(`desk.stepStatus.${s.status}`)}
            {s.completedAt ? ` (${instant(s.completedAt)}${s.assigneeName ? `, ${s.assigneeName}` : ''})` : ''}
          </li>
        ))}
      </ol>
      <form noValidate onSubmit={submit}>
        <TextArea label={t('desk.note')} hint={t('desk.noteHint')} value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
        {last && (
          <>
            <p className="muted">{t('desk.lastStep')}</p>
            <TextField label={t('desk.documentNumber')} hint={t('desk.documentNumberHint')} value={documentNumber} onChange={(e) => setDocumentNumber(e.target.value)} />
            <TextArea label={t('desk.resultSummary')} value={summary} rows={2} required onChange={(e) => setSummary(e.target.value)} />
          </>
        )}
        {run.isError && (
          <p role="alert" className="field__error">
            {t('desk.failed', { reason: errorText(run.error) })}
          </p>
        )}
        <div className="toolbar">
          <Button type="submit" busy={run.isPending}>
            {t('desk.approve')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('apology.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
