/**
 * The office's working calendar (/office/calendar): a year view of days off and make-up working days for the
 * national calendar or one of the officer's agencies, the list of those days with their legal basis, and a form
 * to try an appointment date. Every officer may look; administrators get a link to the decisions page.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { checkFields, noFormErrors, useErrorText, type FormErrors } from '../api';
import { useSession } from '../auth/session';
import '../calendar/calendar.css';
import {
  formatVietnamTime,
  useCalendarDays,
  useDueTime,
  vietnamYear,
  type CalendarDay,
  type DueTimeRequest,
  type TimeUnit,
} from '../calendar/calendar-queries';
import { DueTimeResult } from '../calendar/due-time-result';
import { YearView } from '../calendar/year-view';
import { usePageTitle } from '../shell/page-title';
import { Button, DataTable, EmptyState, FormErrorSummary, Select, Spinner, TextField, type Column } from '../ui';

const units: readonly TimeUnit[] = ['working-days', 'working-hours', 'calendar-days'];

export default function CalendarPage() {
  const { t, i18n } = useTranslation(['calendar', 'office']);
  const errorText = useErrorText();
  const { user } = useSession();
  const [year, setYear] = useState(() => vietnamYear());
  const [agency, setAgency] = useState('');
  const days = useCalendarDays(year, agency || undefined);
  usePageTitle(t('page.title'), 'officeName');

  const agencies = [...new Map((user?.roles ?? []).map((r) => [r.agencyCode, r.agencyName])).entries()];
  const isAdmin = user?.roles.some((r) => r.role === 'system_administrator') ?? false;
  const columns: Column<CalendarDay>[] = [
    { key: 'date', header: t('page.columns.date'), cell: (d) => formatVietnamTime(d.date, i18n.language, false), sortValue: (d) => d.date, isRowHeader: true },
    { key: 'kind', header: t('page.columns.kind'), cell: (d) => t(`kinds.${d.kind}`), sortValue: (d) => t(`kinds.${d.kind}`) },
    { key: 'name', header: t('page.columns.name'), cell: (d) => d.name },
    { key: 'legalBasis', header: t('page.columns.legalBasis'), cell: (d) => d.legalBasis },
  ];

  return (
    <div className="page">
      <h1>{t('page.title')}</h1>
      <p className="lead">{t('page.lead')}</p>
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
        <Select
          id="calendar-agency"
          label={t('page.calendarOf')}
          value={agency}
          onChange={(e) => setAgency(e.target.value)}
          options={[{ value: '', label: t('page.national') }, ...agencies.map(([code, name]) => ({ value: code, label: `${name} (${code})` }))]}
        />
      </div>
      <h3 id="calendar-legend">{t('page.legendTitle')}</h3>
      <ul className="calendar-legend" aria-labelledby="calendar-legend">
        <li><span className="calendar-legend__swatch calendar-legend__swatch--off" aria-hidden="true" />{t('page.legendDayOff')}</li>
        <li><span className="calendar-legend__swatch calendar-legend__swatch--makeup" aria-hidden="true" />{t('page.legendMakeup')}</li>
        <li><span className="calendar-legend__swatch calendar-legend__swatch--weekend" aria-hidden="true" />{t('page.legendWeekend')}</li>
      </ul>
      {days.isPending ? (
        <Spinner label={t('estimate.loading')} />
      ) : days.error ? (
        <p role="alert">{errorText(days.error)}</p>
      ) : (
        <>
          <YearView year={year} days={days.data} />
          <h2>{t('page.listTitle')}</h2>
          <DataTable
            caption={t('page.listTitle')}
            captionHidden
            columns={columns}
            rows={days.data}
            rowKey={(d) => d.date}
            defaultSort={{ key: 'date', direction: 'ascending' }}
            empty={<EmptyState title={t('page.empty')} />}
          />
        </>
      )}
      {isAdmin && (
        <p>
          <Link to="/office/calendar/decisions">{t('page.decisionsLink')}</Link>
          {' · '}
          <Link to="/office/calendar/working-periods">{t('page.workingPeriodsLink')}</Link>
        </p>
      )}
      <TryOut agency={agency} />
    </div>
  );
}

const ids = { receivedAt: 'try-received-at', amount: 'try-amount', unit: 'try-unit' };

/** Try an appointment date: reception instant (Vietnam time), limit and unit → the due time and its explanation. */
function TryOut({ agency }: { agency: string }) {
  const { t } = useTranslation('calendar');
  const errorText = useErrorText();
  const [form, setForm] = useState({ receivedAt: '', amount: '5', unit: 'working-days' as TimeUnit });
  const [request, setRequest] = useState<DueTimeRequest | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const due = useDueTime(request);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const amount = Number(form.amount);
    const invalid = checkFields([
      ['receivedAt', ids.receivedAt, !form.receivedAt && t('tryOut.receivedAtRequired')],
      ['amount', ids.amount, !(amount > 0 && amount <= 1000) && t('tryOut.amountInvalid')],
    ]);
    if (invalid) return setErrors(invalid);
    setErrors(noFormErrors);
    setRequest({ receivedAt: form.receivedAt, amount, unit: form.unit, ...(agency ? { agency } : {}) });
  };

  return (
    <section aria-labelledby="try-out-title">
      <h2 id="try-out-title">{t('tryOut.title')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormErrorSummary errors={errors.summary} />
        <TextField
          id={ids.receivedAt}
          label={t('tryOut.receivedAt')}
          hint={t('tryOut.receivedAtHint')}
          type="datetime-local"
          required
          value={form.receivedAt}
          error={errors.fields.receivedAt}
          onChange={(e) => setForm((f) => ({ ...f, receivedAt: e.target.value }))}
        />
        <TextField
          id={ids.amount}
          label={t('tryOut.amount')}
          type="number"
          inputMode="decimal"
          min="0"
          max="1000"
          step="any"
          required
          value={form.amount}
          error={errors.fields.amount}
          onChange={(e) => setForm((f) => ({ ...f, amount: e.target.value }))}
        />
        <Select
          id={ids.unit}
          label={t('tryOut.unit')}
          value={form.unit}
          onChange={(e) => setForm((f) => ({ ...f, unit: e.target.value as TimeUnit }))}
          options={units.map((u) => ({ value: u, label: t(`units.${u}`) }))}
        />
        <Button type="submit" busy={request !== null && due.isFetching}>
          {t('tryOut.submit')}
        </Button>
      </form>
      <div aria-live="polite">
        {request && due.error && <p role="alert">{errorText(due.error)}</p>}
        {request && due.data && <DueTimeResult result={due.data} />}
      </div>
    </section>
  );
}
