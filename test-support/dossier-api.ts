/**
 * Dossiers through the API on the demo data of Huế: the organisation and the reference catalogue as seeded, officers
 * signed in through the real routes.
 *
 *   const t = await createTestApp({ clock });
 *   await seedHue(t);
 *   const desk = await agencyIdOf(t, '000.01.40.H57');                 // TTPVHCC phường Phú Xuân
 *   const birth = await procedureRef(t, '1.001193');                    // { versionId, caseCode }
 *   const desk = await officerOf(t, [{ role: 'reception_officer', agencyCode: '000.01.40.H57' }]);
 *   await t.app.inject({ method: 'POST', url: '/api/v1/dossiers', headers: await desk.headers(), payload: counterDossier(birth, desk) });
 */
import type { OfficerRole } from '@motcua/core';
import { catalogSeedStep, organizationSeedStep } from '../apps/server/src/seed/seed-demo';
import type { TestApp } from './app';
import { createCitizen, createOfficer, signIn, type SignedInHeaders, type TestUser } from './identity';

/** Phường Phú Xuân: its service centre (the desk) and its people's committee (the competent agency). */
export const PHU_XUAN_DESK = '000.01.40.H57';
export const PHU_XUAN_COMMITTEE = '000.00.40.H57';

/** Sessions that outlive a test clock moved on by days. */
export const longSessions = { MOTCUA_SESSION_IDLE_MINUTES: '1440', MOTCUA_SESSION_ABSOLUTE_HOURS: '720' };

export async function seedHue(t: TestApp): Promise<void> {
  await organizationSeedStep.run(t);
  await catalogSeedStep.run(t);
}

export async function agencyIdOf(t: TestApp, code: string): Promise<string> {
  const [row] = await t.db.query<{ id: string }>('SELECT id FROM agency WHERE code = $1', [code]);
  if (!row) throw new Error(`no agency ${code}`);
  return row.id;
}

export interface ProcedureRef {
  readonly code: string;
  readonly versionId: string;
  readonly caseCode: string;
}

/** The version in effect and its first case, read through the public catalogue API. */
export async function procedureRef(t: TestApp, code: string): Promise<ProcedureRef> {
  const res = await t.app.inject({ url: `/api/v1/procedures/${code}` });
  if (res.statusCode !== 200) throw new Error(`procedure ${code}: ${res.statusCode} ${res.body}`);
  const body = res.json() as { versionId: string; content: { cases: { id: string }[] } };
  return { code, versionId: body.versionId, caseCode: body.content.cases[0]!.id };
}

/**
 * A signed-in officer whose session follows a test clock moved on by days: `headers()` signs in again when the
 * clock has moved more than a few hours since the last sign-in.
 */
export interface ApiUser {
  readonly userId: string;
  headers(): Promise<SignedInHeaders>;
}

export function apiUser(t: TestApp, user: TestUser): ApiUser {
  let signedInAt = Number.NEGATIVE_INFINITY;
  let current: SignedInHeaders | null = null;
  return {
    userId: user.id,
    async headers() {
      const now = t.clock.now().getTime();
      if (!current || Math.abs(now - signedInAt) > 4 * 3600_000) {
        current = await signIn(t, user);
        signedInAt = now;
      }
      return current;
    },
  };
}

export async function officerOf(
  t: TestApp,
  roles: readonly { role: OfficerRole; agencyCode: string; includeSubAgencies?: boolean }[],
  displayName = 'Cán bộ thử nghiệm',
): Promise<ApiUser> {
  return apiUser(t, await createOfficer(t.db, { roles, displayName }));
}

/** The Phú Xuân desk and committee with one officer per role of a routine dossier (reception → leader). */
export interface PhuXuanTeam {
  desk: string;
  committee: string;
  reception: ApiUser;
  specialist: ApiUser;
  head: ApiUser;
  leader: ApiUser;
}

export async function phuXuanTeam(t: TestApp): Promise<PhuXuanTeam> {
  const [desk, committee, reception, specialist, head, leader] = await Promise.all([
    agencyIdOf(t, PHU_XUAN_DESK),
    agencyIdOf(t, PHU_XUAN_COMMITTEE),
    officerOf(t, [{ role: 'reception_officer', agencyCode: PHU_XUAN_DESK }], 'Lê Tiếp Nhận'),
    officerOf(t, [{ role: 'specialist', agencyCode: PHU_XUAN_COMMITTEE }], 'Phan Chuyên Viên'),
    officerOf(t, [{ role: 'department_head', agencyCode: PHU_XUAN_COMMITTEE }], 'Võ Trưởng Phòng'),
    officerOf(t, [{ role: 'agency_leader', agencyCode: PHU_XUAN_COMMITTEE }], 'Hồ Lãnh Đạo'),
  ]);
  return { desk, committee, reception, specialist, head, leader };
}

export const hueApplicant = {
  role: 'applicant' as const,
  fullName: 'Trần Thị Bình',
  identityNumber: '046190004321',
  address: '5 Đinh Tiên Hoàng, phường Phú Xuân, Huế',
  phone: '0905123456',
  email: 'binh@example.vn',
};

/** The body of a counter reception of the procedure's first case at a desk. */
export function counterDossier(ref: ProcedureRef, receivingAgencyId: string, overrides: Record<string, unknown> = {}) {
  return {
    procedureVersionId: ref.versionId,
    caseCode: ref.caseCode,
    receivingAgencyId,
    channel: 'counter',
    parties: [hueApplicant],
    documents: [{ code: 'tp-3', name: 'Tờ khai đăng ký khai sinh', originals: 1 }],
    summary: 'Đăng ký khai sinh cho con',
    ...overrides,
  };
}

/** The body of an applicant's online submission of the procedure's first case to a desk. */
export function onlineDossier(ref: ProcedureRef, receivingAgencyId: string, overrides: Record<string, unknown> = {}) {
  const { channel: _channel, ...body } = counterDossier(ref, receivingAgencyId, overrides);
  return body;
}

export async function citizenOf(t: TestApp, spec: { email?: string; phone?: string } = {}): Promise<ApiUser> {
  return apiUser(t, await createCitizen(t.db, spec));
}

/**
 * The values of a complete birth registration declaration (1.001193) as the portal's wizard keeps them in a draft,
 * submitted online to a desk: the applicant, the child, the mother (no father), the request and the pledge.
 */
export function birthDeclarationValues(deskId: string): Record<string, unknown> {
  return {
    'applicant.fullName': 'Trần Thị Bình',
    'applicant.identityNumber': '046190004321',
    'applicant.phone': '0905123456',
    'applicant.email': '',
    'applicant.address': '5 Đinh Tiên Hoàng, phường Phú Xuân, Huế',
    'child.fullName': 'Lê Trần Minh Khang',
    'child.dateOfBirth': '2026-02-20',
    'child.sex': 'male',
    'child.ethnicity': 'Kinh',
    'child.nationality': 'Việt Nam',
    'child.placeOfBirth': 'Bệnh viện Trung ương Huế',
    'child.hometown': 'Phú Xuân, Huế',
    'mother.fullName': 'Trần Thị Bình',
    'mother.birthYear': '1990',
    'request.relationship': 'mother',
    'request.copies': '2',
    'request.pledge': true,
    'place.agencyId': deskId,
    'delivery.method': 'online',
  };
}
