/**
 * Where the signing of one issued document stands, for whoever may see its dossier (same scope and 404 as the
 * document's content): the leader's desk polls it after approving a result, so that the leader sees "signing…",
 * "signed", or why not ("no usable certificate for the agency", "signing failed") instead of waiting blind.
 * Read from the `document.sign` outbox message (dedupe key `sign-issued:<id>`) and `signed_document`; the job's
 * error text is never shown (it may name internals), only a stable word for it. The documents I approved recently
 * are listed for the desk to follow their signing after a reload.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { documentParams } from '@motcua/contracts/documents';
import { recentApprovalsQuery, recentApprovalsResponse, signingStatusResponse, type SigningStatusResponse } from '@motcua/contracts/signatures';
import { problemSchema } from '@motcua/contracts';
import { findDossierDocument, listRecentApprovals } from '@motcua/db/documents';
import { agencyLineage, findSignedVersion } from '@motcua/db/signatures';
import type { AppDeps } from '../deps';
import { requireSignedIn } from '../dossiers/dossier.route';
import { requireOfficer } from '../identity/guards';
import { certificateFor } from './signature.jobs';

interface SignMessage {
  status: 'pending' | 'processing' | 'done' | 'failed';
  attempts: number;
  availableAt: Date;
  lastError: string | null;
}

export async function signingStatusRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/dossiers/:id/documents/:documentId/signing',
    {
      schema: {
        tags: ['signatures'],
        summary: 'Where the signing of an issued document stands: queued, signing, retrying (and why), failed, signed',
        params: documentParams,
        response: { 200: signingStatusResponse, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request): Promise<SigningStatusResponse> => {
      const actor = requireSignedIn(request);
      const document = await findDossierDocument(deps.db, actor, request.params.id, request.params.documentId);
      if (!document) throw new DomainErrorException(domainError('NOT_FOUND', `No document ${request.params.documentId}`, { entity: 'document' }));
      const base = { documentId: document.id, attempts: 0, nextAttemptAt: null, problem: null, signedAt: null, signers: [], signedUrl: null };
      const signed = await findSignedVersion(deps.db, 'issued_document', document.id);
      const [message] = await deps.db.query<SignMessage>(
        `SELECT status, attempts, available_at AS "availableAt", last_error AS "lastError"
           FROM outbox_message WHERE dedupe_key = $1`,
        [`sign-issued:${document.id}`],
      );
      if (signed) {
        return {
          ...base,
          state: 'signed',
          attempts: message?.attempts ?? 0,
          signedAt: new Date(signed.signedAt).toISOString(),
          signers: signed.signers.map((s) => ({ commonName: s.commonName, purpose: s.purpose })),
          signedUrl: `/api/v1/dossiers/${document.dossierId}/documents/${document.id}/signed`,
        };
      }
      if (!message) return { ...base, state: document.approvedAt ? 'queued' : 'not_requested' };
      const attempts = message.attempts;
      if (message.status === 'processing') return { ...base, state: 'signing', attempts };
      if (message.status === 'pending' && !message.lastError) return { ...base, state: 'queued', attempts };
      // An attempt failed: say why in a stable word — is there a certificate that could sign now?
      const now = deps.clock.now();
      const lineage = await agencyLineage(deps.db, document.issuingAgencyId);
      const approver = document.approvedBy?.replace(/^officer:/, '') ?? null;
      const seal = await certificateFor(deps.db, lineage, 'seal', null, now);
      const personal = approver ? await certificateFor(deps.db, lineage, 'personal', approver, now) : null;
      const problem = seal || personal ? 'error' : 'no_certificate';
      if (message.status === 'failed') return { ...base, state: 'failed', attempts, problem };
      if (message.status === 'done') return { ...base, state: 'failed', attempts, problem: 'error' };
      return { ...base, state: 'retrying', attempts, problem, nextAttemptAt: new Date(message.availableAt).toISOString() };
    },
  );
  api.get(
    '/signatures/recent-approvals',
    {
      schema: {
        tags: ['signatures'],
        summary: 'The result documents I approved recently (newest first, at most 50): the leader’s desk follows their signing across reloads',
        querystring: recentApprovalsQuery,
        response: { 200: recentApprovalsResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const actor = requireOfficer(request);
      const since = new Date(deps.clock.now().getTime() - request.query.hours * 3_600_000);
      const items = await listRecentApprovals(deps.db, actor, { since, limit: 50 });
      return { items: items.map((i) => ({ ...i, approvedAt: i.approvedAt.toISOString() })) };
    },
  );
}
