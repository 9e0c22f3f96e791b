import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { declarationFor } from '@motcua/contracts/portal-forms';
import { renderWithProviders } from '../test-utils';
import { ReviewStep } from './submit-steps';

const valueOf = (label: string) => screen.getByText(label).closest('div')!.querySelector('dd')!.textContent;

describe('the submission wizard’s review step', () => {
  it('shows a declared date as dd/mm/yyyy, like the declaration the officer reads, options by label, empty as —', async () => {
    const form = declarationFor('1.001193');
    const values = { 'applicant.fullName': 'Trần Thị Bình', 'child.dateOfBirth': '2026-01-20', 'child.sex': 'male', 'request.pledge': true };
    renderWithProviders(<ReviewStep form={form} values={values} organisations={[]} slots={[]} choices={{}} centres={[]} steps={['applicant', 'review']} onEdit={() => {}} />);
    expect(await screen.findByRole('heading', { name: 'Người được khai sinh' })).toBeTruthy();
    expect(valueOf('Ngày, tháng, năm sinh')).toBe('20/01/2026');
    expect(valueOf('Giới tính')).toBe('Nam');
    expect(valueOf('Quê quán')).toBe('—');
    expect(screen.queryByText('2026-01-20')).toBeNull();
  });
});
