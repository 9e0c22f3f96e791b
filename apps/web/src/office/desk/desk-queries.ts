/**
 * The dossier API for the officer's screens (docs/dossiers.md): the desks the officer receives at, the catalogue
 * search and detail the reception desk needs, one dossier with its history and control sheet, the inbox, and every
 * action. Actions send `If-Match: "<version>"` (the version the officer saw): a stale page gets 409 STALE_VERSION.
 * Every write invalidates everything under ['dossiers'].
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { procedureDetailResponse, procedureListResponse } from '@motcua/contracts/catalog';
import {
  controlSheetResponse,
  deadlinesResponse,
  dossierEventsResponse,
  dossierSchema,
  inboxResponse,
  listDossiersResponse,
  queueResponse,
  type newDossierBody,
} from '@motcua/contracts/dossiers';
import type { SessionUser } from '@motcua/contracts/identity';
import { listAgenciesResponse } from '@motcua/contracts/organization';
import { api, type Infer } from '../../api';

export type Dossier = Infer<typeof dossierSchema>;
export type DossierEvent = Infer<typeof dossierEventsResponse>['events'][number];
export type ControlSheet = Infer<typeof controlSheetResponse>;
export type InboxItem = Infer<typeof listDossiersResponse>['items'][number];
export type InboxTab = Infer<typeof inboxResponse>['tab'];
export type ProcedureDetail = Infer<typeof procedureDetailResponse>;
export type ProcedureCase = ProcedureDetail['content']['cases'][number];
export type NewDossierRequest = Infer<typeof newDossierBody>;
export type Agency = Infer<typeof listAgenciesResponse>['agencies'][number];

export const dossiersKey = ['dossiers'] as const;
const deskRoles = new Set(['reception_officer', 'desk_supervisor']);

/** The desks (kind desk) the user's reception grants reach: the granted agency itself, its children, grandchildren. */
export function desksOf(user: SessionUser, agencies: readonly Agency[]): Agency[] {
  const granted = new Set(user.roles.filter((g) => deskRoles.has(g.role)).map((g) => g.agencyId));
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const reaches = (agency: Agency): boolean => {
    for (let cursor: Agency | undefined = agency, depth = 0; cursor && depth < 4; cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined, depth++) {
      if (granted.has(cursor.id)) return true;
    }
    return false;
  };
  return agencies.filter((a) => a.kind === 'desk' && reaches(a));
}

export function useAgencies() {
  return useQuery({
    queryKey: ['agencies', 'list'],
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) => api.get('/agencies', listAgenciesResponse, { signal }),
  });
}

export function useProcedureSearch(q: string, deskCode: string | null) {
  return useQuery({
    queryKey: ['catalog', 'search', q, deskCode],
    enabled: q.trim().length >= 2 && deskCode !== null,
    queryFn: ({ signal }) =>
      api.get(`/procedures?${new URLSearchParams({ q: q.trim(), agency: deskCode ?? '', pageSize: '8' }).toString()}`, procedureListResponse, { signal }),
  });
}

export function useProcedureDetail(code: string | null) {
  return useQuery({
    queryKey: ['catalog', 'procedure', code],
    enabled: code !== null,
    queryFn: ({ signal }) => api.get(`/procedures/${encodeURIComponent(code!)}`, procedureDetailResponse, { signal }),
  });
}

export function useCreateDossier() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: NewDossierRequest; idempotencyKey: string }) =>
      api.post('/dossiers', body, dossierSchema, { headers: { 'idempotency-key': idempotencyKey } }),
    onSuccess: () => client.invalidateQueries({ queryKey: dossiersKey }),
  });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: [...dossiersKey, 'one', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(id!)}`, dossierSchema, { signal }),
  });
}

export function useDossierEvents(id: string | undefined) {
  return useQuery({
    queryKey: [...dossiersKey, 'events', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(id!)}/events`, dossierEventsResponse, { signal }),
  });
}

export function useControlSheet(id: string | undefined) {
  return useQuery({
    queryKey: [...dossiersKey, 'control-sheet', id],
    enabled: Boolean(id),
    queryFn: ({ signal }) => api.get(`/dossiers/${encodeURIComponent(id!)}/control-sheet`, controlSheetResponse, { signal }),
  });
}

/** Live counts: the inbox refetches every 30 s while the page is visible (and on focus). */
export const inboxRefetchMs = 30_000;

/** The online queue: the dossiers waiting for the desk's check (status 1), counted, one page, the longest waiting first; every 30 s. */
export function useQueue(query: string) {
  return useQuery({
    queryKey: [...dossiersKey, 'queue', query],
    // Opening the queue always asks again; then every 30 s.
    staleTime: 0,
    refetchOnMount: 'always',
    refetchInterval: inboxRefetchMs,
    refetchOnWindowFocus: true,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get(`/dossiers/queue?${query}`, queueResponse, { signal }),
  });
}

/** The deadlines list: every dossier of my units at risk or overdue, counted, one page, the most urgent first; every 30 s. */
export function useDeadlines(query: string) {
  return useQuery({
    queryKey: [...dossiersKey, 'deadlines', query],
    staleTime: 0,
    refetchOnMount: 'always',
    refetchInterval: inboxRefetchMs,
    refetchOnWindowFocus: true,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get(`/dossiers/deadlines?${query}`, deadlinesResponse, { signal }),
  });
}

export type InboxPage = Infer<typeof inboxResponse>;

/** One page of one inbox tab with every tab's count, filtered on the server; every 30 s and on focus. */
export function useInboxTab(query: string) {
  return useQuery({
    queryKey: [...dossiersKey, 'inbox', query],
    staleTime: 0,
    refetchOnMount: 'always',
    refetchInterval: inboxRefetchMs,
    refetchOnWindowFocus: true,
    // Paging or changing the filter keeps the last answer on screen until the next one arrives.
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get(`/dossiers/inbox?${query}`, inboxResponse, { signal }),
  });
}

/** One action on a dossier (`/dossiers/{id}/<path>`), on the version the officer saw. */
export function useDossierAction(dossier: Pick<Dossier, 'id' | 'version'> | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, idempotencyKey }: { path: string; body: unknown; idempotencyKey?: string }) =>
      api.post(`/dossiers/${encodeURIComponent(dossier!.id)}/${path}`, body, dossierSchema, {
        headers: { 'if-match': `"${dossier!.version}"`, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      }),
    onSuccess: (next) => {
      client.setQueryData([...dossiersKey, 'one', next.id], next);
      return client.invalidateQueries({ queryKey: dossiersKey });
    },
  });
}

/** A new Idempotency-Key for one attempt at a write. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
