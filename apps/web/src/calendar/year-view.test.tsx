import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadNamespaces } from '../i18n';
import { renderWithProviders } from '../test-utils';
import { monthWeeks, YearView } from './year-view';

describe('monthWeeks', () => {
  it('lays months out Monday first, whatever the browser time zone', () => {
    // 1 January 2026 is a Thursday; February 2026 starts on a Sunday and has 28 days.
    expect(monthWeeks(2026, 1)[0]).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(monthWeeks(2026, 2)[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(monthWeeks(2026, 2).flat().filter((d) => d !== null)).toHaveLength(28);
    expect(monthWeeks(2028, 2).flat().filter((d) => d !== null)).toHaveLength(29);
  });
});

describe('YearView', () => {
  it('marks days off and make-up working days in colour and in words', async () => {
    await loadNamespaces('calendar');
    renderWithProviders(
      <YearView
        year={2026}
        days={[
          { date: '2026-01-01', working: false, kind: 'holiday', name: 'Tết Dương lịch', legalBasis: 'BLLĐ' },
          { date: '2026-01-10', working: true, kind: 'makeup_working_day', name: 'Làm bù', legalBasis: 'CV 12729' },
        ]}
      />,
    );
    expect(screen.getAllByRole('table')).toHaveLength(12);
    const january = screen.getByRole('table', { name: 'Tháng 1/2026' });
    const newYear = [...january.querySelectorAll('td')].find((td) => td.textContent?.startsWith('1,'))!;
    expect(newYear.className).toContain('month-grid__day--off');
    expect(newYear.textContent).toBe('1, Ngày lễ: Tết Dương lịch');
    const makeup = [...january.querySelectorAll('td')].find((td) => td.textContent?.startsWith('10,'))!;
    expect(makeup.className).toContain('month-grid__day--makeup');
    const sunday = [...january.querySelectorAll('td')].find((td) => td.textContent === '4')!;
    expect(sunday.className).toContain('month-grid__day--weekend');
  });
});
