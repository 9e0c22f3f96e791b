/**
 * Recording a merger, split or rename (`POST /agency-successions`), for system administrators on /office/admin —
 * e.g. the 2025 reform of Huế's communes: several wards merged into one new ward. The predecessors end the day
 * before the effective date and the successors answer for their dossiers from then on. Checked before sending
 * (a merger has one successor, a split one predecessor, a rename one of each; no agency on both sides or twice),
 * said in words before a confirmation, and the server's refusal shown at the field it names.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { successionResponse, type AgencyTreeNode } from '@motcua/contracts/organization';
import { api, checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors } from '../../api';
import { formatVietnamTime, vietnamDate } from '../../calendar/calendar-queries';
import { Button, Dialog, FormErrorSummary, Select, TextArea, TextField, useToast } from '../../ui';
import { invalidateAgencies } from './agency-vocabulary';

type Kind = 'merge' | 'split' | 'rename';
type Side = 'predecessorCodes' | 'successorCodes';

const ids: Record<string, string> = {
  kind: 'succession-kind',
  predecessorCodes: 'succession-predecessor-0',
  successorCodes: 'succession-successor-0',
  effectiveOn: 'succession-date',
  legalReference: 'succession-legal-reference',
  note: 'succession-note',
};
const rowId = (side: Side, i: number) => `succession-${side === 'predecessorCodes' ? 'predecessor' : 'successor'}-${i}`;

/** The day before an ISO date (predecessors end then). */
const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function SuccessionForm({ agencies, onDone, onCancel }: { agencies: readonly AgencyTreeNode[]; onDone: (successorCode: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const [kind, setKind] = useState<Kind>('merge');
  const [codes, setCodes] = useState<Record<Side, string[]>>({ predecessorCodes: ['', ''], successorCodes: [''] });
  const [effectiveOn, setEffectiveOn] = useState(() => vietnamDate());
  const [legalReference, setLegalReference] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const nameOf = (code: string) => agencies.find((a) => a.code === code)?.name ?? code;
  const date = (iso: string) => formatVietnamTime(iso, i18n.language, false);
  const options = agencies.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }));
  const setCode = (side: Side, i: number, value: string) => setCodes((c) => ({ ...c, [side]: c[side].map((v, j) => (j === i ? value : v)) }));
  const chosen = (side: Side) => codes[side].filter(Boolean);

  const check = (): FormErrors | null => {
    const predecessors = chosen('predecessorCodes');
    const successors = chosen('successorCodes');
    const rowChecks = (side: Side) =>
      codes[side].map((code, i) => {
        const other: Side = side === 'predecessorCodes' ? 'successorCodes' : 'predecessorCodes';
        const message = !code
          ? t('agencyAdmin.errors.agencyRequired')
          : codes[side].indexOf(code) !== i
            ? t('agencyAdmin.errors.duplicateAgency')
            : codes[other].includes(code) && side === 'successorCodes'
              ? t('agencyAdmin.errors.bothSides')
              : null;
        return [`${side}.${i}`, rowId(side, i), message] as const;
      });
    const count = (side: Side) => {
      const n = side === 'predecessorCodes' ? predecessors.length : successors.length;
      if (kind === 'rename' && n !== 1) return t('agencyAdmin.errors.renameOne');
      if (kind === 'merge' && side === 'successorCodes' && n !== 1) return t('agencyAdmin.errors.mergeOne');
      if (kind === 'split' && side === 'predecessorCodes' && n !== 1) return t('agencyAdmin.errors.splitOne');
      return null;
    };
    return checkFields([
      ['predecessorCodes', ids.predecessorCodes!, count('predecessorCodes')],
      ...rowChecks('predecessorCodes'),
      ['successorCodes', ids.successorCodes!, count('successorCodes')],
      ...rowChecks('successorCodes'),
      ['effectiveOn', ids.effectiveOn!, !/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn) && t('agencyAdmin.errors.dateRequired')],
      ['legalReference', ids.legalReference!, !legalReference.trim() ? t('agencyAdmin.errors.legalRequired') : legalReference.trim().length > 200 && t('agencyAdmin.errors.reasonLong')],
    ]);
  };

  const review = (event: FormEvent) => {
    event.preventDefault();
    const failed = check();
    setErrors(failed ?? noFormErrors);
    if (!failed) setConfirming(true);
  };

  const record = async () => {
    setBusy(true);
    try {
      await api.post(
        '/agency-successions',
        { kind, predecessorCodes: chosen('predecessorCodes'), successorCodes: chosen('successorCodes'), effectiveOn, legalReference: legalReference.trim(), note: note.trim() || null },
        successionResponse,
      );
      await invalidateAgencies(client);
      setConfirming(false);
      toast.show(t('agencyAdmin.successionRecorded', { kind: t(`agencyAdmin.events.${kind}`), date: date(effectiveOn) }), 'success');
      onDone(chosen('successorCodes')[0]!);
    } catch (error) {
      setConfirming(false);
      setErrors(formErrorsFrom(error, ids, errorText));
    } finally {
      setBusy(false);
    }
  };

  const sideFields = (side: Side) => (
    <fieldset className="decision-day">
      <legend>{t(side === 'predecessorCodes' ? 'agencyAdmin.predecessors' : 'agencyAdmin.successors')}</legend>
      {errors.fields[side] && <p className="field__error">{errors.fields[side]}</p>}
      {codes[side].map((code, i) => (
        <div key={i} className="toolbar">
          <Select
            id={rowId(side, i)}
            label={t(side === 'predecessorCodes' ? 'agencyAdmin.predecessor' : 'agencyAdmin.successor', { n: i + 1 })}
            required
            placeholder="—"
            value={code}
            error={errors.fields[`${side}.${i}`]}
            onChange={(e) => setCode(side, i, e.target.value)}
            options={options}
          />
          {codes[side].length > 1 && (
            <Button variant="link" onClick={() => setCodes((c) => ({ ...c, [side]: c[side].filter((_, j) => j !== i) }))}>
              {t(side === 'predecessorCodes' ? 'agencyAdmin.removePredecessor' : 'agencyAdmin.removeSuccessor', { n: i + 1 })}
            </Button>
          )}
        </div>
      ))}
      <Button variant="secondary" onClick={() => setCodes((c) => ({ ...c, [side]: [...c[side], ''] }))}>
        {t(side === 'predecessorCodes' ? 'agencyAdmin.addPredecessor' : 'agencyAdmin.addSuccessor')}
      </Button>
    </fieldset>
  );

  return (
    <section className="review-panel" aria-labelledby="succession-title">
      <h2 id="succession-title" ref={heading} tabIndex={-1}>
        {t('agencyAdmin.successionTitle')}
      </h2>
      <p>{t('agencyAdmin.successionLead')}</p>
      <p className="hint-text">{t('agencyAdmin.requiredNote')}</p>
      <form noValidate onSubmit={review} aria-labelledby="succession-title">
        <FormErrorSummary errors={errors.summary} />
        <Select
          id={ids.kind}
          label={t('agencyAdmin.successionKind')}
          required
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
          options={(['merge', 'split', 'rename'] as const).map((k) => ({ value: k, label: t(`agencyAdmin.successionKinds.${k}`) }))}
        />
        {sideFields('predecessorCodes')}
        {sideFields('successorCodes')}
        <TextField id={ids.effectiveOn} label={t('agencyAdmin.effectiveOn')} hint={t('agencyAdmin.effectiveOnHint')} type="date" required value={effectiveOn} error={errors.fields.effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />
        <TextField id={ids.legalReference} label={t('agencyAdmin.legalReference')} hint={t('agencyAdmin.legalReferenceHint')} required maxLength={200} value={legalReference} error={errors.fields.legalReference} onChange={(e) => setLegalReference(e.target.value)} />
        <TextArea id={ids.note} label={t('agencyAdmin.note')} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
        <div className="toolbar">
          <Button type="submit">{t('agencyAdmin.successionReview')}</Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('agencyAdmin.cancel')}
          </Button>
        </div>
      </form>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('agencyAdmin.successionConfirmTitle')}
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('agencyAdmin.cancel')}
            </Button>
            <Button variant="danger" busy={busy} onClick={() => void record()}>
              {t('agencyAdmin.successionConfirm')}
            </Button>
          </>
        }
      >
        <p>
          {t('agencyAdmin.successionSummary', {
            kind: t(`agencyAdmin.successionKinds.${kind}`),
            predecessors: chosen('predecessorCodes').map(nameOf).join(', '),
            successors: chosen('successorCodes').map(nameOf).join(', '),
            date: date(effectiveOn),
            lastDay: /^\d{4}-\d{2}-\d{2}$/.test(effectiveOn) ? date(dayBefore(effectiveOn)) : '',
          })}
        </p>
        <p>{t('agencyAdmin.successionIrreversible')}</p>
      </Dialog>
    </section>
  );
}
