import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test-utils';
import { formatLegalDate } from './declared-value';
import { DeclarationView } from './declaration-view';

const birth = {
  dossierId: '7f1c0c7e-1111-4222-8333-444455556666',
  formId: 'birth-registration',
  procedureCode: '1.001193',
  submittedAt: '2026-03-02T02:00:00.000Z',
  values: {
    'child.fullName': 'Lê Trần Minh Khang',
    'child.dateOfBirth': '2026-02-20',
    'child.sex': 'male',
    'request.relationship': 'grandparent',
    'request.copies': '2',
    'request.pledge': true,
    'father.fullName': null,
  },
  applicant: { 'applicant.fullName': 'Trần Thị Bình', 'applicant.email': null, 'applicant.for': null },
};

const valueOf = (label: string) => screen.getByText(label).closest('.declaration__row')!.querySelector('dd')!.textContent;

describe('the online declaration, read-only', () => {
  it('shows each field under its form label, grouped by section: option labels, dates dd/mm/yyyy, the pledge in words, empty as —', async () => {
    renderWithProviders(<DeclarationView declaration={birth} />);
    expect(await screen.findByRole('heading', { name: 'Người được khai sinh' })).toBeTruthy();
    expect(valueOf('Họ, chữ đệm và tên người được khai sinh')).toBe('Lê Trần Minh Khang');
    expect(valueOf('Ngày, tháng, năm sinh')).toBe('20/02/2026');
    expect(valueOf('Giới tính')).toBe('Nam');
    expect(valueOf('Quan hệ của người nộp hồ sơ với người được khai sinh')).toBe('Ông, bà');
    expect(valueOf('Họ, chữ đệm và tên người cha')).toBe('—');
    expect(valueOf('Quê quán')).toBe('—'); // absent from the values: shown empty, not left out
    expect(screen.getByText(/^Tôi cam đoan/).closest('.declaration__row')!.querySelector('dd')!.textContent).toBe('Đã cam đoan');
    const applicant = screen.getByRole('region', { name: 'Người nộp hồ sơ' });
    expect(within(applicant).getByText('Trần Thị Bình')).toBeTruthy();
    expect(screen.getByText(/Tờ khai đăng ký khai sinh/)).toBeTruthy();
    expect(screen.getByText(/nộp lúc 09:00 02\/03\/2026|nộp lúc 02\/03\/2026.*09:00/)).toBeTruthy();
  });

  it('says an unticked pledge, and keeps a date it cannot read as it is', async () => {
    renderWithProviders(<DeclarationView declaration={{ ...birth, formId: 'generic', procedureCode: '1.000001', values: { 'request.content': 'Xin cấp bản sao', 'request.pledge': false } }} />);
    expect(await screen.findByText('Chưa cam đoan')).toBeTruthy();
    expect(valueOf('Nội dung yêu cầu')).toBe('Xin cấp bản sao');
    expect(formatLegalDate('20-02-2026')).toBe('20-02-2026');
  });

  it('names, for a business, in what capacity the applicant submitted and under which authorisation', async () => {
    const applicant = { ...birth.applicant, 'applicant.for': 'organisation', 'applicant.capacity': 'authorised', 'applicant.authorisationDocument': 'Giấy ủy quyền số 12/2026/UQ' };
    renderWithProviders(<DeclarationView declaration={{ ...birth, applicant }} />);
    expect(await screen.findByText('Người được ủy quyền (có văn bản ủy quyền)')).toBeTruthy();
    expect(valueOf('Văn bản ủy quyền (số, ngày)')).toBe('Giấy ủy quyền số 12/2026/UQ');
  });
});
