/**
 * A native <table> with a caption, optional sortable columns (buttons in the headers, `aria-sort` on the sorted
 * one) and, on phones, rows stacked as cards with each cell labelled by its column (CSS + `data-label`).
 * Sorting is done here (Vietnamese-aware collation) unless `onSortChange` is given: then the caller sorts (server).
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cx } from './cx';

export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  key: string;
  direction: SortDirection;
}

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Makes the column sortable by this value. */
  sortValue?: (row: T) => string | number | Date | null | undefined;
  align?: 'start' | 'end';
  /** The row's header cell (`<th scope="row">`), usually the name or code. */
  isRowHeader?: boolean;
}

export interface DataTableProps<T> {
  caption: ReactNode;
  /** Keeps the caption for screen readers only, when a visible heading already names the table. */
  captionHidden?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  sort?: SortState | null;
  defaultSort?: SortState;
  onSortChange?: (sort: SortState) => void;
  empty?: ReactNode;
  /** Stack rows as cards below 40em (default true). */
  stackOnPhone?: boolean;
}

function compareValues(a: unknown, b: unknown, collator: Intl.Collator): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

export function DataTable<T>(props: DataTableProps<T>) {
  const { caption, captionHidden, columns, rows, rowKey, onSortChange, empty, stackOnPhone = true } = props;
  const { t, i18n } = useTranslation('kit');
  const [ownSort, setOwnSort] = useState<SortState | null>(props.defaultSort ?? null);
  const sort = onSortChange ? (props.sort ?? null) : ownSort;

  const sortedRows = useMemo(() => {
    if (onSortChange || !sort) return rows;
    const column = columns.find((c) => c.key === sort.key);
    if (!column?.sortValue) return rows;
    const collator = new Intl.Collator(i18n.language, { numeric: true, sensitivity: 'base' });
    const factor = sort.direction === 'ascending' ? 1 : -1;
    const value = column.sortValue;
    return [...rows].sort((a, b) => factor * compareValues(value(a), value(b), collator));
  }, [rows, columns, sort, onSortChange, i18n.language]);

  const toggle = (key: string) => {
    const next: SortState = {
      key,
      direction: sort?.key === key && sort.direction === 'ascending' ? 'descending' : 'ascending',
    };
    if (onSortChange) onSortChange(next);
    else setOwnSort(next);
  };

  return (
    <div className="table-wrap">
      <table className={cx('table', stackOnPhone && 'table--stack')}>
        <caption className={cx('table__caption', captionHidden && 'visually-hidden')}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.key === column.key ? sort.direction : undefined;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={cx(column.align === 'end' && 'cell--end')}
                  aria-sort={column.sortValue ? (sorted ?? 'none') : undefined}
                >
                  {column.sortValue ? (
                    <button type="button" className="table__sort" onClick={() => toggle(column.key)}>
                      {column.header}
                      <span className="visually-hidden">, {t('table.sortBy', { column: column.header })}</span>
                      <span className="table__sort-icon" aria-hidden="true">
                        {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sortedRows.length === 0 ? (
            <tr>
              <td className="table__empty" colSpan={columns.length}>
                {empty ?? t('table.empty')}
              </td>
            </tr>
          ) : (
            sortedRows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const className = cx(column.align === 'end' && 'cell--end');
                  return column.isRowHeader ? (
                    <th key={column.key} scope="row" className={className} data-label={column.header}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} className={className} data-label={column.header}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
