/**
 * Biểu số II.07b/VPCP/KSTT (legal-spec §12, template as read from a production system, SECONDARY): the procedures
 * in effect — under local competence, received through the one-stop desks, and with an internal workflow issued —
 * in total and per level (province; district, legacy since the 2025 reform; commune). A procedure at several levels
 * counts once in the totals and once in each of its levels.
 */
export type Ii07bLevel = 'province' | 'district' | 'commune';

export interface CatalogueProcedureFacts {
  readonly code: string;
  /** The catalogue's levels ('central', 'province', 'commune', 'district_legacy'). */
  readonly levels: readonly string[];
  /** Received at a one-stop desk (receiving desks or agency rules given). */
  readonly oneStop: boolean;
  /** At least one internal workflow (quy trình nội bộ, TT 01/2018 Art. 8) recorded. */
  readonly hasWorkflow: boolean;
}

export interface Ii07bGroup {
  readonly total: number;
  readonly province: number;
  readonly district: number;
  readonly commune: number;
}

export interface Ii07bReport {
  readonly form: 'II.07b/VPCP/KSTT';
  readonly date: string;
  readonly localCompetence: Ii07bGroup;
  readonly oneStop: Ii07bGroup;
  readonly internalWorkflows: Ii07bGroup;
}

const levelOf: Record<string, Ii07bLevel | undefined> = { province: 'province', district_legacy: 'district', commune: 'commune' };

function group(list: readonly CatalogueProcedureFacts[]): Ii07bGroup {
  const g = { total: 0, province: 0, district: 0, commune: 0 };
  for (const p of list) {
    const levels = new Set(p.levels.map((l) => levelOf[l]).filter((l): l is Ii07bLevel => !!l));
    if (levels.size === 0) continue;
    g.total++;
    for (const l of levels) g[l]++;
  }
  return g;
}

export function buildIi07b(date: string, procedures: readonly CatalogueProcedureFacts[]): Ii07bReport {
  const local = procedures.filter((p) => p.levels.some((l) => levelOf[l]));
  return {
    form: 'II.07b/VPCP/KSTT',
    date,
    localCompetence: group(local),
    oneStop: group(local.filter((p) => p.oneStop)),
    internalWorkflows: group(local.filter((p) => p.hasWorkflow)),
  };
}
