/**
 * Demo accounts (README "Demo accounts"): for the city's Public Administration Service Centre and for Phường Phú
 * Xuân, one officer per working role; one system administrator for the whole city; one citizen. All share the
 * published password and the officers a published TOTP secret, and are marked is_demo.
 */
import type { OfficerRole } from '@motcua/core';
import { withUnitOfWork } from '@motcua/db';
import { findUserByIdentifier, insertUser } from '@motcua/db/identity';
import type { AdminDeps } from './user-admin';
import { createOfficerAccount } from './user-admin';
import { hashPassword } from './passwords';

export const DEMO_PASSWORD = 'MotCua@2026';
/** Base32, published in the README: add it to any authenticator app, or run `motcua user totp-code --email …`. */
export const DEMO_TOTP_SECRET = 'MOTCUADEMOHUEQRSTUVWXYZ234567ABC';
export const DEMO_CITIZEN_EMAIL = 'nguoidan@motcua.demo';

export interface DemoOfficer {
  readonly email: string;
  readonly displayName: string;
  readonly role: OfficerRole;
  readonly agencyCode: string;
  readonly includeSubAgencies: boolean;
}

const places = [
  { key: 'thanhpho', label: 'TTPVHCC thành phố', centre: '000.00.30.H57', committee: '000.00.30.H57' },
  { key: 'phuxuan', label: 'phường Phú Xuân', centre: '000.01.40.H57', committee: '000.00.40.H57' },
] as const;

const roles: { role: OfficerRole; key: string; name: string; at: 'centre' | 'committee' }[] = [
  { role: 'reception_officer', key: 'tiepnhan', name: 'Cán bộ tiếp nhận', at: 'centre' },
  { role: 'specialist', key: 'chuyenvien', name: 'Chuyên viên thụ lý', at: 'committee' },
  { role: 'department_head', key: 'truongphong', name: 'Trưởng phòng', at: 'committee' },
  { role: 'agency_leader', key: 'lanhdao', name: 'Lãnh đạo', at: 'committee' },
  { role: 'desk_supervisor', key: 'giamsat', name: 'Phụ trách bộ phận một cửa', at: 'centre' },
  { role: 'monitor', key: 'theodoi', name: 'Theo dõi, thống kê', at: 'committee' },
];

export const demoOfficers: DemoOfficer[] = [
  ...places.flatMap((p) =>
    roles.map((r) => ({
      email: `${r.key}.${p.key}@motcua.demo`,
      displayName: `${r.name} — ${p.label} (demo)`,
      role: r.role,
      agencyCode: r.at === 'centre' ? p.centre : p.committee,
      includeSubAgencies: true,
    })),
  ),
  {
    email: 'quantri@motcua.demo',
    displayName: 'Quản trị hệ thống (demo)',
    role: 'system_administrator',
    agencyCode: '000.00.00.H57',
    includeSubAgencies: true,
  },
];

export async function seedDemoAccounts(deps: AdminDeps): Promise<void> {
  for (const officer of demoOfficers) {
    if (await findUserByIdentifier(deps.db, { kind: 'email', value: officer.email })) continue;
    const result = await createOfficerAccount(deps, 'seed:identity', {
      ...officer,
      password: DEMO_PASSWORD,
      isDemo: true,
      totpSecret: DEMO_TOTP_SECRET,
    });
    if (!result.ok) throw new Error(`demo account ${officer.email}: ${result.error.message}`);
  }
  if (await findUserByIdentifier(deps.db, { kind: 'email', value: DEMO_CITIZEN_EMAIL })) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = deps.clock.now();
  await withUnitOfWork(deps.db, { actor: { kind: 'system', name: 'seed:identity' }, now }, async (uow) => {
    const user = await insertUser(uow.tx, {
      kind: 'citizen',
      displayName: 'Nguyễn Thị Người Dân (demo)',
      email: DEMO_CITIZEN_EMAIL,
      passwordHash,
      isDemo: true,
      createdAt: now,
    });
    if (user) uow.audit.record({ action: 'identity.user.register', targetType: 'user', targetId: user.id, summary: { kind: 'citizen', isDemo: true } });
  });
}
