/**
 * "Tải lên văn bản kết quả (PDF)": the result drafted elsewhere (in Word, as a decision, certificate or letter) and
 * uploaded as a PDF becomes the dossier's result document, which the leader approves and the server signs like a
 * templated one. Two calls: the file goes up as a result attachment (multipart, with progress), then its content key
 * (SHA-256) drafts the result document (docs/documents.md). The browser refuses what the server would (not a PDF by
 * content, larger than the server's limit); the server's refusals are shown with their title. A file already
 * uploaded is not sent again when only the second call failed (retry after fixing the title, say).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentSchema } from '@motcua/contracts/dossiers';
import { issuedDocumentSchema } from '@motcua/contracts/documents';
import { attachmentLimitsResponse } from '@motcua/contracts/portal';
import { api, useErrorText } from '../../api';
import { Button, FormErrorSummary, Progress, TextField, useToast, type FormErrorItem } from '../../ui';
import { formatBytes, uploadAttachment } from '../../citizen/citizen-api';
import { dossiersKey, useProcedureDetail, type Dossier } from '../desk/desk-queries';
import { DropArea } from '../desk/drop-area';
import type { IssuedDocument } from '../leader/approval';
import { refuseResultFile, type ResultFileRefusal } from './result-files';

const fileId = 'result-upload-file';
const titleId = 'result-upload-title';

async function judge(file: File, maxFileBytes: number | null): Promise<ResultFileRefusal | null> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
  return refuseResultFile(head, file.size, maxFileBytes);
}

export function ResultUploadForm({ dossier, replaces }: { dossier: Dossier; replaces: IssuedDocument | null }) {
  const { t, i18n } = useTranslation('leader');
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const headingId = useId();
  const input = useRef<HTMLInputElement>(null);
  const limits = useQuery({ queryKey: ['portal', 'limits'], queryFn: () => api.get('/portal/attachment-limits', attachmentLimitsResponse), staleTime: Infinity });
  const maxFileBytes = limits.data?.maxFileBytes ?? null;
  const procedure = useProcedureDetail(dossier.procedure.code);
  const suggested = procedure.data?.content.results[0]?.name ?? '';
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [titleError, setTitleError] = useState<string | undefined>();
  const [summary, setSummary] = useState<FormErrorItem[]>([]);
  const [fraction, setFraction] = useState(0);
  // The file already sent (and its content key): a retry after the draft was refused does not upload it again.
  const [sent, setSent] = useState<{ file: File; sha256: string } | null>(null);
  const unapproved = replaces && !replaces.approvedAt ? replaces : null;

  useEffect(() => {
    if (!titleTouched && suggested) setTitle(suggested);
  }, [suggested, titleTouched]);

  const refusalText = (refusal: ResultFileRefusal) =>
    t(`results.upload.refused.${refusal}`, { size: maxFileBytes ? formatBytes(maxFileBytes, i18n.language) : '' });

  const choose = async (chosen: File | null | undefined) => {
    if (!chosen) return;
    const refusal = await judge(chosen, maxFileBytes);
    setFile(refusal ? null : chosen);
    setFileError(refusal ? refusalText(refusal) : undefined);
    if (refusal && input.current) input.current.value = '';
  };

  const upload = useMutation({
    mutationFn: async ({ chosen, name }: { chosen: File; name: string }) => {
      let sha256 = sent?.file === chosen ? sent.sha256 : null;
      if (!sha256) {
        setFraction(0);
        const answer = await uploadAttachment({ dossierId: dossier.id, file: chosen, purpose: 'result', requiredDocumentCode: null }, setFraction);
        sha256 = attachmentSchema.parse(answer).sha256;
        setSent({ file: chosen, sha256 });
        void client.invalidateQueries({ queryKey: [...dossiersKey, 'attachments', dossier.id] });
      }
      return api.post(
        `/dossiers/${encodeURIComponent(dossier.id)}/results/documents`,
        { contentKey: sha256, title: name, ...(unapproved ? { replaces: unapproved.id } : {}) },
        issuedDocumentSchema,
      );
    },
    onSuccess: (document) => {
      toast.show(t('results.upload.done', { title: document.title }), 'success');
      setFile(null);
      setSent(null);
      setTitleTouched(false);
      setTitle(suggested);
      if (input.current) input.current.value = '';
      void client.invalidateQueries({ queryKey: dossiersKey });
    },
    onError: (error) => setSummary([{ message: t('results.upload.failed', { reason: errorText(error) }) }]),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const refusal = file ? await judge(file, maxFileBytes) : null;
    const errors: FormErrorItem[] = [];
    // No file kept: the reason the chosen one was refused stands, else it is missing.
    const missingFile = !file ? (fileError ?? t('results.upload.fileMissing')) : refusal ? refusalText(refusal) : undefined;
    if (missingFile) errors.push({ fieldId: fileId, message: missingFile });
    const missingTitle = title.trim() ? undefined : t('results.upload.titleMissing');
    if (missingTitle) errors.push({ fieldId: titleId, message: missingTitle });
    setFileError(missingFile);
    setTitleError(missingTitle);
    setSummary(errors);
    if (errors.length === 0 && file) upload.mutate({ chosen: file, name: title.trim() });
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="review-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{unapproved ? t('results.upload.replaceTitle') : t('results.upload.title')}</h3>
      <p className="muted">{t('results.upload.lead')}</p>
      <FormErrorSummary errors={summary} />
      <DropArea onFiles={(files) => void choose(files[0])}>
        <label htmlFor={fileId}>
          {t('results.upload.file')} <span className="muted">{t('results.upload.required')}</span>
        </label>
        <p id={`${fileId}-hint`} className="hint-text">
          {t('results.upload.fileHint', { size: maxFileBytes ? formatBytes(maxFileBytes, i18n.language) : '…' })}
        </p>
        {fileError && (
          <p id={`${fileId}-error`} className="field__error" role="alert">
            {fileError}
          </p>
        )}
        <input
          ref={input}
          id={fileId}
          type="file"
          accept="application/pdf,.pdf"
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        {file && <p>{t('results.upload.chosen', { name: file.name, size: formatBytes(file.size, i18n.language) })}</p>}
      </DropArea>
      <TextField
        id={titleId}
        label={t('results.upload.titleField')}
        hint={t('results.upload.titleHint')}
        required
        value={title}
        error={titleError}
        onChange={(e) => {
          setTitleTouched(true);
          setTitle(e.target.value);
        }}
      />
      {upload.isPending && <Progress label={t('results.upload.progress', { name: file?.name ?? '' })} value={Math.round(fraction * 100)} />}
      <div className="toolbar">
        <Button type="submit" busy={upload.isPending}>
          {t('results.upload.submit')}
        </Button>
      </div>
    </form>
  );
}
