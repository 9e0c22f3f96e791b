/**
 * The officer workspace's side navigation. Each screen of issue 7 adds its entry here when it exists, with the
 * roles that may use it (none: every officer). Labels are keys of the `office` namespace.
 */
import type { SessionUser } from '@motcua/contracts/identity';

type OfficerRoleName = SessionUser['roles'][number]['role'];

export interface OfficeNavItem {
  to: string;
  label: 'nav.home' | 'nav.calendar' | 'nav.calendarDecisions' | 'nav.catalog' | 'nav.deadlines' | 'nav.reception' | 'nav.leaderDesk' | 'nav.inbox' | 'nav.queue' | 'nav.ledger' | 'nav.admin';
  /** Roles that see the entry; empty or absent: every officer. */
  roles?: readonly OfficerRoleName[];
  /** Active only on this exact path (for the area's home). */
  end?: boolean;
}

export const officeNav: readonly OfficeNavItem[] = [
  { to: '/office', label: 'nav.home', end: true },
  { to: '/office/inbox', label: 'nav.inbox', roles: ['reception_officer', 'desk_supervisor', 'specialist', 'department_head', 'agency_leader'] },
  { to: '/office/queue', label: 'nav.queue', roles: ['reception_officer', 'desk_supervisor'] },
  { to: '/office/reception', label: 'nav.reception', roles: ['reception_officer', 'desk_supervisor'] },
  { to: '/office/leader', label: 'nav.leaderDesk', roles: ['agency_leader'] },
  { to: '/office/deadlines', label: 'nav.deadlines', roles: ['agency_leader', 'desk_supervisor', 'department_head'] },
  { to: '/office/ledger', label: 'nav.ledger', roles: ['reception_officer', 'desk_supervisor', 'agency_leader', 'monitor'] },
  { to: '/office/calendar', label: 'nav.calendar', end: true },
  { to: '/office/admin', label: 'nav.admin', roles: ['system_administrator'] },
  { to: '/office/calendar/decisions', label: 'nav.calendarDecisions', roles: ['system_administrator'] },
  { to: '/office/catalog', label: 'nav.catalog', roles: ['system_administrator'] },
];

export function navFor(user: SessionUser, items: readonly OfficeNavItem[] = officeNav): OfficeNavItem[] {
  const roles = new Set(user.roles.map((grant) => grant.role));
  return items.filter((item) => !item.roles?.length || item.roles.some((role) => roles.has(role)));
}
