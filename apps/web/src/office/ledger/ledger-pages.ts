/**
 * The desk ledger of a year, page after page: the server answers at most 1,000 rows a request, so a busy desk's
 * year is read with `offset` until a short page (at most `maxPages` pages, 50,000 rows, as a safety bound).
 */
export const ledgerPageSize = 1000;

export async function readAllPages<T>(fetchPage: (offset: number, limit: number) => Promise<readonly T[]>, maxPages = 50): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 0; page < maxPages; page++) {
    const part = await fetchPage(page * ledgerPageSize, ledgerPageSize);
    rows.push(...part);
    if (part.length < ledgerPageSize) break;
  }
  return rows;
}
