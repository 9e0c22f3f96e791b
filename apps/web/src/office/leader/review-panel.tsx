/**
 * One dossier at the leader's desk: the result to approve — the drafted result PDF shown in the page (and any
 * result file attached to the dossier: a scan, an image), the dossier's data (procedure and case, applicant,
 * request, received documents, the workflow so far; for an online dossier the citizen's declaration, folded) — and
 * the approval form. Approving approves the result
 * document, which the server then signs (the leader's certificate, then the agency seal).
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { Button, TextArea, TextField, useToast } from '../../ui';
import { useAttachments } from '../desk/attachments';
import { OnlineDeclaration } from '../dossier/online-declaration';
import { approve, defaultSummary, isLastStep, type Dossier, type IssuedDocument } from './approval';
import { DocumentPreview, isPreviewable } from './document-preview';
import { useInstantText } from './office-time';

function ResultFiles({ dossier, result }: { dossier: Dossier; result: IssuedDocument | null }) {
  const { t } = useTranslation('leader');
  const attachments = useAttachments(dossier.id);
  // An uploaded result PDF is the result document itself: shown once, above.
  const files = (attachments.data?.items ?? []).filter((a) => a.purpose === 'result' && isPreviewable(a.mediaType) && a.sha256 !== result?.sha256);
  return (
    <section aria-labelledby="result-preview-title">
      <h3 id="result-preview-title">{t('preview.title')}</h3>
      {result ? (
        <>
          <p>
            {result.title}
            {result.documentNumber && <> — {t('preview.number', { number: result.documentNumber })}</>}
          </p>
          <DocumentPreview url={result.contentUrl} mediaType={result.mediaType} title={t('preview.frameTitle', { title: result.title, code: dossier.code ?? '' })} />
        </>
      ) : (
        <p className="notice notice--warning">{t('preview.none')}</p>
      )}
      {files.map((f) => (
        <div key={f.id}>
          <p>{t('preview.attachment', { name: f.fileName })}</p>
          <DocumentPreview
            url={`/api/v1/dossiers/${encodeURIComponent(dossier.id)}/attachments/${encodeURIComponent(f.id)}/content`}
            mediaType={f.mediaType}
            title={t('preview.attachment', { name: f.fileName })}
          />
        </div>
      ))}
    </section>
  );
}

export function ReviewPanel({
  dossier,
  stepId,
  result,
  onDone,
  onClose,
}: {
  dossier: Dossier;
  stepId: string;
  result: IssuedDocument | null;
  onDone: (d: Dossier) => void;
  onClose: () => void;
}) {
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
    mutationFn: () => approve(dossier, stepId, { note, documentNumber, summary }, result),
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
      <ResultFiles dossier={dossier} result={result} />
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
      <OnlineDeclaration dossier={dossier} collapsible className="review-declaration" headingId="review-declaration" />
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
        {result && <p className="muted">{t('desk.signsOnApproval')}</p>}
        {run.isError && (
          <p role="alert" className="field__error">
            {t('desk.failed', { reason: errorText(run.error) })}
          </p>
        )}
        <div className="toolbar">
          <Button type="submit" busy={run.isPending}>
            {result ? t('desk.approveAndSign') : t('desk.approve')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('apology.close')}
          </Button>
        </div>
      </form>
    </section>
  );
}
