/**
 * After submission: what the citizen has at once (the submission time, when the desk must check the dossier, the due
 * time it would get if received then) and what comes at reception (the dossier code and the legal due time, TT
 * 01/2018 Art. 19 — docs/portal.md), and each file sent to the new dossier with its progress bar; a failed file can
 * be sent again.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmissionResponse } from '@motcua/contracts/portal';
import { api, useErrorText } from '../api';
import { usePageTitle } from '../shell/page-title';
import { Button, Countdown, Progress } from '../ui';
import { uploadAttachment } from './citizen-api';
import { formatInstant } from './dossier-view';
import type { DocumentSlot, SlotChoice } from './document-slots';

type SendState = { state: 'waiting' | 'sending' | 'sent' | 'failed'; fraction: number; error?: string };

export function SubmissionDone({ result, slots, choices }: { result: SubmissionResponse; slots: readonly DocumentSlot[]; choices: Readonly<Record<string, SlotChoice>> }) {
  const { t, i18n } = useTranslation('citizen');
  const errorText = useErrorText();
  usePageTitle(t('done.title'));
  const chosen = slots.filter((s) => choices[s.code]?.file || choices[s.code]?.reuseId);
  const [sends, setSends] = useState<Record<string, SendState>>(() => Object.fromEntries(chosen.map((s) => [s.code, { state: 'waiting', fraction: 0 }])));
  const started = useRef(false);

  async function send(slot: DocumentSlot) {
    const choice = choices[slot.code]!;
    const update = (s: SendState) => setSends((all) => ({ ...all, [slot.code]: s }));
    update({ state: 'sending', fraction: 0 });
    try {
      if (choice.file) {
        await uploadAttachment({ dossierId: result.dossierId, file: choice.file, purpose: 'document', requiredDocumentCode: slot.code }, (fraction) => update({ state: 'sending', fraction }));
      } else {
        await api.post(`/dossiers/${result.dossierId}/attachments/reuse`, { sourceAttachmentId: choice.reuseId, purpose: 'document', requiredDocumentCode: slot.code });
      }
      update({ state: 'sent', fraction: 1 });
    } catch (error) {
      update({ state: 'failed', fraction: 0, error: errorText(error) });
    }
  }

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      for (const slot of chosen) await send(slot);
    })();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const allSent = chosen.every((s) => sends[s.code]?.state === 'sent');
  return (
    <div className="page page--narrow">
      <h1>{t('done.title')}</h1>
      <div className="notice notice--success" role="status">
        <p>
          {result.submittedAt ? t('done.leadAt', { time: formatInstant(result.submittedAt, i18n.language) }) : t('done.lead')}
        </p>
        {result.code ? (
          <p>
            {t('done.code')}: <strong>{result.code}</strong>
          </p>
        ) : (
          <p>{t('done.codeLater')}</p>
        )}
        {result.receptionCheckDueAt && (
          <p>
            {t('done.checkBy', { time: formatInstant(result.receptionCheckDueAt, i18n.language) })} (<Countdown due={result.receptionCheckDueAt} />)
          </p>
        )}
        {result.dueAt ? (
          <p>
            {t('due.label')}: {formatInstant(result.dueAt, i18n.language)}
          </p>
        ) : (
          result.estimatedDueAt && <p>{t('done.estimate', { time: formatInstant(result.estimatedDueAt, i18n.language) })}</p>
        )}
      </div>
      {chosen.length > 0 && (
        <section aria-labelledby="files-title">
          <h2 id="files-title">{t('done.files')}</h2>
          <ul className="upload-list">
            {chosen.map((slot) => {
              const s = sends[slot.code]!;
              return (
                <li key={slot.code} className="upload-list__item">
                  <Progress label={`${slot.name} — ${t(`done.state.${s.state}`)}`} value={Math.round(s.fraction * 100)} />
                  {s.state === 'failed' && (
                    <>
                      <p className="field__error">{s.error}</p>
                      <Button variant="secondary" onClick={() => void send(slot)}>
                        {t('done.retry')}
                      </Button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {allSent && <p className="notice notice--success">{t('done.allSent')}</p>}
        </section>
      )}
      <div className="btn-row">
        <Link className="btn btn--primary" to={`/my/dossiers/${result.dossierId}`}>
          {t('done.open')}
        </Link>
        <Link to="/my/dossiers">{t('done.list')}</Link>
      </div>
    </div>
  );
}
