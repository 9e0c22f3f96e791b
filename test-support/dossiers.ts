/**
 * Test data for the dossier engine: a small organisation (a desk, an agency with a department, a second desk and a
 * consulted agency) inserted as real rows, and officers and citizens acting for them.
 */
import { randomUUID } from 'node:crypto';
import type { CitizenActor, OfficerActor, OfficerRole } from '@motcua/core';
import type { Queryable } from '@motcua/db';

export interface TestOrganisation {
  desk: string;
  agency: string;
  department: string;
  otherDesk: string;
  consulted: string;
  codes: Record<'desk' | 'agency' | 'department' | 'otherDesk' | 'consulted', string>;
}

/** Inserts agencies with unique codes (several organisations may live in one test database). */
export async function insertTestOrganisation(db: Queryable): Promise<TestOrganisation> {
  const n = randomUUID().slice(0, 6).toUpperCase();
  const codes = {
    agency: `000.${n}.00.H57`,
    desk: `001.${n}.01.H57`,
    department: `002.${n}.01.H57`,
    otherDesk: `003.${n}.01.H57`,
    consulted: `004.${n}.01.H57`,
  };
  const ids = { agency: randomUUID(), desk: randomUUID(), department: randomUUID(), otherDesk: randomUUID(), consulted: randomUUID() };
  const insert = (id: string, code: string, name: string, kind: string, parent: string | null) =>
    db.query(
      `INSERT INTO agency (id, code, name, kind, level, parent_id, effective_from) VALUES ($1, $2, $3, $4, 'commune', $5, '2025-07-01')`,
      [id, code, name, kind, parent],
    );
  await insert(ids.agency, codes.agency, 'UBND phường Thuận Hóa', 'people_committee', null);
  await insert(ids.desk, codes.desk, 'Trung tâm Phục vụ hành chính công phường Thuận Hóa', 'desk', ids.agency);
  await insert(ids.department, codes.department, 'Phòng Văn hóa - Xã hội', 'department', ids.agency);
  await insert(ids.otherDesk, codes.otherDesk, 'Trung tâm Phục vụ hành chính công phường Phú Xuân', 'desk', null);
  await insert(ids.consulted, codes.consulted, 'Công an phường Thuận Hóa', 'police', null);
  return { ...ids, codes };
}

export function testOfficer(roles: readonly { role: OfficerRole; agencyId: string }[], name = 'Cán bộ'): OfficerActor {
  return {
    kind: 'officer',
    userId: randomUUID(),
    displayName: name,
    grants: roles.map((r) => ({ ...r, includeSubAgencies: false })),
    visibleAgencyIds: [...new Set(roles.map((r) => r.agencyId))],
  };
}

export function testCitizen(name = 'Nguyễn Văn An'): CitizenActor {
  return { kind: 'citizen', userId: randomUUID(), displayName: name };
}
