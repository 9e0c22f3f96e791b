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

/** Corrections of a word that matches no word of any name: the candidates within its tolerance, closest first. */
function corrections(token: string, words: readonly string[]): string[] {
  const max = tolerance(token);
  return words
    .filter((w) => w[0] === token[0] && Math.abs(w.length - token.length) <= max)
    .map((w) => ({ w, d: editDistance(token, w, max) }))
    .filter((c) => c.d <= max)
    .sort((a, b) => a.d - b.d || a.w.localeCompare(b.w))
    .slice(0, 5)
    .map((c) => c.w);
}

/** The alternatives from each word's own match (null: none) and the vocabulary to correct the others from. */
function alternativesFrom(tokens: readonly string[], own: readonly (string | null)[], words: readonly string[]): string[][] | null {
  const result = tokens.map((token, i) => (own[i] ? [own[i]!] : corrections(token, words)));
  return result.every((alternatives) => alternatives.length > 0) ? result : null;
}

/**
 * For each query word, the tsquery alternatives: itself (or itself as a prefix), else its corrections. null when a
 * word matches nothing at all (then nothing can match every word). searchProcedures does the same inside its query.
 */
export async function queryAlternatives(db: Queryable, tokens: readonly string[]): Promise<string[][] | null> {
  const firsts = [...new Set(tokens.map((t) => t[0]!))];
  const rows = await db.query<{ word: string }>('SELECT word FROM procedure_search_word WHERE left(word, 1) = ANY($1::text[])', [firsts]);
  const words = rows.map((r) => r.word);
  const own = tokens.map((token, i) => {
    const exact = words.includes(token);
    const prefixed = words.some((w) => w.length > token.length && w.startsWith(token));
    if (!exact && !prefixed) return null;
    return i === tokens.length - 1 || !exact ? `${token}:*` : token;
  });
  return alternativesFrom(tokens, own, words);
}

/** How names are matched: not at all (listing), by given alternatives, or by the words resolved inside the query. */
type NameMatch = { readonly kind: 'none' } | { readonly kind: 'given'; readonly alternatives: readonly string[][] | null } | { readonly kind: 'inline' };

interface Resolution {
  /** Each word's own match (itself, or itself as a prefix), or null for a word no name has. */
  own: (string | null)[] | null;
  /** The vocabulary words sharing a first letter with an unresolved word (null when every word resolved). */
  candidates: string[] | null;
  unresolved: boolean;
}

interface PageRows {
  /** The page's rows; in the inline form, a row without an id carries only the words' resolution. */
  readonly rows: (Partial<Row> & Partial<Resolution>)[];
  /** The number of matches, for a page beyond the last match (the window count then has no row to ride on). */
  readonly count: () => Promise<number>;
}

export async function searchProcedures(db: Queryable, query: ProcedureSearchQuery): Promise<ProcedurePage> {
  const raw = query.q?.trim() ?? '';
  const tokens = searchTokens(raw);
  const isCode = CODE_QUERY.test(raw);
  const hasQuery = tokens.length > 0 || isCode;
  const input = { raw, tokens, isCode };
  if (tokens.length === 0) {
    return toPage(query, raw, hasQuery, await pageRows(db, query, { ...input, match: isCode ? { kind: 'given', alternatives: null } : { kind: 'none' } }));
  }
  // One statement in the usual case: every word is a word, or the start of a word, of some name. It also answers what
  // a correction needs when a word is not (each word's own match, the vocabulary to correct from), so a misspelt
  // query costs one statement more, never more than that.
  const first = await pageRows(db, query, { ...input, match: { kind: 'inline' } });
  const head = first.rows[0];
  if (!head?.unresolved) return toPage(query, raw, hasQuery, first);
  const alternatives = alternativesFrom(tokens, head.own ?? [], head.candidates ?? []);
  if (!alternatives && !isCode) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  // Without corrections the first answer stands (its code-prefix matches); with them, the corrected query.
  if (!alternatives) return toPage(query, raw, hasQuery, first);
  return toPage(query, raw, hasQuery, await pageRows(db, query, { ...input, match: { kind: 'given', alternatives } }));
}

