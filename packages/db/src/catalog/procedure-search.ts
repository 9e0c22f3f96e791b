/**
 * Listing and search of the procedures in effect on a date. The query is normalised like the stored `name_search`
 * (core search-text.ts), then matched three ways, all served by the trigram index:
 *   - the phrase as typed (ranked highest), the words in order with gaps, and
 *   - word similarity above pg_trgm's threshold (0.6 by default) for typos ("dang ki khai sihn");
 * and by code prefix when the query looks like a procedure code ("1.0011"). Ties go to the closer, shorter name.
 */
import {
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
  readonly agency?: { readonly id: string; readonly kind: string; readonly level: string } | null;
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

export async function searchProcedures(db: Queryable, query: ProcedureSearchQuery): Promise<ProcedurePage> {
  const raw = query.q?.trim() ?? '';
  const tokens = searchTokens(raw);
  const hasQuery = tokens.length > 0 || CODE_QUERY.test(raw);
  const phrase = tokens.join(' ');
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
      `(v.agency_ids @> ARRAY[${p(query.agency.id)}]::uuid[] OR v.agency_rules @> ARRAY[${p(`${query.agency.kind}:${query.agency.level}`)}]::text[])`,
    );
  }
  let whereParams = params.length;
  let rank = 'NULL::float8';
  let order = 'v.field_code, v.name_search, v.code';
  if (hasQuery) {
    const isCode = CODE_QUERY.test(raw);
    const codePrefix = isCode ? p(`${raw}%`) : '';
    const q = phrase ? p(phrase) : '';
    const orderedLike = phrase ? p(`%${tokens.join('%')}%`) : '';
    const matches: string[] = [];
    if (isCode) matches.push(`v.code LIKE ${codePrefix}`);
    if (phrase) matches.push(`v.name_search LIKE ${orderedLike}`, `${q} <% v.name_search`);
    where.push(`(${matches.join(' OR ')})`);
    whereParams = params.length;
    const terms = isCode ? [`CASE WHEN v.code LIKE ${codePrefix} THEN 4 ELSE 0 END`] : [];
    if (phrase) {
      terms.push(
        `CASE WHEN v.name_search LIKE ${p(`%${phrase}%`)} THEN 2 ELSE 0 END`,
        `CASE WHEN v.name_search LIKE ${orderedLike} THEN 1 ELSE 0 END`,
        `word_similarity(${q}, v.name_search)`,
      );
    }
    rank = `(${terms.join(' + ')})::float8`;
    order = phrase ? `rank DESC, similarity(${q}, v.name_search) DESC, v.name_search, v.code` : 'rank DESC, v.code';
  }
  const limit = p(query.pageSize);
  const offset = p((query.page - 1) * query.pageSize);
  const rows = await db.query<Row>(
    `SELECT v.id, v.code, v.name, v.version_no, v.field_code, v.content->'field'->>'name' AS field_name, v.levels,
            v.online_level, v.content->'competentAgency'->>'name' AS agency_name,
            jsonb_path_query_array(v.content, '$.cases[*].processingTimes[*]') AS times,
            coalesce((v.content->>'isVerified')::boolean, false) AS is_verified,
            ${rank} AS rank, count(*) OVER ()::int8 AS total
       FROM procedure_version v
      WHERE ${where.join(' AND ')}
      ORDER BY ${order}
      LIMIT ${limit} OFFSET ${offset}`,
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
      processingTimes: (r.times ?? []).map((t) => ({ amount: t.amount, unit: t.unit, channels: t.channels })),
      isVerified: r.is_verified,
      rank: r.rank === null ? null : Math.round(r.rank * 1000) / 1000,
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
