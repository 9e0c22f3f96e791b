import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Tabs } from './tabs';

const tabs = [
  { id: 'mine', label: 'Việc của tôi', panel: <p>Hồ sơ đang chờ tôi</p> },
  { id: 'unit', label: 'Đơn vị', panel: <p>Hồ sơ của đơn vị</p> },
  { id: 'late', label: 'Quá hạn', panel: <p>Hồ sơ quá hạn</p> },
];

describe('Tabs', () => {
  it('follows the ARIA tabs pattern: one tab stop, the panel labelled by its tab', () => {
    render(<Tabs label="Hộp hồ sơ" tabs={tabs} />);
    expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('Hộp hồ sơ');
    const all = screen.getAllByRole('tab');
    expect(all.map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(all.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false', 'false']);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(all[0]?.id);
    expect(all[0]?.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.textContent).toBe('Hồ sơ đang chờ tôi');
  });

  it('moves and selects with the arrow keys, Home and End, wrapping around', () => {
    render(<Tabs label="Hộp hồ sơ" tabs={tabs} />);
    const [first, second, third] = screen.getAllByRole('tab');
    first!.focus();
    fireEvent.keyDown(first!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(second);
    expect(second!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel').textContent).toBe('Hồ sơ của đơn vị');
    fireEvent.keyDown(second!, { key: 'End' });
    expect(document.activeElement).toBe(third);
    fireEvent.keyDown(third!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(third);
    fireEvent.keyDown(third!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
  });

  it('selects on click and reports the choice', () => {
    const chosen: string[] = [];
    render(<Tabs label="Hộp hồ sơ" tabs={tabs} onSelect={(id) => chosen.push(id)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Quá hạn' }));
    expect(chosen).toEqual(['late']);
    expect(screen.getByRole('tabpanel').textContent).toBe('Hồ sơ quá hạn');
  });
});
