/**
 * One agency on /office/admin (`GET /agencies/{code}`): its details and its history of merges and splits, and for
 * an agency the administrator administers the actions — correct its details, add a unit under it, set its working
 * periods, and end it (`POST /agencies/{code}/end`) after a confirmation dialog with the last day and the legal basis.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { agencyDetailResponse, agencySchema, type AgencyDto } from '@motcua/contracts/organization';
import { api, checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors } from '../../api';
import { formatVietnamTime, vietnamDate } from '../../calendar/calendar-queries';
import { Button, Dialog, FormErrorSummary, Spinner, TextField, useToast } from '../../ui';
import { invalidateAgencies } from './agency-vocabulary';

type EventKind = 'establish' | 'merge' | 'split' | 'rename' | 'move' | 'dissolve';

export interface AgencyActions {
  onEdit: (agency: AgencyDto) => void;
  onAddUnder: (code: string) => void;
}

export function AgencyDetail({ code, canAdminister, actions }: { code: string; canAdminister: boolean; actions: AgencyActions }) {
  const { t, i18n } = useTranslation(['leader', 'common']);
  const errorText = useErrorText();
  const [ending, setEnding] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = useQuery({ queryKey: ['agency', code], queryFn: () => api.get(`/agencies/${encodeURIComponent(code)}`, agencyDetailResponse) });
  const loaded = detail.data?.code;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  if (detail.isPending) return <Spinner label={t('common:loading')} />;
  if (detail.isError) return <p role="alert">{errorText(detail.error)}</p>;
  const a = detail.data;
  const date = (iso: string) => formatVietnamTime(iso, i18n.language, false);
  const lineage = (list: typeof a.predecessors) =>
    list.length === 0
      ? t('common.none')
      : list.map((l) => t('admin.lineageItem', { name: l.name, code: l.code, date: date(l.effectiveOn), kind: t(`agencyAdmin.events.${l.eventKind as EventKind}`) })).join('; ');
  const isEnded = a.effectiveTo !== null && a.effectiveTo < vietnamDate();
  return (
    <section className="review-panel" aria-labelledby="agency-title">
      <h2 id="agency-title" ref={heading} tabIndex={-1}>
        {a.name}
      </h2>
      <dl className="facts">
        <dt>{t('admin.code')}</dt>
        <dd>
          <code>{a.code}</code>
          {a.isCodePlaceholder ? ` (${t('admin.placeholder')})` : ''}
        </dd>
        {a.shortName && (
          <>
            <dt>{t('agencyAdmin.shortName')}</dt>
            <dd>{a.shortName}</dd>
          </>
        )}
        <dt>{t('admin.kindLevel')}</dt>
        <dd>
          {t(`agencyAdmin.kinds.${a.kind}`)} / {t(`agencyAdmin.levels.${a.level}`)}
        </dd>
        <dt>{t('admin.parent')}</dt>
        <dd>{a.parentCode ?? t('common.none')}</dd>
        <dt>{t('admin.period')}</dt>
        <dd>
          {date(a.effectiveFrom)} – {a.effectiveTo ? date(a.effectiveTo) : t('admin.now')}
        </dd>
        <dt>{t('admin.predecessors')}</dt>
        <dd>{lineage(a.predecessors)}</dd>
        <dt>{t('admin.successors')}</dt>
        <dd>{lineage(a.successors)}</dd>
      </dl>
      {canAdminister && !isEnded && (
        <div className="toolbar">
          <Button variant="secondary" onClick={() => actions.onEdit(a)}>
            {t('agencyAdmin.edit')}
          </Button>
          <Button variant="secondary" onClick={() => actions.onAddUnder(a.code)}>
            {t('agencyAdmin.addUnder')}
          </Button>
          <Link to={`/office/calendar/working-periods?agency=${encodeURIComponent(a.code)}`}>{t('agencyAdmin.workingPeriods')}</Link>
          {a.effectiveTo === null && (
            <Button variant="danger" onClick={() => setEnding(true)}>
              {t('agencyAdmin.end')}
            </Button>
          )}
        </div>
      )}
      <EndAgencyDialog agency={ending ? a : null} onClose={() => setEnding(false)} />
    </section>
  );
}

function EndAgencyDialog({ agency, onClose }: { agency: AgencyDto | null; onClose: () => void }) {
  const { t } = useTranslation('leader');
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const [effectiveTo, setEffectiveTo] = useState(() => vietnamDate());
  const [legalReference, setLegalReference] = useState('');
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const ids = { effectiveTo: 'end-agency-date', legalReference: 'end-agency-reason' };
  const close = () => {
    setErrors(noFormErrors);
    onClose();
  };
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!agency) return;
    const failed = checkFields([
      ['effectiveTo', ids.effectiveTo, !/^\d{4}-\d{2}-\d{2}$/.test(effectiveTo) ? t('agencyAdmin.errors.dateRequired') : effectiveTo < agency.effectiveFrom && t('agencyAdmin.errors.endBeforeStart')],
      ['legalReference', ids.legalReference, !legalReference.trim() ? t('agencyAdmin.errors.reasonRequired') : legalReference.trim().length > 200 && t('agencyAdmin.errors.reasonLong')],
    ]);
    setErrors(failed ?? noFormErrors);
    if (failed) return;
    setBusy(true);
    try {
      await api.post(`/agencies/${encodeURIComponent(agency.code)}/end`, { effectiveTo, legalReference: legalReference.trim() }, agencySchema);
      await invalidateAgencies(client);
      toast.show(t('agencyAdmin.ended', { name: agency.name, date: effectiveTo.split('-').reverse().join('/') }), 'success');
      setLegalReference('');
      close();
    } catch (error) {
      setErrors(formErrorsFrom(error, ids, errorText));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={agency !== null}
      onClose={close}
      title={t('agencyAdmin.endTitle', { name: agency?.name ?? '' })}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('agencyAdmin.cancel')}
          </Button>
          <Button variant="danger" busy={busy} onClick={() => void submit()}>
            {t('agencyAdmin.endConfirm')}
          </Button>
        </>
      }
    >
      <form noValidate onSubmit={(e) => void submit(e)}>
        <p>{t('agencyAdmin.endLead')}</p>
        <FormErrorSummary errors={errors.summary} />
        <TextField id={ids.effectiveTo} label={t('agencyAdmin.endDate')} hint={t('agencyAdmin.endDateHint')} type="date" required value={effectiveTo} error={errors.fields.effectiveTo} onChange={(e) => setEffectiveTo(e.target.value)} />
        <TextField
          id={ids.legalReference}
          label={t('agencyAdmin.endReason')}
          hint={t('agencyAdmin.endReasonHint')}
          required
          maxLength={200}
          value={legalReference}
          error={errors.fields.legalReference}
          onChange={(e) => setLegalReference(e.target.value)}
        />
      </form>
    </Dialog>
  );
}
