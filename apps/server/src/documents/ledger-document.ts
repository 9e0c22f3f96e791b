/**
 * The desk ledger (sổ theo dõi hồ sơ, Form 07 of TT 03/2025 / 06 of TT 01/2018) as a document input, from the
 * dossier engine's ledger rows: one builder for the documents route (a year, as PDF) and the monitoring export (a
 * period, as PDF or Excel), so both print the same columns, heading and form number.
 */
import type { LedgerInput } from '@motcua/core/documents';
import { formFor } from '@motcua/core/dossiers';
import type { Queryable } from '@motcua/db';
import type { LedgerRow } from '@motcua/db/dossiers';
import { findAgenciesByIds } from '@motcua/db/organization';
import type { AppDeps } from '../deps';
import { policyOf } from '../dossiers/dossier.services';

/** Agencies' names and parents (one read, plus one for the parents). */
export async function agencyNames(db: Queryable, ids: readonly (string | null)[]): Promise<Map<string, { name: string; parentId: string | null }>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const agencies = await findAgenciesByIds(db, wanted);
  const parents = await findAgenciesByIds(db, agencies.map((a) => a.parentId).filter((id): id is string => id !== null));
  const map = new Map<string, { name: string; parentId: string | null }>();
  for (const a of [...agencies, ...parents]) map.set(a.id, { name: a.name, parentId: a.parentId });
  return map;
}

/** The ledger of a desk for a year, or for a period (`period`, local dates) when given. */
export async function ledgerInput(
  deps: AppDeps,
  db: Queryable,
  deskId: string,
  rows: readonly LedgerRow[],
  heading: { readonly year: number; readonly period?: { readonly from: string; readonly to: string } },
): Promise<LedgerInput> {
  const names = await agencyNames(db, [deskId, ...rows.map((r) => r.competentAgencyId)]);
  const desk = names.get(deskId);
  const lastDay = heading.period?.to ?? `${heading.year}-12-31`;
  const form = formFor('ledger', new Date(`${lastDay}T00:00:00Z`), policyOf(deps.config).formSets);
  return {
    form: { set: form.set, number: form.number ?? '', title: form.title ?? 'Sổ theo dõi hồ sơ' },
    issuer: { name: desk?.name ?? '', parentName: desk?.parentId ? names.get(desk.parentId)?.name ?? null : null, place: deps.config.documents.place },
    year: heading.year,
    ...(heading.period ? { period: heading.period } : {}),
    issuedAt: deps.clock.now(),
    rows: rows.map((r) => ({ ...r, competentAgencyName: names.get(r.competentAgencyId)?.name ?? '' })),
  };
}
