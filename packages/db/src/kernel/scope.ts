/**
 * Scoping in the data layer (ADR 0005). Every repository read that can return agency or personal data takes
 * the actor's scope and filters in SQL:
 *
 *   const params: unknown[] = [id];
 *   const rows = await q.query(
 *     `SELECT ... FROM dossier WHERE id = $1 AND ${agencyFilter(scopeOf(actor), 'receiving_agency_id', params)}`,
 *     params,
 *   );
 *   if (rows.length === 0) return err(notFound('dossier', id));   // out of scope answers exactly like absent
 *
 * An officer's scope is `visibleAgencyIds`, computed when the session loads: the agencies of the officer's role
 * grants, their sub-agencies where a grant includes them, and every predecessor of those (a ward merged into
 * its successor in 2025 stays visible under the successor). A citizen's scope is their own user id; system jobs
 * see everything; anonymous callers nothing.
 */
import { domainError, type Actor, type DomainError } from '@motcua/core/shared';

export type RecordScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'agencies'; readonly agencyIds: readonly string[] }
  | { readonly kind: 'citizen'; readonly citizenId: string }
  | { readonly kind: 'none' };

export function scopeOf(actor: Actor): RecordScope {
  switch (actor.kind) {
    case 'system':
      return { kind: 'all' };
    case 'officer':
      return { kind: 'agencies', agencyIds: actor.visibleAgencyIds };
    case 'citizen':
      return { kind: 'citizen', citizenId: actor.userId };
    case 'anonymous':
      return { kind: 'none' };
  }
}

/**
 * A SQL condition restricting `column` (a uuid column holding an agency id) to the scope. Appends its parameter
 * to `params` and refers to it by position. Citizens get `false` here: filter their records with ownerFilter.
 */
export function agencyFilter(scope: RecordScope, column: string, params: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  if (scope.kind !== 'agencies') return 'false';
  params.push(scope.agencyIds);
  return `${column} = ANY($${params.length}::uuid[])`;
}

/** A SQL condition restricting `column` (the owning citizen's user id) to the calling citizen. */
export function ownerFilter(scope: RecordScope, column: string, params: unknown[]): string {
  if (scope.kind === 'all') return 'true';
  if (scope.kind !== 'citizen') return 'false';
  params.push(scope.citizenId);
  return `${column} = $${params.length}::uuid`;
}

/**
 * Records that both agencies and their applicants may read (a dossier): officers through the agency column,
 * citizens through the owner column.
 */
export function agencyOrOwnerFilter(scope: RecordScope, agencyColumn: string, ownerColumn: string, params: unknown[]): string {
  if (scope.kind === 'citizen') return ownerFilter(scope, ownerColumn, params);
  return agencyFilter(scope, agencyColumn, params);
}

/** The one answer for "absent or out of scope": the two must be indistinguishable. */
export function notFound(entity: string, id: string): DomainError<'NOT_FOUND'> {
  return domainError('NOT_FOUND', `No ${entity} ${id}`, { entity });
}
