/**
 * Demo catalogue: the reference procedures of Huế (catalog-reference.ts) published as version 1, effective from
 * the two-tier reform (1/7/2025); records that lack a time limit are loaded as drafts for an administrator to
 * complete; one inter-agency group. Idempotent: a second run publishes nothing (unchanged content).
 */
import { ok, type Actor, type Result } from '@motcua/core';
import {
  createDraft,
  publishContent,
  saveInterAgencyGroup,
  type CatalogError,
  type InterAgencyGroupContent,
} from '@motcua/core/catalog';
import type { Database } from '@motcua/db';
import { listInterAgencyGroups, runCatalogUseCase } from '@motcua/db/catalog';
import { referenceProcedure, referenceRecords, type AgencyDirectory } from './catalog-reference';

export const CATALOG_SEED_EFFECTIVE_FROM = '2025-07-01';

export interface CatalogSeedReport {
  readonly published: string[];
  readonly unchanged: string[];
  readonly drafts: string[];
  readonly skipped: string[];
}

async function agencyDirectory(db: Database): Promise<AgencyDirectory> {
  const rows = await db.query<{ id: string; name: string; kind: string; level: string }>(
    'SELECT id, name, kind, level FROM agency WHERE effective_to IS NULL ORDER BY code',
  );
  return {
    find: (kind, level, fragment) =>
      rows.find((a) => a.kind === kind && a.level === level && a.name.toLowerCase().includes(fragment.toLowerCase())) ?? null,
  };
}

/** Khai sinh – thường trú – thẻ BHYT (2.000986); the agencies' shares of the 20 days are illustrative. */
const birthGroup: InterAgencyGroupContent = {
  name: 'Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  procedureCodes: ['2.000986', '1.001193', '1.004222'],
  mode: 'sequential',
  timeLimit: { amount: 20, unit: 'working-days' },
  participants: [
    {
      agency: { kind: 'rule', rule: 'where_received', agencyKind: 'people_committee', agencyLevel: 'commune', name: 'UBND xã, phường nơi tiếp nhận' },
      role: 'lead',
      order: 1,
      task: 'Đăng ký khai sinh, chuyển hồ sơ liên thông',
      subDeadline: { amount: 3, unit: 'working-days' },
    },
    {
      agency: { kind: 'rule', rule: 'where_received', agencyKind: 'police', agencyLevel: 'commune', name: 'Công an xã, phường' },
      role: 'participant',
      order: 2,
      task: 'Đăng ký thường trú',
      subDeadline: { amount: 10, unit: 'working-days' },
    },
    {
      agency: { kind: 'external', name: 'Bảo hiểm xã hội cơ sở' },
      role: 'participant',
      order: 3,
      task: 'Cấp thẻ bảo hiểm y tế',
      subDeadline: { amount: 7, unit: 'working-days' },
    },
  ],
  legalBasis:
    'Bản ghi 2.000986 (tối đa 20 ngày làm việc). Thời hạn của từng cơ quan là minh họa, chưa xác minh với văn bản liên tịch.',
};

export async function seedCatalog(
  db: Database,
  now: Date,
  options: { hoursPerWorkingDay?: number } = {},
): Promise<CatalogSeedReport> {
  const actor: Actor = { kind: 'system', name: 'seed:catalog' };
  const agencies = await agencyDirectory(db);
  const report: CatalogSeedReport = { published: [], unchanged: [], drafts: [], skipped: [] };
  const timeLimits = { hoursPerWorkingDay: options.hoursPerWorkingDay ?? 8 };
  for (const record of referenceRecords) {
    const procedure = referenceProcedure(record, agencies, timeLimits.hoursPerWorkingDay);
    if (!procedure) {
      report.skipped.push(record.name);
      continue;
    }
    const result = procedure.isPublishable
      ? await runCatalogUseCase(db, { actor, now }, (deps) =>
          publishContent(deps, {
            code: procedure.code,
            content: procedure.content,
            effectiveFrom: CATALOG_SEED_EFFECTIVE_FROM,
            changeNote: 'Danh mục tham chiếu (seed)',
            action: 'catalog.procedure.publish',
          }),
          timeLimits,
        )
      : await runCatalogUseCase(
          db,
          { actor, now },
          async (deps): Promise<Result<{ outcome: 'draft' | 'unchanged' }, CatalogError>> => {
            const open = await deps.store.findOpenDraft(procedure.code);
            if (open || (await deps.store.findLatestVersion(procedure.code))) return ok({ outcome: 'unchanged' });
            const draft = await createDraft(deps, { code: procedure.code, content: procedure.content });
            return draft.ok ? ok({ outcome: 'draft' }) : draft;
          },
          timeLimits,
        );
    if (!result.ok) throw new Error(`catalogue seed: ${procedure.code} refused: ${JSON.stringify(result.error)}`);
    const outcome = result.value.outcome;
    if (outcome === 'draft') report.drafts.push(procedure.code);
    else if (outcome === 'unchanged') report.unchanged.push(procedure.code);
    else report.published.push(procedure.code);
  }
  const groups = await listInterAgencyGroups(db, '2.000986');
  if (!groups.some((g) => g.name === birthGroup.name)) {
    const saved = await runCatalogUseCase(db, { actor, now }, (deps) => saveInterAgencyGroup(deps, { id: null, rowVersion: null, group: birthGroup }));
    if (!saved.ok) throw new Error(`catalogue seed: inter-agency group refused: ${JSON.stringify(saved.error)}`);
  }
  return report;
}
