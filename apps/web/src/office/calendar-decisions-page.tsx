/**
 * Calendar decisions (/office/calendar/decisions), for system administrators: the decisions of a year with the
 * days each sets, revocation with a reason, and the form to record a new one (national, for a province or for an
 * agency in the administrator's scope). The server checks the rights and audits every write.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors } from '../api';
import { useSession } from '../auth/session';
import '../calendar/calendar.css';
import {
  formatVietnamTime,
  useDecisions,
  useRecordDecision,
  useRevokeDecision,
  vietnamYear,
  type DayKind,
  type Decision,
  type RecordDecisionRequest,
} from '../calendar/calendar-queries';
import { usePageTitle } from '../shell/page-title';
import {
  Button,
  Checkbox,
  DataTable,
  Dialog,
  EmptyState,
  FormErrorSummary,
  Select,
  Spinner,
  StatusTag,
  TextArea,
  TextField,
  useToast,
  type Column,
} from '../ui';

const kinds: readonly DayKind[] = ['holiday', 'compensatory_day_off', 'swapped_day_off', 'extra_day_off', 'makeup_working_day', 'working_day'];
type Scope = RecordDecisionRequest['scope'];

export default function CalendarDecisionsPage() {
  const { t, i18n } = useTranslation(['calendar', 'office']);
  const errorText = useErrorText();
  const [year, setYear] = useState(() => vietnamYear());
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [revoking, setRevoking] = useState<Decision | null>(null);
  const decisions = useDecisions(year, includeRevoked);
  usePageTitle(t('decisions.title'), 'officeName');

  const columns: Column<Decision>[] = [
    { key: 'name', header: t('decisions.columns.name'), cell: (d) => d.name, sortValue: (d) => d.name, isRowHeader: true },
    { key: 'scope', header: t('decisions.columns.scope'), cell: (d) => (d.agency ? `${t(`scopes.${d.scope}`)}: ${d.agency.name}` : t(`scopes.${d.scope}`)) },
    { key: 'legalReference', header: t('decisions.columns.legalReference'), cell: (d) => d.legalReference },
    {
      key: 'days',
      header: t('decisions.columns.days'),
      cell: (d) => (
        <ul className="decision-days-list">
          {d.days.map((day) => (
            <li key={day.date}>
              {formatVietnamTime(day.date, i18n.language, false)} — {t(`kinds.${day.kind}`)}
            </li>
          ))}
        </ul>
      ),
      sortValue: (d) => d.days[0]?.date,
    },
    {
      key: 'status',
      header: t('decisions.columns.status'),
      cell: (d) => (d.revokedAt ? <StatusTag tone="neutral">{t('decisions.revoked')}</StatusTag> : <StatusTag tone="success">{t('decisions.active')}</StatusTag>),
    },
    {
      key: 'actions',
      header: t('decisions.columns.actions'),
      cell: (d) =>
        d.revokedAt ? null : (
          <Button variant="secondary" onClick={() => setRevoking(d)}>
            {t('decisions.revoke')}
            <span className="visually-hidden">: {d.name}</span>
          </Button>
        ),
    },
  ];

  return (
    <div className="page">
      <h1>{t('decisions.title')}</h1>
      <p className="lead">{t('decisions.lead')}</p>
      <p>
        <Link to="/office/calendar">{t('office:nav.calendar')}</Link>
      </p>
      <div className="calendar-toolbar">
        <div className="calendar-toolbar__year">
          <Button variant="secondary" onClick={() => setYear((y) => y - 1)} disabled={year <= 1900}>
            {t('page.previousYear')}
          </Button>
          <h2 aria-live="polite">
            {t('page.year')} {year}
          </h2>
          <Button variant="secondary" onClick={() => setYear((y) => y + 1)} disabled={year >= 2100}>
            {t('page.nextYear')}
          </Button>
        </div>
        <Checkbox id="include-revoked" label={t('decisions.includeRevoked')} checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.target.checked)} />
      </div>
      <h2>{t('decisions.listTitle')}</h2>
      {decisions.isPending ? (
        <Spinner label={t('estimate.loading')} />
      ) : decisions.error ? (
        <p role="alert">{errorText(decisions.error)}</p>
      ) : (
        <DataTable
          caption={t('decisions.listTitle')}
          captionHidden
          columns={columns}
          rows={decisions.data.items}
          rowKey={(d) => d.id}
          empty={<EmptyState title={t('decisions.empty')} />}
        />
      )}
      <RevokeDialog decision={revoking} onClose={() => setRevoking(null)} />
      <RecordDecisionForm />
    </div>
  );
}

function RevokeDialog({ decision, onClose }: { decision: Decision | null; onClose: () => void }) {
  const { t } = useTranslation('calendar');
  const errorText = useErrorText();
  const toast = useToast();
  const revoke = useRevokeDecision();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const close = () => {
    setReason('');
    setError(undefined);
    onClose();
  };
  const confirm = () => {
    if (!decision) return;
    if (!reason.trim()) return setError(t('decisions.revokeReason'));
    revoke.mutate(
      { id: decision.id, reason: reason.trim() },
      {
        onError: (e) => setError(errorText(e)),
        onSuccess: () => {
          toast.show(t('decisions.revokedToast'), 'success');
          close();
        },
      },
    );
  };
  return (
    <Dialog
      open={decision !== null}
      onClose={close}
      title={t('decisions.revokeTitle', { name: decision?.name ?? '' })}
      footer={
        <>
          <Button variant="secondary" onClick={close}>
            {t('decisions.cancel')}
          </Button>
          <Button variant="danger" busy={revoke.isPending} onClick={confirm}>
            {t('decisions.revokeConfirm')}
          </Button>
        </>
      }
    >
      <TextArea id="revoke-reason" label={t('decisions.revokeReason')} required value={reason} error={error} onChange={(e) => setReason(e.target.value)} />
    </Dialog>
  );
}

interface DayRow {
  date: string;
  kind: DayKind;
  name: string;
}

const emptyDay = (): DayRow => ({ date: '', kind: 'extra_day_off', name: '' });

function RecordDecisionForm() {
  const { t } = useTranslation('calendar');
  const errorText = useErrorText();
  const toast = useToast();
  const { user } = useSession();
  const record = useRecordDecision();
  const [form, setForm] = useState({ scope: 'national' as Scope, agency: '', name: '', legalReference: '', note: '' });
  const [days, setDays] = useState<DayRow[]>([emptyDay()]);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const adminAgencies = [
    ...new Map((user?.roles ?? []).filter((r) => r.role === 'system_administrator').map((r) => [r.agencyCode, r.agencyName])).entries(),
  ];
  const ids: Record<string, string> = { scope: 'decision-scope', agency: 'decision-agency', name: 'decision-name', legalReference: 'decision-legal-reference', note: 'decision-note' };
  days.forEach((_, i) => {
    ids[`days.${i}.date`] = `decision-day-${i}-date`;
    ids[`days.${i}.kind`] = `decision-day-${i}-kind`;
    ids[`days.${i}.name`] = `decision-day-${i}-name`;
  });

  const setDay = (index: number, change: Partial<DayRow>) => setDays((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = checkFields([
      ['agency', ids.agency!, form.scope !== 'national' && !form.agency && t('decisions.agencyRequired')],
      ['name', ids.name!, !form.name.trim() && t('decisions.nameRequired')],
      ['legalReference', ids.legalReference!, !form.legalReference.trim() && t('decisions.legalReferenceRequired')],
      ...days.flatMap((day, i) => [
        [`days.${i}.date`, ids[`days.${i}.date`]!, !day.date && t('decisions.dayDateRequired')] as const,
        [`days.${i}.name`, ids[`days.${i}.name`]!, !day.name.trim() && t('decisions.dayNameRequired')] as const,
      ]),
    ]);
    if (invalid) return setErrors(invalid);
    const body: RecordDecisionRequest = {
      scope: form.scope,
      ...(form.scope !== 'national' ? { agency: form.agency } : {}),
      name: form.name.trim(),
      legalReference: form.legalReference.trim(),
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
      days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() })),
    };
    record.mutate(body, {
      onError: (error) => setErrors(formErrorsFrom(error, ids, errorText)),
      onSuccess: () => {
        setErrors(noFormErrors);
        setForm({ scope: 'national', agency: '', name: '', legalReference: '', note: '' });
        setDays([emptyDay()]);
        toast.show(t('decisions.recordedToast'), 'success');
      },
    });
  };

  return (
    <section aria-labelledby="record-decision-title">
      <h2 id="record-decision-title">{t('decisions.recordTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={errors.summary} />
        <Select
          id={ids.scope}
          label={t('decisions.scope')}
          value={form.scope}
          onChange={(e) => setForm((f) => ({ ...f, scope: e.target.value as Scope }))}
          options={(['national', 'province', 'agency'] as const).map((s) => ({ value: s, label: t(`scopes.${s}`) }))}
        />
        {form.scope !== 'national' && (
          <Select
            id={ids.agency}
            label={t('decisions.agency')}
            required
            placeholder="—"
            value={form.agency}
            error={errors.fields.agency}
            onChange={(e) => setForm((f) => ({ ...f, agency: e.target.value }))}
            options={adminAgencies.map(([code, name]) => ({ value: code, label: `${name} (${code})` }))}
          />
        )}
        <TextField id={ids.name} label={t('decisions.name')} hint={t('decisions.nameHint')} required value={form.name} error={errors.fields.name} onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))} />
        <TextField
          id={ids.legalReference}
          label={t('decisions.legalReference')}
          hint={t('decisions.legalReferenceHint')}
          required
          value={form.legalReference}
          error={errors.fields.legalReference}
          onChange={(e) => setForm((f) => ({ ...f, legalReference: e.target.value }))}
        />
        <TextArea id={ids.note} label={t('decisions.note')} value={form.note} onChange={(e) => setForm((f) => ({ ...f, note: e.target.value }))} />
        <h3>{t('decisions.daysTitle')}</h3>
        {days.map((day, i) => (
          <fieldset key={i} className="decision-day">
            <legend>{t('decisions.dayLegend', { number: i + 1 })}</legend>
            <TextField id={ids[`days.${i}.date`]} label={t('decisions.dayDate')} type="date" required value={day.date} error={errors.fields[`days.${i}.date`]} onChange={(e) => setDay(i, { date: e.target.value })} />
            <Select
              id={ids[`days.${i}.kind`]}
              label={t('decisions.dayKind')}
              value={day.kind}
              error={errors.fields[`days.${i}.kind`]}
              onChange={(e) => setDay(i, { kind: e.target.value as DayKind })}
              options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
            <TextField id={ids[`days.${i}.name`]} label={t('decisions.dayName')} hint={t('decisions.dayNameHint')} required value={day.name} error={errors.fields[`days.${i}.name`]} onChange={(e) => setDay(i, { name: e.target.value })} />
            {days.length > 1 && (
              <Button variant="link" onClick={() => setDays((rows) => rows.filter((_, j) => j !== i))}>
                {t('decisions.removeDay', { number: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        <p>
          <Button variant="secondary" onClick={() => setDays((rows) => [...rows, emptyDay()])}>
            {t('decisions.addDay')}
          </Button>
        </p>
        <Button type="submit" busy={record.isPending}>
          {t('decisions.submit')}
        </Button>
      </form>
    </section>
  );
}
