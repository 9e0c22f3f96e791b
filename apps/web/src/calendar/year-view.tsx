/**
 * A year at a glance: twelve month grids (Monday first), days off and make-up working days marked in colour
 * and, for screen readers, in words. Weekend days are greyed; the days listed by GET /calendar/days (weekdays
 * off, weekend working days) carry their kind and name.
 */
import { useTranslation } from 'react-i18next';
import { cx } from '../ui';
import type { CalendarDay } from './calendar-queries';

const pad = (n: number) => String(n).padStart(2, '0');

/** The weeks of a month as rows of 7 cells (Monday … Sunday), null outside the month. */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const first = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

export function YearView({ year, days }: { year: number; days: readonly CalendarDay[] }) {
  const { t } = useTranslation('calendar');
  const byDate = new Map(days.map((d) => [d.date, d]));
  const short = t('page.weekdaysShort').split(',');
  const long = t('page.weekdays').split(',');
  return (
    <div className="year-view">
      {Array.from({ length: 12 }, (_, m) => m + 1).map((month) => (
        <table key={month} className="month-grid">
          <caption>{t('page.month', { month, year })}</caption>
          <thead>
            <tr>
              {short.map((label, i) => (
                <th key={label} scope="col">
                  <abbr title={long[i]}>{label}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(year, month).map((week, w) => (
              <tr key={w}>
                {week.map((day, i) => {
                  if (day === null) return <td key={i} />;
                  const special = byDate.get(`${year}-${pad(month)}-${pad(day)}`);
                  const weekend = i >= 5;
                  return (
                    <td
                      key={i}
                      className={cx(
                        'month-grid__day',
                        weekend && 'month-grid__day--weekend',
                        special && !special.working && 'month-grid__day--off',
                        special?.working && 'month-grid__day--makeup',
                      )}
                      title={special ? `${t(`kinds.${special.kind}`)}: ${special.name}` : undefined}
                    >
                      {day}
                      {special && <span className="visually-hidden">{`, ${t(`kinds.${special.kind}`)}: ${special.name}`}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
