/**
 * Biểu số II.07b/VPCP/KSTT (legal-spec §12, template as read from a production system, SECONDARY): the procedures
 * in effect — under local competence, received through the one-stop desks, and with an internal workflow issued —
 * in total and per level (province; district, legacy since the 2025 reform; commune). A procedure at several levels
 * counts once in the totals and once in each of its levels.
 *
 * For the whole catalogue (no unit) every local procedure counts. For a unit (docs/monitoring.md, an
 * interpretation): a procedure is under the unit's competence when its competent agency is one of the unit's
 * agencies (itself, its sub-agencies, what merged into them) or a rule naming their kind and level ("UBND xã nơi
 * tiếp nhận"); it is at the unit's one-stop when one of its receiving desks is (or, with none listed, its competent
 * agency is); it has an internal workflow of the unit when one of its workflows is the unit's agency's.
 */
export type Ii07bLevel = 'province' | 'district' | 'commune';

/** Who a catalogue entry names: an agency of the tree, a rule by kind and level, or a body outside the tree. */
export type CatalogueAgencyRef =
  | { readonly kind: 'agency'; readonly agencyId: string }
  | { readonly kind: 'rule'; readonly agencyKind: string; readonly agencyLevel: string }
  | { readonly kind: 'external' };

export interface CatalogueProcedureFacts {
  readonly code: string;
  /** The catalogue's levels ('central', 'province', 'commune', 'district_legacy'). */
  readonly levels: readonly string[];
  readonly competentAgency: CatalogueAgencyRef | null;
  readonly receivingDesks: readonly CatalogueAgencyRef[];
  /** The agency of each internal workflow (quy trình nội bộ, TT 01/2018 Art. 8) recorded. */
  readonly workflowAgencies: readonly CatalogueAgencyRef[];
}

/** The agencies a unit stands for, with their kind and level (what catalogue rules name). */
export interface Ii07bUnit {
  readonly code: string;
  readonly name: string;
  readonly agencies: readonly { readonly id: string; readonly kind: string; readonly level: string }[];
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
  /** null: the whole catalogue of the province. */
  readonly unit: { readonly code: string; readonly name: string } | null;
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

/** Whether a catalogue reference names one of the unit's agencies (without a unit: any agency of the tree). */
function matcher(unit: Ii07bUnit | null): (ref: CatalogueAgencyRef | null) => boolean {
  if (!unit) return (ref) => !!ref && ref.kind !== 'external';
  const ids = new Set(unit.agencies.map((a) => a.id));
  const rules = new Set(unit.agencies.map((a) => `${a.kind}:${a.level}`));
  return (ref) => (ref?.kind === 'agency' && ids.has(ref.agencyId)) || (ref?.kind === 'rule' && rules.has(`${ref.agencyKind}:${ref.agencyLevel}`));
}

export function buildIi07b(date: string, procedures: readonly CatalogueProcedureFacts[], unit: Ii07bUnit | null = null): Ii07bReport {
  const matches = matcher(unit);
  const local = procedures.filter((p) => p.levels.some((l) => levelOf[l]));
  const competent = unit ? local.filter((p) => matches(p.competentAgency)) : local;
  const desks = (p: CatalogueProcedureFacts) => (p.receivingDesks.length > 0 ? p.receivingDesks : [p.competentAgency]);
  return {
    form: 'II.07b/VPCP/KSTT',
    date,
    unit: unit ? { code: unit.code, name: unit.name } : null,
    localCompetence: group(competent),
    oneStop: group(local.filter((p) => desks(p).some(matches))),
    internalWorkflows: group(local.filter((p) => (unit ? p.workflowAgencies.some(matches) : p.workflowAgencies.length > 0))),
  };
}

/** The form's column titles (the screen has its own translations; the Excel and PDF print these). */
export const ii07bHeader = {
  formNumber: 'Biểu số II.07b/VPCP/KSTT',
  title: 'SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH',
  groups: [
    { key: 'localCompetence', title: 'Tổng số TTHC thuộc thẩm quyền giải quyết' },
    { key: 'oneStop', title: 'Số TTHC thực hiện theo cơ chế một cửa, một cửa liên thông' },
    { key: 'internalWorkflows', title: 'Số quy trình nội bộ giải quyết TTHC đã ban hành' },
  ],
  levels: [
    { key: 'total', title: 'Tổng số' },
    { key: 'province', title: 'Cấp tỉnh' },
    { key: 'district', title: 'Cấp huyện' },
    { key: 'commune', title: 'Cấp xã' },
  ],
} as const;
