import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-utils';
import { DueTime } from './dossier-view';

const countdown = {
  dueAt: '2026-03-06T02:00:00.000Z',
  state: 'remaining' as const,
  workingMinutes: 660,
  days: 1,
  hours: 3,
  minutes: 0,
};

describe('the citizen’s due time', () => {
  it('counts down in working time when the server sent the legal clock’s countdown for that due time', async () => {
    renderWithProviders(<DueTime dueAt="2026-03-06T02:00:00.000Z" extendedDueAt={null} status={4} countdown={countdown} />);
    expect(await screen.findByText('còn 1 ngày 3 giờ làm việc')).toBeTruthy();
  });

  it('falls back to plain hours for another due time (an extension the countdown does not describe)', async () => {
    renderWithProviders(<DueTime dueAt="2026-03-06T02:00:00.000Z" extendedDueAt="2099-03-10T02:00:00.000Z" status={4} countdown={countdown} />);
    expect(await screen.findByText(/^còn /)).toBeTruthy();
    expect(screen.queryByText(/làm việc/)).toBeNull();
  });
});
