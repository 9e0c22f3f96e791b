import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { safeReturnTo } from '../auth/session';
import { navFor, type OfficeNavItem } from '../office/office-nav';
import { normalizePhone } from '../portal/register-page';
import { renderWithProviders } from '../test-utils';
import { LanguageSwitch } from './language-switch';
import { NotFoundPage } from './not-found-page';

describe('LanguageSwitch', () => {
  it('offers English in English, switches, sets <html lang> and remembers the choice', async () => {
    renderWithProviders(<LanguageSwitch />);
    const button = screen.getByRole('button', { name: 'Switch to English' });
    expect(button.textContent).toBe('English');
    expect(button.getAttribute('lang')).toBe('en');
    fireEvent.click(button);
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(localStorage.getItem('motcua.language')).toBe('en');
    expect(screen.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).textContent).toBe('Tiếng Việt');
  });
});

describe('NotFoundPage', () => {
  it('says the page does not exist, names it in the title and leads to the area’s home', () => {
    renderWithProviders(<NotFoundPage home="/office" site="officeName" />, { route: '/office/khong-co' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Không tìm thấy trang');
    expect(screen.getByRole('link', { name: 'Về trang chủ' }).getAttribute('href')).toBe('/office');
    expect(document.title).toBe('Không tìm thấy trang — Không gian làm việc cán bộ');
  });
});

describe('safeReturnTo', () => {
  it.each([
    ['/office/inbox?tab=late', '/office/inbox?tab=late'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/api/v1/auth/logout', '/'],
  ])('%s → %s', (value, expected) => {
    expect(safeReturnTo(value, '/')).toBe(expected);
  });
});

describe('office navigation', () => {
  const user = {
    id: 'u1',
    kind: 'officer' as const,
    displayName: 'Trần Văn Nam',
    roles: [{ role: 'reception_officer' as const, agencyId: 'a1', agencyCode: '000.00.01.H57', agencyName: 'Phường Thuận Hóa' }],
  };
  const items: OfficeNavItem[] = [
    { to: '/office', label: 'nav.home', end: true },
    { to: '/office/x', label: 'nav.home', roles: ['agency_leader'] },
    { to: '/office/y', label: 'nav.home', roles: ['reception_officer', 'specialist'] },
  ];

  it('lists the entries every officer sees and those the officer’s roles allow', () => {
    expect(navFor(user, items).map((i) => i.to)).toEqual(['/office', '/office/y']);
  });
});

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});
