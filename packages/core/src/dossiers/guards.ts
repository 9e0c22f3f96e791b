/**
 * Guards and helpers shared by the transitions: who may act for which agency, which states allow an action, how
 * an event and a control-sheet row are made.
 */
import { actorId, type Actor, type OfficerRole } from '../shared/index';
import type { Dossier, Handover } from './dossier';
import { actorNotAllowed, invalidState, type DossierError } from './dossier.errors';
import { nationalStatusOf, type DossierState } from './dossier-state';
import type { FormReference } from './forms';
import { classifyTimeliness } from './timing';
import type { DossierEvent, DossierEventKind, TransitionContext } from './transition';

export function requireState(
  dossier: Dossier,
  action: string,
  allowed: readonly DossierState[],
): DossierError | null {
  return allowed.includes(dossier.state) ? null : invalidState(action, dossier.state, allowed);
}

/**
 * Whether the actor holds one of the roles for the agency: a grant on the agency itself, or a grant that reaches
 * sub-agencies while the agency is among those the officer sees.
 */
export function actsFor(actor: Actor, roles: readonly OfficerRole[], agencyId: string): boolean {
  if (actor.kind !== 'officer') return false;
  return actor.grants.some(
    (g) =>
      roles.includes(g.role) &&
      (g.agencyId === agencyId || (g.includeSubAgencies && actor.visibleAgencyIds.includes(agencyId))),
  );
}

export function requireRole(
  actor: Actor,
  action: string,
  roles: readonly OfficerRole[],
  agencyId: string,
): DossierError | null {
  return actsFor(actor, roles, agencyId) ? null : actorNotAllowed(action, roles, agencyId);
}

/** The citizen who owns the dossier online. */
export function isOwner(actor: Actor, dossier: Dossier): boolean {
  return actor.kind === 'citizen' && dossier.ownerUserId !== null && dossier.ownerUserId === actor.userId;
}

export function actorName(actor: Actor): string | null {
  switch (actor.kind) {
    case 'officer':
    case 'citizen':
      return actor.displayName;
    case 'system':
      return actor.name;
    case 'anonymous':
      return null;
  }
}

export interface EventFields {
  readonly agencyId: string | null;
  readonly note?: string | null;
  readonly form?: FormReference | null;
  readonly formData?: Readonly<Record<string, unknown>> | null;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function makeEvent(
  context: TransitionContext,
  before: Dossier | null,
  next: Dossier,
  kind: DossierEventKind,
  fields: EventFields,
): DossierEvent {
  const mapping = context.policy.statusMapping;
  return {
    id: context.ids.newId(),
    kind,
    at: context.now,
    actorKind: context.actor.kind,
    actorId: actorId(context.actor),
    actorName: actorName(context.actor),
    agencyId: fields.agencyId,
    fromState: before?.state ?? null,
    toState: next.state,
    fromStatus: before ? nationalStatusOf(before.state, mapping) : null,
    toStatus: nationalStatusOf(next.state, mapping),
    note: fields.note ?? null,
    form: fields.form ?? null,
    formData: fields.formData ?? null,
    details: fields.details ?? {},
  };
}

/** Kinds of hand-over that carry the dossier itself (the main line of the control sheet). */
const mainLine: ReadonlySet<Handover['kind']> = new Set([
  'reception',
  'transfer',
  'step',
  'return_step',
  'result',
  'return',
]);

/**
 * Appends a control-sheet row. A main-line row closes the previous open main-line row: the previous receiver's
 * part ended now and is classified against its due time.
 */
export function addHandover(
  dossier: Dossier,
  context: TransitionContext,
  row: Omit<Handover, 'id' | 'seq' | 'at' | 'completedAt' | 'timeliness'>,
): readonly Handover[] {
  const now = context.now;
  const closed = mainLine.has(row.kind) ? closeOpenMainLine(dossier.handovers, now) : dossier.handovers;
  const seq = closed.reduce((max, h) => Math.max(max, h.seq), 0) + 1;
  return [...closed, { ...row, id: context.ids.newId(), seq, at: now, completedAt: null, timeliness: null }];
}

export function closeOpenMainLine(handovers: readonly Handover[], now: Date): readonly Handover[] {
  return handovers.map((h) => (mainLine.has(h.kind) && h.completedAt === null ? completeHandover(h, now) : h));
}

export function completeHandover(h: Handover, now: Date): Handover {
  return { ...h, completedAt: now, timeliness: h.dueAt ? classifyTimeliness(now, h.dueAt) : null };
}

export function officerId(actor: Actor): string {
  return actorId(actor) ?? 'anonymous';
}

export function trimmed(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}
