/**
 * Working periods (/office/calendar/working-periods, system administrators): choose an agency the administrator
 * administers, see the periods in force today and from when (its own, inherited from a parent agency, or the
 * default 07:00–11:30 and 13:30–17:00) with any schedule already set for a later date, and set new periods from a
 * date on (`PUT /calendar/working-periods`, audited). The rows are checked in the browser with the server's rule
 * (working-periods-rules.ts); the server's refusal is shown if it still refuses. docs/calendar.md §1 and §5.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { workingPeriodScheduleResponse, workingPeriodsResponse } from '@motcua/contracts/calendar';
import { api, checkFields, formErrorsFrom, noFormErrors, useErrorText, type FormErrors, type Infer } from '../api';
import '../calendar/calendar.css';
import { calendarKey, formatVietnamTime, vietnamDate } from '../calendar/calendar-queries';
import { dailyMinutes, MAX_PERIODS_PER_DAY, periodProblems, sortedPeriods, type PeriodRow } from '../calendar/working-periods-rules';
import { usePageTitle } from '../shell/page-title';
import { Button, DataTable, FormErrorSummary, Select, Spinner, TextField, useToast, type Column } from '../ui';
import { useAdministeredAgencies } from './admin/agency-options';

type Schedules = Infer<typeof workingPeriodsResponse>;
type Schedule = Schedules['schedules'][number];

/** The schedule in force on a date: the agency's own latest one from on or before it, else the nearest ancestor's. */
function inForce(data: Schedules, date: string): Schedule | null {
  const byAgency = new Map<string, Schedule[]>();
  for (const s of data.schedules) byAgency.set(s.agency.code, [...(byAgency.get(s.agency.code) ?? []), s]);
  for (const list of byAgency.values()) {
    const found = [...list].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom)).find((s) => s.effectiveFrom <= date);
    if (found) return found;
  }
  return null;
}

const describe = (periods: readonly PeriodRow[]) => periods.map((p) => `${p.start}–${p.end}`).join(', ');

