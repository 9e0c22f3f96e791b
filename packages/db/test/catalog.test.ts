import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@motcua/core';
import {
  buildCase,
  buildProcedureContent,
  buildProcessingTime,
  buildWorkflow,
  createDraft,
  importProcedure,
  moveDraft,
  publishContent,
  publishDraft,
  putCase,
  reviseDraft,
  type ProcedureContent,
} from '@motcua/core/catalog';
import { listAuditEventsForTarget } from '@motcua/db/audit';
import {
  findEffectiveVersion,
  getProcedureCase,
  getProcedureVersion,
  listVersions,
  runCatalogUseCase,
} from '@motcua/db/catalog';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';

const admin = {
  kind: 'officer',
  userId: 'admin-1',
  displayName: 'Quản trị',
  grants: [],
  visibleAgencyIds: [],
} as const;

function unwrap<T>(result: Result<T, unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe.each(testBackends())('procedure versions on %s', (backend) => {
  let db: TestDatabase;
  const at = (iso: string) => ({ actor: admin, now: new Date(iso), requestId: 'req-test' });

  beforeAll(async () => {
    db = await createTestDatabase(backend);
  });
  afterAll(() => db.dispose());

  it('publishes version 1, then version 2 through a reviewed draft; a reference to version 1 still gives version 1', async () => {
    const v1 = unwrap(
      await runCatalogUseCase(db, at('2026-03-02T02:00:00Z'), (deps) =>
        publishContent(deps, { code: '1.001193', content: buildProcedureContent(), action: 'catalog.procedure.publish' }),
      ),
    );
    expect(v1).toMatchObject({ outcome: 'created', version: { versionNo: 1, effectiveFrom: '2026-03-02', effectiveTo: null } });
    const dossierReference = { versionId: v1.version.id, caseId: 'mac-dinh' };

    const draft = unwrap(
      await runCatalogUseCase(db, at('2026-03-03T02:00:00Z'), (deps) => createDraft(deps, { code: '1.001193', content: null })),
    );
    expect(draft).toMatchObject({ status: 'editing', baseVersionId: v1.version.id, rowVersion: 1 });
    const revised = unwrap(
      await runCatalogUseCase(db, at('2026-03-03T03:00:00Z'), (deps) =>
        reviseDraft(deps, {
          draftId: draft.id,
          rowVersion: draft.rowVersion,
          edit: 'case.put',
          apply: (c) => ({
            ok: true,
            value: putCase(c, { ...c.cases[0]!, processingTimes: [buildProcessingTime({ amount: 2 })] }),
          }),
        }),
      ),
    );
    const submitted = unwrap(
      await runCatalogUseCase(db, at('2026-03-03T04:00:00Z'), (deps) =>
        moveDraft(deps, { draftId: draft.id, rowVersion: revised.rowVersion, transition: 'submit' }),
      ),
    );
    const v2 = unwrap(
      await runCatalogUseCase(db, at('2026-03-04T02:00:00Z'), (deps) =>
        publishDraft(deps, { draftId: draft.id, rowVersion: submitted.rowVersion, effectiveFrom: '2026-03-10' }),
      ),
    );
    expect(v2).toMatchObject({ versionNo: 2, effectiveFrom: '2026-03-10' });

    const referenced = unwrap(await getProcedureCase(db, dossierReference.versionId, dossierReference.caseId));
    expect(referenced.version.versionNo).toBe(1);
    expect(referenced.case.processingTimes[0]!.amount).toBe(1);
    expect(referenced.version.effectiveTo).toBe('2026-03-09');
    expect((await findEffectiveVersion(db, '1.001193', '2026-03-09'))?.versionNo).toBe(1);
    expect((await findEffectiveVersion(db, '1.001193', '2026-03-10'))?.versionNo).toBe(2);
    expect((await listVersions(db, '1.001193')).map((v) => [v.versionNo, v.effectiveFrom, v.effectiveTo])).toEqual([
      [2, '2026-03-10', null],
      [1, '2026-03-02', '2026-03-09'],
    ]);

    const audit = await listAuditEventsForTarget(db, 'procedure', '1.001193');
    expect(audit.map((a) => [a.action, a.actorId, a.summary.versionNo])).toEqual([
      ['catalog.procedure.publish', 'admin-1', 1],
      ['catalog.procedure.publish', 'admin-1', 2],
    ]);
    expect(audit[1]!.summary.changes).toEqual(['cases[mac-dinh]']);
  });

  it('keeps versions immutable in the database itself', async () => {
    const [row] = await db.query<{ id: string }>("SELECT id FROM procedure_version WHERE code = '1.001193' AND version_no = 1");
    await expect(db.query(`UPDATE procedure_version SET name = 'x' WHERE id = $1`, [row!.id])).rejects.toThrow(/immutable/);
    await expect(db.query('DELETE FROM procedure_version WHERE id = $1', [row!.id])).rejects.toThrow(/immutable/);
    await expect(db.query(`UPDATE procedure_version SET effective_to = '2030-01-01' WHERE id = $1`, [row!.id])).rejects.toThrow(
      /immutable/,
    );
  });

  it('answers an unknown or malformed version id with not found', async () => {
    expect(await getProcedureVersion(db, '00000000-0000-4000-8000-000000000000')).toMatchObject({
      ok: false,
      error: { code: 'PROCEDURE_VERSION_NOT_FOUND' },
    });
    expect(await getProcedureVersion(db, 'not-a-uuid')).toMatchObject({ ok: false });
  });

  it('imports the same content twice as one version, and changed content as a new one', async () => {
    const imported = { code: '2.000635', content: buildProcedureContent({ name: 'Cấp bản sao Trích lục hộ tịch' }) };
    const importOnce = (content: ProcedureContent) =>
      runCatalogUseCase(db, at('2026-03-05T02:00:00Z'), (deps) =>
        importProcedure(deps, { ...imported, content, carried: ['name', 'cases', 'legalBasis'] }),
      );
    expect(unwrap(await importOnce(imported.content)).outcome).toBe('created');
    expect(unwrap(await importOnce(imported.content)).outcome).toBe('unchanged');
    expect(await listVersions(db, '2.000635')).toHaveLength(1);
    const changed = { ...imported.content, legalBasis: [] };
    expect(unwrap(await importOnce(changed))).toMatchObject({ outcome: 'updated', version: { versionNo: 2 } });
    expect(await listVersions(db, '2.000635')).toHaveLength(2);
  });

  it('refuses a workflow over the legal limit and leaves nothing behind', async () => {
    const content = buildProcedureContent({ cases: [buildCase({ workflows: [buildWorkflow([2, 8, 2, 2, 2])] })] });
    const result = await runCatalogUseCase(db, at('2026-03-05T02:00:00Z'), (deps) =>
      publishContent(deps, { code: '1.000656', content, action: 'catalog.procedure.publish' }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'WORKFLOW_BUDGET_EXCEEDS_LIMIT', details: { totalHours: 16, limitHours: 8, excessHours: 8 } },
    });
    expect(await db.query("SELECT 1 FROM procedure WHERE code = '1.000656'")).toHaveLength(0);
    expect(await listAuditEventsForTarget(db, 'procedure', '1.000656')).toHaveLength(0);
  });

  it('refuses a version dated before the latest one, and a draft beside another open draft', async () => {
    const early = await runCatalogUseCase(db, at('2026-03-06T02:00:00Z'), (deps) =>
      publishContent(deps, {
        code: '1.001193',
        content: buildProcedureContent({ name: 'Đăng ký khai sinh (sửa)' }),
        effectiveFrom: '2026-03-01',
        action: 'catalog.procedure.publish',
      }),
    );
    expect(early).toMatchObject({ ok: false, error: { code: 'PROCEDURE_EFFECTIVE_DATE_INVALID' } });
    const first = await runCatalogUseCase(db, at('2026-03-06T02:00:00Z'), (deps) => createDraft(deps, { code: '2.000635', content: null }));
    expect(first.ok).toBe(true);
    const second = await runCatalogUseCase(db, at('2026-03-06T02:00:00Z'), (deps) => createDraft(deps, { code: '2.000635', content: null }));
    expect(second).toMatchObject({ ok: false, error: { code: 'PROCEDURE_DRAFT_ALREADY_OPEN' } });
  });
});
