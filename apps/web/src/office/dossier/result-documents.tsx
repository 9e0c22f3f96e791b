/**
 * The dossier's result documents (Văn bản kết quả): each drafted result with its state — draft, approved by the
 * leader, digitally signed, replaced — shown in the page (PDF preview) and downloadable (the signed file once
 * signed); and, while the dossier is being processed, the form to draft the result from a template (the
 * specialist's step "thẩm định, dự thảo kết quả"; a new draft replaces the unapproved one) or to upload a result
 * drafted elsewhere as a PDF (result-upload.tsx). The leader approves and signs it on the leader's desk; the desk
 * hands the signed file over with the result.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import { documentListResponse, issuedDocumentSchema } from '@motcua/contracts/documents';
import { api, useErrorText } from '../../api';
import { Button, Select, StatusTag, TextArea, TextField, useToast } from '../../ui';
import { dossiersKey, type Dossier } from '../desk/desk-queries';
import { currentResult, type IssuedDocument } from '../leader/approval';
import { DocumentPreview } from '../leader/document-preview';
import { useInstantText } from '../leader/office-time';
import { resultDocumentState, resultStateTone } from './result-files';
import { ResultUploadForm } from './result-upload';
import './result-documents.css';

const drafters = new Set(['specialist', 'department_head', 'agency_leader']);
type Template = 'result_letter' | 'birth_extract';

/** The dossier's issued documents (forms and results), shared by the result list and the result action. */
export function useDossierDocuments(dossierId: string) {
  return useQuery({
    queryKey: [...dossiersKey, 'documents', dossierId],
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(dossierId)}/documents`, documentListResponse, { signal }),
  });
}

function DraftForm({ dossier, replaces }: { dossier: Dossier; replaces: IssuedDocument | null }) {
  const { t } = useTranslation('leader');
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const [template, setTemplate] = useState<Template>('result_letter');
  const [resultText, setResultText] = useState('');
  const [signerName, setSignerName] = useState('');
  const [missing, setMissing] = useState(false);
  const draft = useMutation({
    mutationFn: () =>
      api.post(
        `/dossiers/${encodeURIComponent(dossier.id)}/results/documents`,
        {
          template,
          resultText: resultText.trim(),
          ...(signerName.trim() ? { signerName: signerName.trim() } : {}),
          ...(replaces && !replaces.approvedAt ? { replaces: replaces.id } : {}),
        },
        issuedDocumentSchema,
      ),
    onSuccess: (doc) => {
      toast.show(t('results.drafted', { title: doc.title }), 'success');
      setResultText('');
      void client.invalidateQueries({ queryKey: dossiersKey });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = !resultText.trim();
    setMissing(empty);
    if (!empty) draft.mutate();
  };
  return (
    <form noValidate onSubmit={submit} className="review-panel" aria-labelledby="result-draft-title">
      <h3 id="result-draft-title">{replaces && !replaces.approvedAt ? t('results.redraftTitle') : t('results.draftTitle')}</h3>
      <p className="muted">{t('results.draftLead')}</p>
      <Select
        label={t('results.template')}
        value={template}
        required
        options={(['result_letter', 'birth_extract'] as const).map((v) => ({ value: v, label: t(`results.templates.${v}`) }))}
        onChange={(e) => setTemplate(e.target.value as Template)}
      />
      <TextArea
        label={t('results.resultText')}
        hint={t('results.resultTextHint')}
        required
        rows={4}
        value={resultText}
        error={missing ? t('results.resultTextMissing') : undefined}
        onChange={(e) => setResultText(e.target.value)}
      />
      <TextField label={t('results.signerName')} hint={t('results.signerNameHint')} value={signerName} onChange={(e) => setSignerName(e.target.value)} />
      {draft.isError && (
        <p role="alert" className="field__error">
          {t('results.draftFailed', { reason: errorText(draft.error) })}
        </p>
      )}
      <div className="toolbar">
        <Button type="submit" busy={draft.isPending}>
          {t('results.draft')}
        </Button>
      </div>
    </form>
  );
}

export function ResultDocuments({ dossier, user }: { dossier: Dossier; user: SessionUser | null }) {
  const { t } = useTranslation('leader');
  const instant = useInstantText();
  const errorText = useErrorText();
  const [open, setOpen] = useState<string | null>(null);
  const list = useDossierDocuments(dossier.id);
  const results = (list.data?.items ?? []).filter((d) => d.kind === 'result');
  const current = currentResult(results);
  const mayDraft = dossier.state === 'processing' && (user?.roles ?? []).some((r) => drafters.has(r.role)) && !current?.approvedAt;
  if (!list.isPending && !list.isError && results.length === 0 && !mayDraft) return null;
  return (
    <section aria-labelledby="dossier-results" className="dossier__section">
      <h2 id="dossier-results">{t('results.title')}</h2>
      {list.isError && <p role="alert">{errorText(list.error)}</p>}
      {results.length === 0 && !list.isPending && <p>{t('results.none')}</p>}
      <ul className="signing-list">
        {results.map((d) => {
          const state = resultDocumentState(d, dossier);
          const name = `${d.title}${d.documentNumber ? ` (${d.documentNumber})` : ''}`;
          return (
            <li key={d.id}>
              <StatusTag tone={resultStateTone[state]}>{t(`results.states.${state}`)}</StatusTag> <strong>{name}</strong>
              <span className="muted"> — {t('results.createdAt', { at: instant(d.createdAt) })}</span>
              {d.approvedAt && <span className="muted"> · {t('results.approvedAt', { at: instant(d.approvedAt) })}</span>}
              <div className="toolbar">
                <Button variant="link" aria-expanded={open === d.id} onClick={() => setOpen(open === d.id ? null : d.id)}>
                  {open === d.id ? t('results.hide', { name }) : t('results.show', { name })}
                </Button>
                {d.signedUrl ? (
                  <a href={d.signedUrl} download>
                    {t('results.downloadSigned', { name })}
                  </a>
                ) : (
                  <a href={d.contentUrl} download>
                    {t('results.download', { name })}
                  </a>
                )}
              </div>
              {open === d.id && <DocumentPreview url={d.signedUrl ?? d.contentUrl} mediaType={d.mediaType} title={t('preview.frameTitle', { title: d.title, code: dossier.code ?? '' })} />}
            </li>
          );
        })}
      </ul>
      {dossier.state === 'result_ready' && current && !current.signedUrl && <p className="notice notice--warning">{t('results.notSignedYet')}</p>}
      {mayDraft && (
        <div className="result-forms">
          <DraftForm dossier={dossier} replaces={current} />
          <ResultUploadForm dossier={dossier} replaces={current} />
        </div>
      )}
    </section>
  );
}
