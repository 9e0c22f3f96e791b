/**
 * The reception's last steps, each in a dialog: confirm receiving (what is received, the appointment and how the
 * legal clock computed it, any mandatory document missing), or conclude without receiving — guidance to complete
 * the dossier (Form 02, the items to add) or refusal (Form 03, the reasons).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../api';
import { useDueTime } from '../../calendar/calendar-queries';
import { DueTimeResult } from '../../calendar/due-time-result';
import { Button, Dialog, Spinner, TextArea } from '../../ui';
import type { NewDossierRequest, ProcedureCase } from '../desk/desk-queries';

type Time = ProcedureCase['processingTimes'][number];
export type ConcludeKind = 'guide' | 'refuse';

/** The appointment as the legal clock computes it from `receivedAt` (a postal dossier: the hand-over minutes), else now. */
function Appointment({ time, deskCode, receivedAt }: { time: Time | null; deskCode: string; receivedAt?: string | null }) {
  const { t } = useTranslation('desk');
  const errorText = useErrorText();
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  const from = receivedAt ?? now;
  const countable = time && time.unit !== 'months' ? time : null;
  const due = useDueTime(countable ? { receivedAt: from, amount: countable.amount, unit: countable.unit as 'working-days', agency: deskCode } : null);
  if (!countable) return <p>{t('reception.confirm.noLimit')}</p>;
  return (
    <section aria-labelledby="reception-appointment" className="reception__appointment">
      <h3 id="reception-appointment">{t('reception.confirm.appointment')}</h3>
      {due.isPending ? <Spinner label={t('reception.confirm.computing')} /> : due.error ? <p role="alert">{errorText(due.error)}</p> : <DueTimeResult result={due.data} lead="due" />}
      {countable.sameDayCutoff && <p>{t('reception.confirm.cutoff', { time: countable.sameDayCutoff })}</p>}
      <p className="hint-text">{t('reception.confirm.serverDecides')}</p>
    </section>
  );
}

/**
 * Focus the confirming button once the dialog is open (after showModal, which focuses the first control): Enter
 * then confirms, Escape cancels.
 */
export function useFocusAfterOpen() {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return ref;
}

export function ReceptionConfirm(props: {
  procedureName: string;
  applicantName: string;
  documentCount: number;
  missing: readonly string[];
  time: Time | null;
  deskCode: string;
  /** When the dossier counts as received, if not now (postal: the hand-over minutes' signing). */
  receivedAt?: string | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation('desk');
  const confirmRef = useFocusAfterOpen();
  return (
    <Dialog
      open
      onClose={props.onCancel}
      title={t('reception.confirm.title')}
      footer={
        <>
          <Button variant="secondary" onClick={props.onCancel}>
            {t('reception.cancel')}
          </Button>
          <Button ref={confirmRef} busy={props.busy} onClick={props.onConfirm}>
            {t('reception.confirm.confirm')}
          </Button>
        </>
      }
    >
      <dl className="reception__review">
        <dt>{t('reception.confirm.procedure')}</dt>
        <dd>{props.procedureName}</dd>
        <dt>{t('reception.party.applicant')}</dt>
        <dd>{props.applicantName}</dd>
        <dt>{t('reception.confirm.documents')}</dt>
        <dd>{t('reception.confirm.documentCount', { count: props.documentCount })}</dd>
      </dl>
      {props.missing.length > 0 && (
        <div className="reception__warning" role="alert">
          <p>{t('reception.confirm.missing')}</p>
          <ul>
            {props.missing.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      )}
      <Appointment time={props.time} deskCode={props.deskCode} receivedAt={props.receivedAt} />
    </Dialog>
  );
}

export function ReceptionConclude(props: {
  kind: ConcludeKind;
  missing: readonly string[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: (outcome: NewDossierRequest['outcome']) => void;
}) {
  const { t } = useTranslation('desk');
  const [items, setItems] = useState(() => props.missing.join('\n'));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const guide = props.kind === 'guide';
  const confirm = () => {
    const list = items.split('\n').map((s) => s.trim()).filter(Boolean);
    const next: Record<string, string> = {};
    if (guide && list.length === 0) next.items = t('reception.conclude.itemsRequired');
    if (!reason.trim()) next.reason = t('reception.conclude.reasonRequired');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    props.onConfirm(guide ? { kind: 'guide', items: list, reason: reason.trim() } : { kind: 'refuse', reason: reason.trim() });
  };
  return (
    <Dialog
      open
      onClose={props.onCancel}
      title={guide ? t('reception.conclude.guideTitle') : t('reception.conclude.refuseTitle')}
      footer={
        <>
          <Button variant="secondary" onClick={props.onCancel}>
            {t('reception.cancel')}
          </Button>
          <Button variant={guide ? 'primary' : 'danger'} busy={props.busy} onClick={confirm}>
            {guide ? t('reception.conclude.guideConfirm') : t('reception.conclude.refuseConfirm')}
          </Button>
        </>
      }
    >
      <p>{guide ? t('reception.conclude.guideLead') : t('reception.conclude.refuseLead')}</p>
      {guide && (
        <TextArea label={t('reception.conclude.items')} hint={t('reception.conclude.itemsHint')} required rows={5} value={items} error={errors.items} onChange={(e) => setItems(e.target.value)} />
      )}
      <TextArea label={guide ? t('reception.conclude.guideReason') : t('reception.conclude.refuseReason')} required rows={4} value={reason} error={errors.reason} onChange={(e) => setReason(e.target.value)} />
    </Dialog>
  );
}
