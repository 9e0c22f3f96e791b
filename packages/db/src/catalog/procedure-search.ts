/**
 * Listing and search of the procedures in effect on a date. The query is normalised like the stored `name_search`
 * (core search-text.ts) and split into words; every word must match a word of the name (the last one as a prefix,
 * for typing as you go), through the full-text index on `name_search`. A word that matches no word of any name is
 * corrected against the vocabulary (`procedure_search_word`): the words within one typo (two for words of seven
 * letters or more) that start with the same letter. Ranking: the query phrase as typed, then its words in order,
 * then the shorter name; a query that looks like a procedure code ("1.0011") matches codes by prefix.
 */
import {
  editDistance,
  highlightMatches,
  searchTokens,
  type HighlightSegment,
  type OnlineLevel,
  type ProcedureLevel,
  type ProcessingTime,
} from '@motcua/core/catalog';
import type { Queryable } from '../kernel/database';

export interface ProcedureSearchQuery {
  readonly q?: string | null;
  readonly fieldCode?: string | null;
  readonly level?: ProcedureLevel | null;
  /** The agency filter resolved by the caller: procedures it decides or receives, by id or by kind-and-level rule. */
  readonly agency?: { readonly id: string; readonly kind: string; readonly level: string; readonly deskId?: string | null } | null;
  readonly onlineLevel?: OnlineLevel | null;
  /** Legal date YYYY-MM-DD: versions in effect on it. */
  readonly onDate: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface ProcedureListItem {
  readonly versionId: string;
  readonly code: string;
  readonly name: string;
  readonly nameHighlighted: readonly HighlightSegment[];
  readonly versionNo: number;
  readonly field: { readonly code: string; readonly name: string };
  readonly levels: readonly ProcedureLevel[];
  readonly onlineLevel: OnlineLevel | null;
  readonly competentAgencyName: string;
  readonly processingTimes: readonly Pick<ProcessingTime, 'amount' | 'unit' | 'channels'>[];
  readonly isVerified: boolean;
  /** Search rank (higher is better); null when listing without a query. */
  readonly rank: number | null;
}

export interface ProcedurePage {
  readonly items: readonly ProcedureListItem[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

interface Row {
  id: string;
  code: string;
  name: string;
  version_no: number;
  field_code: string;
  field_name: string;
  levels: ProcedureLevel[];
  online_level: OnlineLevel | null;
  agency_name: string;
  times: Pick<ProcessingTime, 'amount' | 'unit' | 'channels'>[] | null;
  is_verified: boolean;
  rank: number | null;
  total: number;
}

const CODE_QUERY = /^\d[\d.]*$/;

const tolerance = (token: string) => (token.length >= 7 ? 2 : token.length >= 4 ? 1 : 0);

/**
 * For each query word, the tsquery alternatives: itself (or itself as a prefix), else its corrections. null when a
 * word matches nothing at all (then nothing can match every word).
 */
export async function queryAlternatives(db: Queryable, tokens: readonly string[]): Promise<string[][] | null> {
  const firsts = [...new Set(tokens.map((t) => t[0]!))];
  const rows = await db.query<{ word: string }>('SELECT word FROM procedure_search_word WHERE left(word, 1) = ANY($1::text[])', [firsts]);
  const words = rows.map((r) => r.word);
  const result: string[][] = [];
  tokens.forEach((token, i) => {
    const isLast = i === tokens.length - 1;
    const exact = words.includes(token);
    const prefixed = words.some((w) => w.length > token.length && w.startsWith(token));
    if (exact || prefixed) {
      result.push([isLast || !exact ? `${token}:*` : token]);
      return;
    }
    const max = tolerance(token);
    const corrections = words
      .filter((w) => Math.abs(w.length - token.length) <= max)
      .map((w) => ({ w, d: editDistance(token, w, max) }))
      .filter((c) => c.d <= max)
      .sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))
      .slice(0, 5)
      .map((c) => c.w);
    result.push(corrections);
  });
  return result.every((alternatives) => alternatives.length > 0) ? result : null;
}

export async function searchProcedures(db: Queryable, query: ProcedureSearchQuery): Promise<ProcedurePage> {
  const raw = query.q?.trim() ?? '';
  const tokens = searchTokens(raw);
  const isCode = CODE_QUERY.test(raw);
  const hasQuery = tokens.length > 0 || isCode;
  const alternatives = tokens.length > 0 ? await queryAlternatives(db, tokens) : [];
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (hasQuery && !alternatives && !isCode) return empty;
  const params: unknown[] = [query.onDate];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['v.effective_from <= $1', '(v.effective_to IS NULL OR v.effective_to >= $1)'];
  if (query.fieldCode) where.push(`v.field_code = ${p(query.fieldCode)}`);
  if (query.level) where.push(`v.levels @> ARRAY[${p(query.level)}]::text[]`);
  if (query.onlineLevel) where.push(`v.online_level = ${p(query.onlineLevel)}`);
  if (query.agency) {
    where.push(
      `(v.agency_ids && ARRAY[${[query.agency.id, query.agency.deskId ?? query.agency.id].map(p).join(', ')}]::uuid[] OR v.agency_rules @> ARRAY[${p(`${query.agency.kind}:${query.agency.level}`)}]::text[])`,
    );
  }
  let rank = 'NULL::float8';
  let order = 'field_code, name_search, code';
  if (hasQuery) {
    const matches: string[] = [];
    const terms: string[] = [];
    if (isCode) {
      const codePrefix = p(`${raw}%`);
      matches.push(`v.code LIKE ${codePrefix}`);
      terms.push(`CASE WHEN v.code LIKE ${codePrefix} THEN 4 ELSE 0 END`);
    }
    if (alternatives) {
      const tsquery = alternatives.map((a) => `(${a.join(' | ')})`).join(' & ');
      matches.push(`to_tsvector('simple', v.name_search) @@ to_tsquery('simple', ${p(tsquery)})`);
      // the phrase as typed and as corrected (each word's closest correction) rank alike
      const corrected = alternatives.map((a, i) => (a[0]!.endsWith(':*') ? tokens[i]! : a[0]!));
      const like = (words: readonly string[], joiner: string) => `v.name_search LIKE ${p(`%${words.join(joiner)}%`)}`;
      terms.push(
        `CASE WHEN ${like(tokens, ' ')} OR ${like(corrected, ' ')} THEN 2 ELSE 0 END`,
        `CASE WHEN ${like(tokens, '%')} OR ${like(corrected, '%')} THEN 1 ELSE 0 END`,
      );
    }
    where.push(`(${matches.join(' OR ')})`);
    rank = `(${terms.join(' + ')})::float8`;
    order = 'rank DESC, length(name_search), name_search, code';
  }
  const whereParams = params.length;
  const limit = p(query.pageSize);
  const offset = p((query.page - 1) * query.pageSize);
  // Two steps: order and cut the page on narrow rows, then read the display columns of that page only.
  const rows = await db.query<Row>(
    `WITH matched AS (
       SELECT v.id, v.field_code, v.name_search, v.code, ${rank} AS rank
         FROM procedure_version v
        WHERE ${where.join(' AND ')}),
     page AS (
       SELECT id, rank, count(*) OVER ()::int8 AS total, row_number() OVER (ORDER BY ${order}) AS position
         FROM matched
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset})
     SELECT v.id, v.code, v.name, v.version_no, v.field_code, v.field_name, v.levels, v.online_level,
            v.competent_agency_name AS agency_name, v.time_summary AS times, v.is_verified, page.rank, page.total
       FROM page JOIN procedure_version v ON v.id = page.id
      ORDER BY page.position`,
    params,
  );
  return {
    items: rows.map((r) => ({
      versionId: r.id,
      code: r.code,
      name: r.name,
      nameHighlighted: hasQuery ? highlightMatches(r.name, raw) : [{ text: r.name, isMatch: false }],
      versionNo: r.version_no,
      field: { code: r.field_code, name: r.field_name },
      levels: r.levels,
      onlineLevel: r.online_level,
      competentAgencyName: r.agency_name,
      processingTimes: r.times ?? [],
      isVerified: r.is_verified,
      rank: r.rank,
    })),
    total: rows[0]?.total ?? (query.page > 1 ? await countOnly(db, where, params.slice(0, whereParams)) : 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
/** The total when the page asked for lies beyond the last match (the window count then has no row to ride on). */
async function countOnly(db: Queryable, where: string[], params: unknown[]): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int8 AS n FROM procedure_version v WHERE ${where.join(' AND ')}`,
    params,
  );
  return rows[0]?.n ?? 0;
}
