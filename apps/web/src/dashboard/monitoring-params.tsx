/**
 * The unit and period of every monitoring screen live in the address (?unit=&period=&year=&index=): codes and
 * dates only, never personal data. The picker changes them; links keep them when drilling down.
 */
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Select, TextField } from '../ui';

export interface MonitoringParams {
  unit?: string;
  period: 'month' | 'quarter' | 'half' | 'year' | 'custom';
  year: number;
  index: number;
  from?: string;
  to?: string;
}

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

export function useMonitoringParams(): [MonitoringParams, (next: Partial<MonitoringParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const now = today();
  const period = (search.get('period') as MonitoringParams['period'] | null) ?? 'month';
  const params: MonitoringParams = {
    period,
    year: Number(search.get('year') ?? now.slice(0, 4)),
    index: Number(search.get('index') ?? (period === 'month' ? Number(now.slice(5, 7)) : period === 'quarter' ? Math.ceil(Number(now.slice(5, 7)) / 3) : 1)),
    ...(search.get('unit') ? { unit: search.get('unit')! } : {}),
    ...(search.get('from') ? { from: search.get('from')! } : {}),
    ...(search.get('to') ? { to: search.get('to')! } : {}),
  };
  const update = (next: Partial<MonitoringParams>) => setSearch(toSearch({ ...params, ...next }));
  return [params, update];
}

export function toSearch(p: MonitoringParams, extra: Record<string, string> = {}): URLSearchParams {
  const s = new URLSearchParams();
  if (p.unit) s.set('unit', p.unit);
  s.set('period', p.period);
  if (p.period === 'custom') {
    if (p.from) s.set('from', p.from);
    if (p.to) s.set('to', p.to);
  } else {
    s.set('year', String(p.year));
    s.set('index', String(p.index));
  }
  for (const [k, v] of Object.entries(extra)) s.set(k, v);
  return s;
}

export function PeriodPicker({ params, onChange }: { params: MonitoringParams; onChange: (next: Partial<MonitoringParams>) => void }) {
  const { t } = useTranslation('dashboard');
  const [draft, setDraft] = useState(params);
  const max = { month: 12, quarter: 4, half: 2, year: 1, custom: 1 }[draft.period];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ ...draft, index: Math.min(draft.index, max) });
  };
  return (
    <form className="period-picker" onSubmit={submit} aria-label={t('period.label')}>
      <Select
        label={t('period.kind')}
        value={draft.period}
        onChange={(e) => setDraft({ ...draft, period: e.target.value as MonitoringParams['period'], index: 1 })}
        options={(['month', 'quarter', 'half', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`period.kinds.${k}`) }))}
      />
      {draft.period === 'custom' ? (
        <>
          <TextField label={t('period.from')} type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} required />
          <TextField label={t('period.to')} type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} required />
        </>
      ) : (
        <>
          <TextField label={t('period.year')} type="number" min={2000} max={2100} value={String(draft.year)} onChange={(e) => setDraft({ ...draft, year: Number(e.target.value) })} />
          {draft.period !== 'year' && (
            <Select
              label={t(`period.index.${draft.period}`)}
              value={String(draft.index)}
              onChange={(e) => setDraft({ ...draft, index: Number(e.target.value) })}
              options={Array.from({ length: max }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
            />
          )}
        </>
      )}
      <Button type="submit">{t('period.apply')}</Button>
    </form>
  );
}