async function pageRows(
  db: Queryable,
  query: ProcedureSearchQuery,
  input: { raw: string; tokens: readonly string[]; isCode: boolean; match: NameMatch },
): Promise<PageRows> {
  const { raw, tokens, isCode, match } = input;
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
    const ids = [query.agency.id, query.agency.deskId ?? query.agency.id].map(p).join(', ');
    where.push(`(v.agency_ids && ARRAY[${ids}]::uuid[] OR v.agency_rules @> ARRAY[${p(`${query.agency.kind}:${query.agency.level}`)}]::text[])`);
  }
  const prelude: string[] = [];
  let rank = 'NULL::float8';
  let order = 'field_code, name_search, code';
  if (match.kind !== 'none') {
    const matches: string[] = [];
    const terms: string[] = [];
    if (isCode) {
      const codePrefix = p(`${raw}%`);
      matches.push(`v.code LIKE ${codePrefix}`);
      terms.push(`CASE WHEN v.code LIKE ${codePrefix} THEN 4 ELSE 0 END`);
    }
    const like = (words: readonly string[], joiner: string) => `v.name_search LIKE ${p(`%${words.join(joiner)}%`)}`;
    if (match.kind === 'inline') {
      // Each word: itself when a name has it (but the last word), itself as a prefix when a word of a name starts
      // with it, else null. The tsquery is null (matching nothing) unless every word resolved.
      const tokensParam = p(tokens);
      const countParam = p(tokens.length);
      prelude.push(
        `tok AS (SELECT u.t, u.i FROM unnest(${tokensParam}::text[]) WITH ORDINALITY AS u(t, i))`,
        `own AS (
       SELECT tok.i, tok.t,
              CASE WHEN tok.i < ${countParam} AND EXISTS (SELECT 1 FROM procedure_search_word w WHERE w.word = tok.t) THEN tok.t
                   WHEN EXISTS (SELECT 1 FROM procedure_search_word w WHERE left(w.word, length(tok.t)) = tok.t) THEN tok.t || ':*'
              END AS a
         FROM tok)`,
        `q AS (
       SELECT CASE WHEN count(a) = count(*) THEN to_tsquery('simple', string_agg('(' || a || ')', ' & ' ORDER BY i)) END AS tsq,
              array_agg(a ORDER BY i) AS own,
              CASE WHEN count(a) < count(*) THEN ARRAY(
                SELECT w.word FROM procedure_search_word w WHERE left(w.word, 1) IN (SELECT left(o.t, 1) FROM own o WHERE o.a IS NULL)
              ) END AS candidates
         FROM own)`,
      );
      matches.push(`to_tsvector('simple', v.name_search) @@ (SELECT tsq FROM q)`);
      // the words resolved are the words typed (at most as prefixes): the phrase as typed ranks first
      terms.push(`CASE WHEN ${like(tokens, ' ')} THEN 2 ELSE 0 END`, `CASE WHEN ${like(tokens, '%')} THEN 1 ELSE 0 END`);
    } else if (match.alternatives) {
      const tsquery = match.alternatives.map((a) => `(${a.join(' | ')})`).join(' & ');
      matches.push(`to_tsvector('simple', v.name_search) @@ to_tsquery('simple', ${p(tsquery)})`);
      // the phrase as typed and as corrected (each word's closest correction) rank alike
      const corrected = match.alternatives.map((a, i) => (a[0]!.endsWith(':*') ? tokens[i]! : a[0]!));
      terms.push(
        `CASE WHEN ${like(tokens, ' ')} OR ${like(corrected, ' ')} THEN 2 ELSE 0 END`,
        `CASE WHEN ${like(tokens, '%')} OR ${like(corrected, '%')} THEN 1 ELSE 0 END`,
      );
    }
    if (matches.length === 0) return { rows: [], count: async () => 0 };
    where.push(`(${matches.join(' OR ')})`);
    rank = `(${terms.join(' + ')})::float8`;
    order = 'rank DESC, length(name_search), name_search, code';
  }
  // Every parameter so far is used by `matched` (the filters and the rank); the page's limit and offset follow.
  const matchedParams = params.slice();
  const limit = p(query.pageSize);
  const offset = p((query.page - 1) * query.pageSize);
  const withClause = (...more: string[]) => `WITH ${[...prelude, ...more].join(',\n     ')}\n`;
  // Two steps: order and cut the page on narrow rows, then read the display columns of that page only.
  const matched = `matched AS (
       SELECT v.id, v.field_code, v.name_search, v.code, ${rank} AS rank
         FROM procedure_version v
        WHERE ${where.join(' AND ')})`;
  const page = `page AS (
       SELECT id, rank, count(*) OVER ()::int8 AS total, row_number() OVER (ORDER BY ${order}) AS position
         FROM matched
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset})`;
  const count = async () => {
    const rows = await db.query<{ n: number }>(`${withClause(matched)}SELECT count(*)::int8 AS n FROM matched`, matchedParams);
    return Number(rows[0]?.n ?? 0);
  };
  const columns = `v.id, v.code, v.name, v.version_no, v.field_code, v.field_name, v.levels, v.online_level,
            v.competent_agency_name AS agency_name, v.time_summary AS times, v.is_verified, page.rank, page.total`;
  const sql =
    match.kind === 'inline'
      ? // at least one row (the words' resolution), with the page's rows when there are any
        `${withClause(matched, page)}SELECT q.own, q.candidates, q.tsq IS NULL AS unresolved, ${columns}
       FROM q LEFT JOIN (page JOIN procedure_version v ON v.id = page.id) ON true
      ORDER BY page.position`
      : `${withClause(matched, page)}SELECT ${columns}
       FROM page JOIN procedure_version v ON v.id = page.id
      ORDER BY page.position`;
  return { rows: await db.query<Partial<Row> & Partial<Resolution>>(sql, params), count };
}

async function toPage(query: ProcedureSearchQuery, raw: string, hasQuery: boolean, result: PageRows): Promise<ProcedurePage> {
  const rows = result.rows.filter((r): r is Row => typeof r.id === 'string');
  const total = rows[0] ? Number(rows[0].total) : query.page > 1 ? await result.count() : 0;
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
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
