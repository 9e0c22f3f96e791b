/**
 * After the counter: the dossier code, the appointment, the ledger number and the form to print — the receipt
 * (Form 01) when received, the guidance (Form 02) or the refusal (Form 03) otherwise, each the stored PDF the
 * documents module issued (issued-form-pdf.tsx), with the form on the page second. Focus lands on the heading so a
 * screen reader reads the outcome; "Receive another dossier" starts a fresh form.
 */
import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatVietnamTime } from '../../calendar/calendar-queries';
import { useErrorText } from '../../api';
import { Button, buttonClass, Progress } from '../../ui';
import { uploadAttachment } from '../desk/attachments';
import { dossiersKey, type Dossier } from '../desk/desk-queries';
import { CounterFormActions } from './issued-form-pdf';

/** The scans chosen at the counter, uploaded one after another once the dossier exists; each outcome shown. */
function ScanUploads({ dossierId, files }: { dossierId: string; files: readonly File[] }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const client = useQueryClient();
  const [done, setDone] = useState(0);
  const [failures, setFailures] = useState<string[]>([]);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      for (const file of files) {
        try {
          await uploadAttachment(dossierId, file);
        } catch (error) {
          setFailures((f) => [...f, t('attachments.failed', { name: file.name, reason: errorText(error) })]);
        }
        setDone((n) => n + 1);
      }
      await client.invalidateQueries({ queryKey: dossiersKey });
    })();
  }, [client, dossierId, errorText, files, t]);
  return (
    <div className="reception__uploads">
      {done < files.length ? (
        <Progress label={t('attachments.uploading', { done, total: files.length })} value={done} max={files.length} />
      ) : (
        <p role="status">{t('attachments.uploaded', { count: files.length - failures.length })}</p>
      )}
      {failures.length > 0 && (
        <ul role="alert">
          {failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ReceptionDone({ dossier, files, onNext }: { dossier: Dossier; files: readonly File[]; onNext: () => void }) {
  const { t, i18n } = useTranslation('desk');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const received = dossier.state === 'received';
  const formKind = received ? 'receipt' : dossier.state === 'guided' ? 'supplement_request' : 'refusal';
  const title = received ? t('reception.done.received') : dossier.state === 'guided' ? t('reception.done.guided') : t('reception.done.refused');
  const due = dossier.extendedDueAt ?? dossier.dueAt;
  return (
    <section className="reception__done" aria-labelledby="reception-done">
      <h2 id="reception-done" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <dl className="reception__review">
        {dossier.code && (
          <>
            <dt>{t('dossier.code')}</dt>
            <dd>
              <output className="dossier-code">{dossier.code}</output>
            </dd>
          </>
        )}
        <dt>{t('dossier.procedure')}</dt>
        <dd>{dossier.procedure.name}</dd>
        {received && (
          <>
            <dt>{t('dossier.receivedAt')}</dt>
            <dd>{dossier.receivedAt && formatVietnamTime(dossier.receivedAt, i18n.language)}</dd>
            <dt>{t('dossier.dueAt')}</dt>
            <dd>{due ? formatVietnamTime(due, i18n.language) : t('dossier.duePending')}</dd>
            {dossier.ledger && (
              <>
                <dt>{t('dossier.ledger')}</dt>
                <dd>{t('dossier.ledgerNumber', { number: dossier.ledger.number, year: dossier.ledger.year })}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {received && files.length > 0 && <ScanUploads dossierId={dossier.id} files={files} />}
      <div className="reception__actions">
        <CounterFormActions dossierId={dossier.id} kind={formKind} />
        {received && (
          <Link className={buttonClass('secondary')} to={`/office/dossiers/${dossier.id}`}>
            {t('reception.done.open')}
          </Link>
        )}
        <Button variant="secondary" onClick={onNext}>
          {t('reception.done.next')}
        </Button>
      </div>
    </section>
  );
}
