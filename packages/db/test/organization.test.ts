import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleAgencies } from '@motcua/core/organization';
import { withUnitOfWork } from '@motcua/db';
import {
  expandScope,
  expandWithPredecessorIds,
  findAgencyByCode,
  findLineage,
  hueOrganization,
  listAgencies,
  listSuccessionLinks,
  recordSuccessionEvent,
  resolveCurrentSuccessors,
  seedOrganization,
} from '@motcua/db/organization';
import { createTestDatabase, testBackends, type TestDatabase } from '../../../test-support/databases';

const context = { actor: { kind: 'system', name: 'test' } as const, now: new Date('2026-03-02T02:00:00Z') };

describe.each(testBackends())('organisation tree on %s', (backend) => {
  let db: TestDatabase;
  const id = async (code: string) => (await findAgencyByCode(db, code))!.id;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await withUnitOfWork(db, context, (uow) => seedOrganization(uow));
  });
  afterAll(() => db.dispose());

  it('seeds Huế after the reform: the city, 40 communes/wards each with a service centre and a desk', async () => {
    const today = await listAgencies(db, { asOf: '2026-03-02' });
    const communes = today.filter((a) => a.level === 'commune' && a.kind === 'people_committee');
    expect(communes).toHaveLength(40);
    expect(hueOrganization.agencies.filter((a) => a.level === 'commune' && a.kind === 'people_committee' && !a.effectiveTo)).toHaveLength(40);
    const centres = today.filter((a) => a.level === 'commune' && a.kind === 'service_centre');
    expect(centres).toHaveLength(40);
    for (const c of centres) expect(communes.map((x) => x.id)).toContain(c.parentId);
    const city = (await findAgencyByCode(db, '000.00.00.H57'))!;
    expect(city).toMatchObject({ name: 'Ủy ban nhân dân thành phố Huế', isCodePlaceholder: false, level: 'province' });
    expect(today.filter((a) => a.code !== city.code).every((a) => a.isCodePlaceholder)).toBe(true);
    expect(today.find((a) => a.name === 'Văn phòng đăng ký đất đai thành phố Huế')!.parentId).toBe(
      await id('000.00.03.H57'),
    );
  });

  it('seeds idempotently', async () => {
    const before = (await listAgencies(db)).length;
    expect(await withUnitOfWork(db, context, (uow) => seedOrganization(uow))).toBe(0);
    expect((await listAgencies(db)).length).toBe(before);
  });

  it('records the 2025 merge into Phường Phú Xuân and ends the old wards on 2025-06-30', async () => {
    const phuXuan = await id('000.00.40.H57');
    expect((await findAgencyByCode(db, '000.00.40.H57'))!.shortName).toBe('Phường Phú Xuân');
    const lineage = await findLineage(db, phuXuan);
    expect(lineage.predecessors).toHaveLength(6);
    const before = await listAgencies(db, { asOf: '2025-06-30', level: 'commune' });
    expect(before.map((a) => a.shortName)).toContain('Phường Tây Lộc');
    const after = await listAgencies(db, { asOf: '2025-07-01', level: 'commune' });
    expect(after.map((a) => a.shortName)).not.toContain('Phường Tây Lộc');
    const tayLoc = before.find((a) => a.shortName === 'Phường Tây Lộc')!;
    expect(await resolveCurrentSuccessors(db, tayLoc.id, '2026-03-02')).toEqual([phuXuan]);
    expect(await resolveCurrentSuccessors(db, tayLoc.id, '2025-06-30')).toEqual([tayLoc.id]);
  });

  it('expands a scope in SQL exactly as the core rule does', async () => {
    const all = await listAgencies(db);
    const links = await listSuccessionLinks(db);
    const phuXuan = await id('000.00.40.H57');
    const city = await id('000.00.00.H57');
    for (const grants of [
      [{ agencyId: phuXuan, includeSubAgencies: false }],
      [{ agencyId: phuXuan, includeSubAgencies: true }],
      [{ agencyId: city, includeSubAgencies: true }],
      [{ agencyId: city, includeSubAgencies: false }, { agencyId: await id('000.00.41.H57'), includeSubAgencies: true }],
    ]) {
      const sql = (await expandScope(db, grants)).sort();
      expect(sql).toEqual([...visibleAgencies(grants, all, links)].sort());
    }
    expect((await expandScope(db, [{ agencyId: city, includeSubAgencies: true }])).length).toBe(all.length);
    const narrow = await expandWithPredecessorIds(db, [phuXuan]);
    expect(narrow).toHaveLength(7);
  });

  it('keeps predecessors reachable through a later split', async () => {
    const kimLong = await id('000.00.41.H57');
    const city = await id('000.00.00.H57');
    const [a, b] = await withUnitOfWork(db, context, async (uow) => {
      const created = [];
      for (const [code, name] of [['H57.900', 'Phường Thử A'], ['H57.901', 'Phường Thử B']] as const) {
        const rows = await uow.tx.query<{ id: string }>(
          `INSERT INTO agency (code, name, kind, level, parent_id, effective_from)
           VALUES ($1, $2, 'people_committee', 'commune', $3, '2030-01-01') RETURNING id`,
          [code, name, city],
        );
        created.push(rows[0]!.id);
      }
      await recordSuccessionEvent(uow.tx, {
        kind: 'split',
        effectiveOn: '2030-01-01',
        predecessorIds: [kimLong],
        successorIds: created,
        recordedAt: context.now,
      });
      return created;
    });
    expect((await findAgencyByCode(db, '000.00.41.H57'))!.effectiveTo).toBe('2029-12-31');
    expect((await resolveCurrentSuccessors(db, kimLong, '2030-02-01')).sort()).toEqual([a, b].sort());
    expect(await expandWithPredecessorIds(db, [a!])).toContain(kimLong);
  });
});
