import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Checkbox, Select, TextArea, TextField } from './field';

function describedByTexts(element: HTMLElement): string[] {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? `(missing #${id})`);
}

describe('TextField', () => {
  it('labels the input and ties the hint and the error to it', () => {
    render(<TextField label="Số điện thoại" hint="10 chữ số" error="Số điện thoại chưa đúng" />);
    const input = screen.getByLabelText('Số điện thoại');
    expect(input.tagName).toBe('INPUT');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedByTexts(input)).toEqual(['10 chữ số', 'Lỗi: Số điện thoại chưa đúng']);
  });

  it('is neither invalid nor described when it has no hint or error', () => {
    render(<TextField label="Họ và tên" />);
    const input = screen.getByLabelText('Họ và tên');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });

  it('marks a required field in words, not only with a symbol', () => {
    render(<TextField label="Mật khẩu" required />);
    const input = screen.getByLabelText(/Mật khẩu/);
    expect(input.hasAttribute('required')).toBe(true);
    expect(document.querySelector('label')?.textContent).toBe('Mật khẩu (bắt buộc)');
  });

  it('keeps the id it is given, so an error summary can link to it', () => {
    render(<TextField id="register-email" label="Thư điện tử" error="Sai" />);
    const input = screen.getByLabelText('Thư điện tử');
    expect(input.id).toBe('register-email');
    expect(input.getAttribute('aria-describedby')).toBe('register-email-error');
  });

  it('adds a caller-supplied description after its own', () => {
    render(
      <>
        <p id="extra">Thêm</p>
        <TextField label="Mã" hint="Gợi ý" aria-describedby="extra" />
      </>,
    );
    expect(describedByTexts(screen.getByLabelText('Mã'))).toEqual(['Gợi ý', 'Thêm']);
  });
});

describe('TextArea, Select and Checkbox', () => {
  it('wires a text area like a text field', () => {
    render(<TextArea label="Nội dung" error="Nhập nội dung" />);
    const area = screen.getByLabelText('Nội dung');
    expect(area.tagName).toBe('TEXTAREA');
    expect(describedByTexts(area)).toEqual(['Lỗi: Nhập nội dung']);
  });

  it('renders a labelled select with its placeholder and options', () => {
    render(
      <Select
        label="Kênh nộp"
        placeholder="— Chọn —"
        hint="Cách bạn nộp hồ sơ"
        options={[
          { value: 'counter', label: 'Trực tiếp' },
          { value: 'online', label: 'Trực tuyến' },
        ]}
      />,
    );
    const select = screen.getByLabelText('Kênh nộp') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['— Chọn —', 'Trực tiếp', 'Trực tuyến']);
    expect(describedByTexts(select)).toEqual(['Cách bạn nộp hồ sơ']);
  });

  it('labels a checkbox and shows its error', () => {
    render(<Checkbox label="Tôi cam đoan" error="Cần xác nhận cam đoan" hint="Bắt buộc khi nộp" />);
    const box = screen.getByLabelText('Tôi cam đoan');
    expect(box.getAttribute('type')).toBe('checkbox');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(describedByTexts(box)).toEqual(['Bắt buộc khi nộp', 'Lỗi: Cần xác nhận cam đoan']);
  });
});
