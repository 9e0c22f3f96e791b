/**
 * The answer to a supplement request: one upload slot per item asked for (camera on a phone), a note, then the
 * files are sent with their progress and the dossier is marked supplemented.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, useErrorText } from '../api';
import { Button, FormErrorSummary, Progress, TextArea, useToast, type FormErrorItem } from '../ui';
import { uploadAttachment } from './citizen-api';

export interface OpenRequest {
  id: string;
  requestedAt: string;
  items: readonly string[];
  reason: string;
}

const accept = '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,application/pdf,image/jpeg,image/png';

export function SupplementForm({ dossierId, version, request, onDone }: { dossierId: string; version: number; request: OpenRequest; onDone: () => void }) {
  const { t } = useTranslation('citizen');
  const errorText = useErrorText();
  const toast = useToast();
  const [files, setFiles] = useState<(File | null)[]>(() => request.items.map(() => null));
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number[]>(() => request.items.map(() => 0));
  const [errors, setErrors] = useState<FormErrorItem[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = request.items.flatMap((item, i) => (files[i] ? [] : [{ fieldId: `supplement-${i}`, message: t('supplement.missing', { item }) }]));
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    setErrors([]);
    try {
      for (const [i, file] of files.entries()) {
        await uploadAttachment({ dossierId, file: file!, purpose: 'supplement', requiredDocumentCode: null }, (f) =>
          setProgress((p) => p.map((v, j) => (j === i ? Math.round(f * 100) : v))),
        );
      }
      await api.post(
        `/dossiers/${dossierId}/supplements`,
        { documents: request.items.map((name) => ({ code: null, name: name.slice(0, 500), originals: 0, certifiedCopies: 0, photocopies: 1 })), note: note.trim() || null },
        undefined,
        { headers: { 'if-match': `"${version}"` } },
      );
      toast.show(t('supplement.sent'), 'success');
      onDone();
    } catch (error) {
      setErrors([{ message: `${errorText(error)} ${t('supplement.retry')}` }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card supplement" aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t('supplement.title')}</h2>
      <p>{t('supplement.lead')}</p>
      <p>
        <strong>{t('supplement.reason')}:</strong> {request.reason}
      </p>
      <FormErrorSummary errors={errors} />
      <form noValidate onSubmit={(e) => void submit(e)}>
        {request.items.map((item, i) => (
          <div key={i} className="field">
            <label className="field__label" htmlFor={`supplement-${i}`}>
              {item} <span className="field__required">{t('documents.requirement.mandatory')}</span>
            </label>
            <p className="field__hint" id={`supplement-${i}-hint`}>
              {t('documents.chooseHint')}
            </p>
            <input
              id={`supplement-${i}`}
              className="input input--file"
              type="file"
              accept={accept}
              capture="environment"
              aria-describedby={`supplement-${i}-hint`}
              onChange={(e) => setFiles((f) => f.map((v, j) => (j === i ? (e.target.files?.[0] ?? null) : v)))}
            />
            {busy && <Progress label={t('supplement.sending', { item })} value={progress[i] ?? 0} />}
          </div>
        ))}
        <TextArea label={t('supplement.note')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        <Button type="submit" busy={busy}>
          {t('supplement.submit')}
        </Button>
      </form>
    </section>
  );
}
