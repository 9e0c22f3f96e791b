/**
 * Loads an organisation description (packages/db/seed/organization-hue.json, written by
 * seed/extract-organization-hue.mjs) into the tree, parents first, then its succession events. Idempotent: an
 * agency whose code exists is left as it is, and events are recorded only for agencies created in this run.
 */
import type { AgencyEventKind, AgencyKind, AgencyLevel } from '@motcua/core/organization';
import type { UnitOfWork } from '../kernel/unit-of-work';
import hue from '../../seed/organization-hue.json' with { type: 'json' };
import { findAgencyByCode, insertAgency, recordSuccessionEvent } from './agency.repository';

export interface OrganizationSeed {
  readonly agencies: readonly {
    code: string;
    isCodePlaceholder: boolean;
    name: string;
    shortName: string | null;
    nameEn: string | null;
    kind: string;
    level: string;
    parentCode: string | null;
    administrativeUnitCode: string | null;
    effectiveFrom: string;
    effectiveTo: string | null;
  }[];
  readonly events: readonly {
    kind: string;
    effectiveOn: string;
    legalReference: string | null;
    note: string | null;
    predecessorCodes: readonly string[];
    successorCodes: readonly string[];
  }[];
}

export const hueOrganization: OrganizationSeed = hue;

export async function seedOrganization(uow: UnitOfWork, seed: OrganizationSeed = hueOrganization): Promise<number> {
  const ids = new Map<string, string>();
  const created = new Set<string>();
  for (const a of seed.agencies) {
    const existing = await findAgencyByCode(uow.tx, a.code);
    if (existing) {
      ids.set(a.code, existing.id);
      continue;
    }
    const parentId = a.parentCode ? ids.get(a.parentCode) : null;
    if (parentId === undefined) throw new Error(`seed: parent ${a.parentCode} of ${a.code} must come first`);
    const agency = await insertAgency(uow.tx, {
      ...a,
      kind: a.kind as AgencyKind,
      level: a.level as AgencyLevel,
      parentId,
    });
    if (!agency) throw new Error(`seed: could not insert ${a.code}`);
    ids.set(a.code, agency.id);
    created.add(a.code);
    uow.audit.record({
      action: 'organization.agency.create',
      targetType: 'agency',
      targetId: agency.id,
      agencyId: agency.id,
      summary: { code: agency.code, name: agency.name, kind: agency.kind, level: agency.level, source: 'seed' },
    });
  }
  for (const e of seed.events) {
    if (!e.predecessorCodes.every((c) => created.has(c))) continue;
    const eventId = await recordSuccessionEvent(uow.tx, {
      kind: e.kind as Extract<AgencyEventKind, 'merge'>,
      effectiveOn: e.effectiveOn,
      legalReference: e.legalReference,
      note: e.note,
      predecessorIds: e.predecessorCodes.map((c) => ids.get(c)!),
      successorIds: e.successorCodes.map((c) => ids.get(c)!),
      recordedAt: uow.context.now,
    });
    uow.audit.record({
      action: `organization.agency.${e.kind}`,
      targetType: 'agency_event',
      targetId: eventId,
      summary: { predecessors: e.predecessorCodes, successors: e.successorCodes, effectiveOn: e.effectiveOn },
    });
  }
  return created.size;
}
