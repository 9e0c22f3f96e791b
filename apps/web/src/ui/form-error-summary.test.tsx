import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TextField } from './field';
import { FormErrorSummary, type FormErrorItem } from './form-error-summary';

function Form({ errors }: { errors: FormErrorItem[] }) {
  return (
    <form>
      <FormErrorSummary errors={errors} />
      <TextField id="full-name" label="Họ và tên" />
    </form>
  );
}

describe('FormErrorSummary', () => {
  it('renders nothing without errors', () => {
    const { container } = render(<Form errors={[]} />);
    expect(container.querySelector('.error-summary')).toBeNull();
  });

  it('takes focus and announces the errors as an alert when a submit fails', () => {
    render(<Form errors={[{ fieldId: 'full-name', message: 'Nhập họ và tên' }, { message: 'Máy chủ từ chối' }]} />);
    const summary = document.querySelector('.error-summary');
    expect(document.activeElement).toBe(summary);
    expect(screen.getByRole('alert').textContent).toContain('Có lỗi cần sửa trước khi tiếp tục');
    expect(screen.getByText('Máy chủ từ chối').tagName).toBe('LI');
  });

  it('links each field error to its field and focuses the field when followed', () => {
    render(<Form errors={[{ fieldId: 'full-name', message: 'Nhập họ và tên' }]} />);
    const link = screen.getByRole('link', { name: 'Nhập họ và tên' });
    expect(link.getAttribute('href')).toBe('#full-name');
    fireEvent.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Họ và tên'));
  });

  it('takes focus again on the next failed submit', () => {
    const { rerender } = render(<Form errors={[{ fieldId: 'full-name', message: 'Nhập họ và tên' }]} />);
    screen.getByLabelText('Họ và tên').focus();
    rerender(<Form errors={[{ fieldId: 'full-name', message: 'Nhập họ và tên' }]} />);
    expect(document.activeElement).toBe(document.querySelector('.error-summary'));
  });
});
