/**
 * The organisation tree: agencies of any depth (city → departments, service centres, communes/wards → desks),
 * versioned by effective-from/to dates. Rows never disappear: an agency that ends keeps its history, and merges,
 * splits and renames link predecessors to successors (see succession.ts).
 */
import { formatDate, parseDate } from '@motcua/core/calendar';
export const agencyKinds = ['people_committee', 'department', 'service_centre', 'desk', 'police', 'other'] as const;
export type AgencyKind = (typeof agencyKinds)[number];

export const agencyLevels = ['central', 'province', 'commune', 'district_legacy'] as const;
export type AgencyLevel = (typeof agencyLevels)[number];

export const agencyEventKinds = ['establish', 'merge', 'split', 'rename', 'move', 'dissolve'] as const;
export type AgencyEventKind = (typeof agencyEventKinds)[number];

export interface Agency {
  readonly id: string;
  readonly code: string;
  /** The official code is unknown and this one only has the right format. */
  readonly isCodePlaceholder: boolean;
  readonly name: string;
  readonly shortName: string | null;
  readonly nameEn: string | null;
  readonly kind: AgencyKind;
  readonly level: AgencyLevel;
  readonly parentId: string | null;
  /** GSO code of the administrative unit the agency serves (communes, provinces), when there is one. */
  readonly administrativeUnitCode: string | null;
  /** Legal dates, 'YYYY-MM-DD'. effectiveTo is the last day the agency exists (inclusive). */
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
}

/** Whether the agency exists on the given legal date ('YYYY-MM-DD'; ISO dates compare as strings). */
export function isAgencyActiveOn(agency: Pick<Agency, 'effectiveFrom' | 'effectiveTo'>, date: string): boolean {
  return agency.effectiveFrom <= date && (agency.effectiveTo === null || date <= agency.effectiveTo);
}

/** The day before an ISO date: an agency merged on D ends on D − 1. */
export function dayBefore(date: string): string {
  const day = parseDate(date);
  if (day === null) throw new Error(`not an ISO date: ${date}`);
  return formatDate(day - 1);
}
