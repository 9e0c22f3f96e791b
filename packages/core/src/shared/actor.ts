/** Who acts. Officers act for agencies through role grants; citizens only for themselves. */
export const officerRoles = [
  'reception_officer',
  'specialist',
  'department_head',
  'agency_leader',
  'desk_supervisor',
  'monitor',
  'system_administrator',
] as const;
export type OfficerRole = (typeof officerRoles)[number];

export interface RoleGrant {
  readonly role: OfficerRole;
  readonly agencyId: string;
  /** The grant reaches the agency's sub-agencies too (e.g. a city monitor over all communes). */
  readonly includeSubAgencies: boolean;
}

export interface OfficerActor {
  readonly kind: 'officer';
  readonly userId: string;
  readonly displayName: string;
  readonly grants: readonly RoleGrant[];
  /** Every agency id the officer may see records of: grant agencies plus sub-agencies where the grant allows. */
  readonly visibleAgencyIds: readonly string[];
}

export interface CitizenActor {
  readonly kind: 'citizen';
  readonly userId: string;
  readonly displayName: string;
}

export interface SystemActor {
  readonly kind: 'system';
  /** Which job or command acts, e.g. 'deadline-sweep', 'cli:seed'. */
  readonly name: string;
}

export interface AnonymousActor {
  readonly kind: 'anonymous';
}

export type Actor = OfficerActor | CitizenActor | SystemActor | AnonymousActor;

export function actorId(actor: Actor): string | null {
  switch (actor.kind) {
    case 'officer':
    case 'citizen':
      return actor.userId;
    case 'system':
      return actor.name;
    case 'anonymous':
      return null;
  }
}

export function hasRole(actor: Actor, role: OfficerRole, agencyId?: string): boolean {
  if (actor.kind !== 'officer') return false;
  return actor.grants.some((g) => g.role === role && (agencyId === undefined || g.agencyId === agencyId));
}

/** Whether records of the agency are in the actor's scope (system jobs see everything). */
export function canSeeAgency(actor: Actor, agencyId: string): boolean {
  return actor.kind === 'system' || (actor.kind === 'officer' && actor.visibleAgencyIds.includes(agencyId));
}
