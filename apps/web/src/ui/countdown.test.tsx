import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { switchLanguage } from '../i18n';
import { Countdown, countdownParts } from './countdown';

const now = new Date('2026-03-02T02:00:00Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe('countdownParts', () => {
  it('splits the time left into days, hours and minutes, rounding down', () => {
    expect(countdownParts(at(2 * 1440 + 3 * 60 + 59.9).getTime(), now.getTime())).toEqual({
      state: 'remaining',
      days: 2,
      hours: 3,
      minutes: 59,
    });
  });

  it('counts lateness the same way', () => {
    expect(countdownParts(at(-61).getTime(), now.getTime())).toEqual({ state: 'overdue', days: 0, hours: 1, minutes: 1 });
  });

  it('is due within the same minute', () => {
    expect(countdownParts(at(0.5).getTime(), now.getTime()).state).toBe('due');
    expect(countdownParts(at(-0.5).getTime(), now.getTime()).state).toBe('due');
  });
});

describe('Countdown', () => {
  it.each([
    [2 * 1440 + 3 * 60, 'còn 2 ngày 3 giờ'],
    [3 * 1440, 'còn 3 ngày'],
    [5 * 60 + 20, 'còn 5 giờ 20 phút'],
    [45, 'còn 45 phút'],
    [-60, 'quá hạn 1 giờ'],
    [-(1440 + 120), 'quá hạn 1 ngày 2 giờ'],
    [0, 'đến hạn'],
  ])('%i minutes from now reads "%s"', (minutes, text) => {
    render(<Countdown due={at(minutes)} now={now} />);
    expect(screen.getByText(text).tagName).toBe('TIME');
  });

  it('speaks English with plurals after the switch', async () => {
    await switchLanguage('en');
    const { rerender } = render(<Countdown due={at(2 * 1440 + 3 * 60)} now={now} />);
    expect(screen.getByText('2 days 3 hours left')).toBeTruthy();
    rerender(<Countdown due={at(-60)} now={now} />);
    expect(screen.getByText('1 hour overdue')).toBeTruthy();
  });

  it('warns when less than a day is left and alarms when late', () => {
    const { container, rerender } = render(<Countdown due={at(3 * 1440)} now={now} />);
    expect(container.firstElementChild?.className).toContain('countdown--neutral');
    rerender(<Countdown due={at(5 * 60)} now={now} />);
    expect(container.firstElementChild?.className).toContain('countdown--warning');
    rerender(<Countdown due={at(-5)} now={now} />);
    expect(container.firstElementChild?.className).toContain('countdown--danger');
  });

  it('carries the due instant as machine-readable time and, on request, in words (Huế time)', () => {
    render(<Countdown due="2026-03-05T03:30:00Z" now={now} showDue />);
    const time = screen.getByText('còn 3 ngày 1 giờ');
    expect(time.getAttribute('datetime')).toBe('2026-03-05T03:30:00.000Z');
    expect(document.querySelector('.countdown__due')?.textContent).toMatch(/^ \(Hạn: (10:30,? 05\/03\/2026|05\/03\/2026,? 10:30)\)$/);
  });
});