function useHours() {
  const { t } = useTranslation('calendar');
  return (minutes: number) => t('workingPeriods.hours', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
}

export default function WorkingPeriodsPage() {
  const { t } = useTranslation(['calendar', 'office']);
  const errorText = useErrorText();
  usePageTitle(t('workingPeriods.title'), 'officeName');
  const [params, setParams] = useSearchParams();
  const { tree, administered } = useAdministeredAgencies();
  const agency = params.get('agency') ?? administered[0]?.code ?? '';
  const schedules = useQuery({
    queryKey: [...calendarKey, 'working-periods', agency],
    enabled: agency !== '',
    queryFn: ({ signal }) => api.get(`/calendar/working-periods?agency=${encodeURIComponent(agency)}`, workingPeriodsResponse, { signal }),
  });

  return (
    <div className="page">
      <h1>{t('workingPeriods.title')}</h1>
      <p className="lead">{t('workingPeriods.lead')}</p>
      <p>
        <Link to="/office/calendar">{t('office:nav.calendar')}</Link> · <Link to="/office/admin">{t('workingPeriods.adminLink')}</Link>
      </p>
      {tree.isPending && <Spinner label={t('estimate.loading')} />}
      {tree.isError && <p role="alert">{errorText(tree.error)}</p>}
      {administered.length > 0 && (
        <Select
          id="working-periods-agency"
          label={t('workingPeriods.agency')}
          value={agency}
          onChange={(e) => setParams({ agency: e.target.value }, { replace: true })}
          options={administered.map((a) => ({ value: a.code, label: `${a.name} (${a.code})` }))}
        />
      )}
      {schedules.isPending && agency !== '' && <Spinner label={t('estimate.loading')} />}
      {schedules.isError && <p role="alert">{errorText(schedules.error)}</p>}
      {schedules.data && (
        <>
          <CurrentSchedule data={schedules.data} />
          <SetPeriodsForm key={agency} data={schedules.data} />
        </>
      )}
    </div>
  );
}

function CurrentSchedule({ data }: { data: Schedules }) {
  const { t, i18n } = useTranslation('calendar');
  const hours = useHours();
  const today = vietnamDate();
  const current = inForce(data, today);
  const periods = current?.periods ?? data.defaultPeriods;
  const later = data.schedules.filter((s) => s.agency.code === data.agency.code && s.effectiveFrom > today).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const date = (iso: string) => formatVietnamTime(iso, i18n.language, false);
  const source = !current
    ? t('workingPeriods.sourceDefault')
    : current.agency.code === data.agency.code
      ? t('workingPeriods.sourceOwn', { date: date(current.effectiveFrom) })
      : t('workingPeriods.sourceInherited', { date: date(current.effectiveFrom), agency: current.agency.name });
  const columns: Column<Schedule>[] = [
    { key: 'from', header: t('workingPeriods.columns.from'), cell: (s) => date(s.effectiveFrom), sortValue: (s) => s.effectiveFrom, isRowHeader: true },
    { key: 'periods', header: t('workingPeriods.columns.periods'), cell: (s) => describe(s.periods) },
    { key: 'hours', header: t('workingPeriods.columns.hours'), cell: (s) => hours(dailyMinutes(s.periods)) },
    { key: 'agency', header: t('workingPeriods.columns.agency'), cell: (s) => (s.agency.code === data.agency.code ? t('workingPeriods.own') : s.agency.name) },
  ];
  return (
    <section aria-labelledby="working-periods-current" className="due-time-estimate">
      <h2 id="working-periods-current">{t('workingPeriods.currentTitle', { name: data.agency.name })}</h2>
      <p className="due-time__due">
        {describe(periods)} — {hours(dailyMinutes(periods))}
      </p>
      <p>{source}</p>
      {later.map((s) => (
        <p key={s.effectiveFrom}>
          <strong>{t('workingPeriods.later', { date: date(s.effectiveFrom), periods: describe(s.periods), hours: hours(dailyMinutes(s.periods)) })}</strong>
        </p>
      ))}
      {data.schedules.length > 0 && (
        <DataTable caption={t('workingPeriods.historyTitle')} columns={columns} rows={data.schedules} rowKey={(s) => `${s.agency.code}-${s.effectiveFrom}`} />
      )}
    </section>
  );
}

function SetPeriodsForm({ data }: { data: Schedules }) {
  const { t, i18n } = useTranslation('calendar');
  const errorText = useErrorText();
  const toast = useToast();
  const client = useQueryClient();
  const hours = useHours();
  const start = inForce(data, vietnamDate())?.periods ?? data.defaultPeriods;
  const [rows, setRows] = useState<PeriodRow[]>(() => start.map((p) => ({ ...p })));
  const [effectiveFrom, setEffectiveFrom] = useState(() => vietnamDate(1));
  const [errors, setErrors] = useState<FormErrors>(noFormErrors);
  const ids: Record<string, string> = { effectiveFrom: 'working-periods-from', periods: 'working-periods-0-start' };
  rows.forEach((_, i) => {
    ids[`periods.${i}.start`] = `working-periods-${i}-start`;
    ids[`periods.${i}.end`] = `working-periods-${i}-end`;
  });
  const save = useMutation({
    mutationFn: (body: { agency: string; effectiveFrom: string; periods: PeriodRow[] }) => api.put('/calendar/working-periods', body, workingPeriodScheduleResponse),
    onSuccess: async (saved) => {
      setErrors(noFormErrors);
      toast.show(t('workingPeriods.saved', { date: formatVietnamTime(saved.effectiveFrom, i18n.language, false), periods: describe(saved.periods) }), 'success');
      await client.invalidateQueries({ queryKey: calendarKey });
    },
    onError: (error) => setErrors(formErrorsFrom(error, ids, errorText)),
  });

  const setRow = (index: number, change: Partial<PeriodRow>) => setRows((old) => old.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const messages = new Map<string, string>();
    for (const p of periodProblems(rows)) {
      const n = p.row + 1;
      if (p.kind === 'format') messages.set(`${p.row}.${p.field}`, t('workingPeriods.errors.format', { n }));
      else if (p.kind === 'inverted') messages.set(`${p.row}.end`, t('workingPeriods.errors.inverted', { n }));
      else messages.set(`${p.row}.start`, t('workingPeriods.errors.overlap', { n, other: p.previous + 1 }));
    }
    const invalid = checkFields([
      // the legal calendar covers 1900–2100 (docs/calendar.md)
      ['effectiveFrom', ids.effectiveFrom!, !/^(19\d\d|20\d\d|2100)-\d{2}-\d{2}$/.test(effectiveFrom) && t('workingPeriods.errors.date')],
      ...rows.flatMap((_, i) => [
        [`periods.${i}.start`, ids[`periods.${i}.start`]!, messages.get(`${i}.start`)] as const,
        [`periods.${i}.end`, ids[`periods.${i}.end`]!, messages.get(`${i}.end`)] as const,
      ]),
    ]);
    setErrors(invalid ?? noFormErrors);
    if (invalid) return;
    save.mutate({ agency: data.agency.code, effectiveFrom, periods: sortedPeriods(rows) });
  };
  const total = dailyMinutes(rows);

  return (
    <section aria-labelledby="working-periods-form-title">
      <h2 id="working-periods-form-title">{t('workingPeriods.formTitle')}</h2>
      <p>{t('workingPeriods.formLead')}</p>
      <form className="form" noValidate onSubmit={submit} aria-labelledby="working-periods-form-title">
        <FormErrorSummary errors={errors.summary} />
        <TextField
          id={ids.effectiveFrom}
          label={t('workingPeriods.effectiveFrom')}
          hint={effectiveFrom && effectiveFrom <= vietnamDate() ? t('workingPeriods.effectiveFromPast') : t('workingPeriods.effectiveFromHint')}
          type="date"
          required
          value={effectiveFrom}
          error={errors.fields.effectiveFrom}
          onChange={(e) => setEffectiveFrom(e.target.value)}
        />
        <p className="hint-text">{t('workingPeriods.timeHint')}</p>
        {rows.map((row, i) => (
          <fieldset key={i} className="decision-day">
            <legend>{t('workingPeriods.period', { n: i + 1 })}</legend>
            <div className="working-period-row">
              {(['start', 'end'] as const).map((field) => (
                <TextField
                  key={field}
                  id={ids[`periods.${i}.${field}`]}
                  label={t(`workingPeriods.${field}`, { n: i + 1 })}
                  required
                  inputMode="numeric"
                  autoComplete="off"
                  value={row[field]}
                  error={errors.fields[`periods.${i}.${field}`]}
                  onChange={(e) => setRow(i, { [field]: e.target.value })}
                />
              ))}
            </div>
            {rows.length > 1 && (
              <Button variant="link" onClick={() => setRows((old) => old.filter((_, j) => j !== i))}>
                {t('workingPeriods.remove', { n: i + 1 })}
              </Button>
            )}
          </fieldset>
        ))}
        {rows.length < MAX_PERIODS_PER_DAY && (
          <p>
            <Button variant="secondary" onClick={() => setRows((old) => [...old, { start: '', end: '' }])}>
              {t('workingPeriods.add')}
            </Button>
          </p>
        )}
        <p aria-live="polite">
          <strong>{t('workingPeriods.total', { hours: hours(total) })}</strong>
        </p>
        <p className="hint-text">{t('workingPeriods.dueTimesNote')}</p>
        <Button type="submit" busy={save.isPending}>
          {t('workingPeriods.submit')}
        </Button>
      </form>
    </section>
  );
}
