import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column } from './data-table';

interface Row {
  code: string;
  applicant: string;
  pages: number;
}

const rows: Row[] = [
  { code: 'HS-3', applicant: 'Đỗ Văn Bình', pages: 12 },
  { code: 'HS-1', applicant: 'Dương Thị An', pages: 3 },
  { code: 'HS-2', applicant: 'An Văn Cường', pages: 20 },
];

const columns: Column<Row>[] = [
  { key: 'code', header: 'Mã số hồ sơ', cell: (r) => r.code, isRowHeader: true },
  { key: 'applicant', header: 'Người nộp hồ sơ', cell: (r) => r.applicant, sortValue: (r) => r.applicant },
  { key: 'pages', header: 'Số trang', cell: (r) => r.pages, sortValue: (r) => r.pages, align: 'end' },
];

const firstColumn = () => [...document.querySelectorAll('tbody tr')].map((row) => row.firstElementChild?.textContent);

describe('DataTable', () => {
  it('is a native table with a caption, column headers and row headers', () => {
    render(<DataTable caption="Hồ sơ" columns={columns} rows={rows} rowKey={(r) => r.code} />);
    const table = screen.getByRole('table', { name: 'Hồ sơ' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    expect(within(table).getAllByRole('rowheader').map((th) => th.textContent)).toEqual(['HS-3', 'HS-1', 'HS-2']);
  });

  it('labels every cell with its column for the stacked phone layout', () => {
    render(<DataTable caption="Hồ sơ" columns={columns} rows={rows} rowKey={(r) => r.code} />);
    const cells = document.querySelectorAll('tbody tr:first-child > *');
    expect([...cells].map((c) => c.getAttribute('data-label'))).toEqual(['Mã số hồ sơ', 'Người nộp hồ sơ', 'Số trang']);
  });

  it('sorts by a sortable column in Vietnamese alphabetical order, then reverses', () => {
    render(<DataTable caption="Hồ sơ" columns={columns} rows={rows} rowKey={(r) => r.code} />);
    const header = screen.getByRole('columnheader', { name: /Người nộp hồ sơ/ });
    expect(header.getAttribute('aria-sort')).toBe('none');
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    // A < D < Đ in the Vietnamese alphabet.
    expect(firstColumn()).toEqual(['HS-2', 'HS-1', 'HS-3']);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(firstColumn()).toEqual(['HS-3', 'HS-1', 'HS-2']);
  });

  it('sorts numbers as numbers', () => {
    render(<DataTable caption="Hồ sơ" columns={columns} rows={rows} rowKey={(r) => r.code} defaultSort={{ key: 'pages', direction: 'descending' }} />);
    expect(firstColumn()).toEqual(['HS-2', 'HS-3', 'HS-1']);
  });

  it('leaves sorting to the caller when it listens for sort changes (server-side sorting)', () => {
    const changes: unknown[] = [];
    render(
      <DataTable
        caption="Hồ sơ"
        columns={columns}
        rows={rows}
        rowKey={(r) => r.code}
        sort={{ key: 'pages', direction: 'ascending' }}
        onSortChange={(sort) => changes.push(sort)}
      />,
    );
    fireEvent.click(within(screen.getByRole('columnheader', { name: /Số trang/ })).getByRole('button'));
    expect(changes).toEqual([{ key: 'pages', direction: 'descending' }]);
    expect(firstColumn()).toEqual(['HS-3', 'HS-1', 'HS-2']);
  });

  it('says so when there are no rows', () => {
    render(<DataTable caption="Hồ sơ" columns={columns} rows={[]} rowKey={(r) => r.code} />);
    expect(screen.getByText('Không có dữ liệu.')).toBeTruthy();
  });
});
