import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Button } from './button';
import { Dialog } from './dialog';
import { EmptyState } from './empty-state';
import { Pagination, pageItems } from './pagination';
import { Progress, Spinner } from './spinner';
import { StatusTag } from './status-tag';
import { ToastProvider, useToast } from './toast';

describe('Dialog', () => {
  function Opener() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <Button onClick={() => setOpen(true)}>Từ chối</Button>
        <Dialog open={open} onClose={() => setOpen(false)} title="Từ chối tiếp nhận" footer={<Button>Xác nhận</Button>}>
          <p>Nêu rõ lý do</p>
        </Dialog>
      </>
    );
  }

  it('opens as a modal native dialog labelled by its title, and closes with its close button', () => {
    render(<Opener />);
    const dialog = document.querySelector('dialog')!;
    expect(dialog.open).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Từ chối' }));
    expect(dialog.open).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Từ chối tiếp nhận');
    expect(screen.getByText('Nêu rõ lý do')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect(dialog.open).toBe(false);
  });
});

describe('Toasts', () => {
  function Trigger() {
    const toast = useToast();
    return (
      <>
        <Button onClick={() => toast.show('Đã lưu bản nháp')}>Lưu</Button>
        <Button onClick={() => toast.show('Không lưu được', 'error')}>Hỏng</Button>
      </>
    );
  }

  it('announces successes politely and errors assertively, and can be dismissed', () => {
    render(
      <ToastProvider>
        <Trigger />
      </ToastProvider>,
    );
    const status = screen.getByRole('status');
    const alert = screen.getByRole('alert');
    expect(status.getAttribute('aria-live')).toBe('polite');
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Lưu' })));
    act(() => fireEvent.click(screen.getByRole('button', { name: 'Hỏng' })));
    expect(status.textContent).toContain('Đã lưu bản nháp');
    expect(alert.textContent).toContain('Không lưu được');
    fireEvent.click(screen.getAllByRole('button', { name: 'Ẩn thông báo' })[1]!);
    expect(alert.textContent).not.toContain('Không lưu được');
  });
});

describe('Pagination', () => {
  it('shows the first, the last, the current page and its neighbours', () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(1, 5)).toEqual([1, 2, 'gap', 5]);
    expect(pageItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageItems(10, 20)).toEqual([1, 'gap', 9, 10, 11, 'gap', 20]);
  });

  it('marks the current page and moves to others', () => {
    const pages: number[] = [];
    render(<Pagination page={2} pageCount={3} onPageChange={(p) => pages.push(p)} />);
    expect(screen.getByRole('navigation', { name: 'Phân trang' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Trang 2' }).getAttribute('aria-current')).toBe('page');
    fireEvent.click(screen.getByRole('button', { name: /Trang sau/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Trang 1' }));
    expect(pages).toEqual([3, 1]);
  });

  it('is absent for a single page', () => {
    const { container } = render(<Pagination page={1} pageCount={1} onPageChange={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('Button, status tag, spinner, progress, empty state', () => {
  it('keeps a busy button focusable but ignores its clicks', () => {
    let clicks = 0;
    render(
      <Button busy onClick={() => clicks++}>
        Gửi
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Gửi' });
    expect(button.hasAttribute('disabled')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(clicks).toBe(0);
  });

  it('says everything in words', () => {
    render(
      <>
        <StatusTag tone="danger">Quá hạn</StatusTag>
        <Spinner />
        <Progress label="Đang tải tệp lên" value={30} max={120} />
        <EmptyState title="Chưa có hồ sơ">Hồ sơ bạn nộp sẽ hiện ở đây.</EmptyState>
      </>,
    );
    expect(screen.getByText('Quá hạn').className).toBe('tag tag--danger');
    expect(screen.getByRole('status').textContent).toBe('Đang tải…');
    expect((screen.getByLabelText(/Đang tải tệp lên/) as HTMLProgressElement).value).toBe(30);
    expect(screen.getByText('25%')).toBeTruthy();
    expect(screen.getByText('Chưa có hồ sơ')).toBeTruthy();
  });
});
