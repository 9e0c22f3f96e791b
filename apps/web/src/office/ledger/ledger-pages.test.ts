import { describe, expect, it } from 'vitest';
import { ledgerPageSize, readAllPages } from './ledger-pages';

describe('readAllPages', () => {
  it('reads past 1,000 rows until a short page, asking with the next offset each time', async () => {
    const total = 2 * ledgerPageSize + 5;
    const asked: number[] = [];
    const rows = await readAllPages(async (offset, limit) => {
      asked.push(offset);
      return Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i);
    });
    expect(rows).toHaveLength(total);
    expect(rows[total - 1]).toBe(total - 1);
    expect(asked).toEqual([0, 1000, 2000]);
  });

  it('asks once more after an exactly full page, and stops at the safety bound', async () => {
    const asked: number[] = [];
    expect(await readAllPages(async (offset) => (asked.push(offset), offset === 0 ? Array(ledgerPageSize).fill(1) : []))).toHaveLength(ledgerPageSize);
    expect(asked).toEqual([0, 1000]);
    expect(await readAllPages(async () => Array(ledgerPageSize).fill(1), 3)).toHaveLength(3 * ledgerPageSize);
  });
});
