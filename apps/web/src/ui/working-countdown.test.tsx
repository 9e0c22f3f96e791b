import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { WorkingCountdown, type WorkingCountdownValue } from './working-countdown';

const value = (v: Partial<WorkingCountdownValue>): WorkingCountdownValue => ({
  dueAt: '2026-02-23T10:00:00.000Z',
  state: 'remaining',
  workingMinutes: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  ...v,
});

describe('WorkingCountdown', () => {
  it.each([
    [value({ workingMinutes: 660, days: 1, hours: 3 }), 'còn 1 ngày 3 giờ làm việc', 'neutral'],
    [value({ workingMinutes: 90, hours: 1, minutes: 30 }), 'còn 1 giờ 30 phút làm việc', 'warning'],
    [value({ state: 'overdue', workingMinutes: -120, hours: 2 }), 'quá hạn 2 giờ làm việc', 'danger'],
    [value({ state: 'overdue', workingMinutes: 0 }), 'đã quá hạn (ngoài giờ làm việc)', 'danger'],
    [value({ state: 'due' }), 'đến hạn', 'danger'],
  ])('prints the server parts: %#', (countdown, text, tone) => {
    render(<WorkingCountdown countdown={countdown} />);
    const time = screen.getByText(text);
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2026-02-23T10:00:00.000Z');
    expect(time.parentElement?.className).toContain(`countdown--${tone}`);
  });
});
