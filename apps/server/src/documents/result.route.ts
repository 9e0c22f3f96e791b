/**
 * Result documents over HTTP: an officer of the competent agency (specialist, department head or leader) drafts
 * the result — from a template with the dossier's data, or from a PDF uploaded to the dossier as a result
 * attachment — and the agency leader approves it. The approval enqueues `document.sign` for the approved document
 * (under the same dedupe key as the signing module's periodic pickup, so it is signed once, at once).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError, hasRole, type DomainError, type OfficerActor, type OfficerRole, type Result } from '@motcua/core';
import {
  approveResult,
  draftRenderedResult,
  draftUploadedResult,
  resultDocumentDefinition,
  resultTemplateTitles,
} from '@motcua/core/documents';
import { dossierTopics, partyOf, type Dossier } from '@motcua/core/dossiers';
import { documentParams, issuedDocumentSchema, resultDraftBody } from '@motcua/contracts/documents';
import { dossierIdParams } from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { runDocumentUseCase } from '@motcua/db/documents';
import { findDossier } from '@motcua/db/dossiers';
import { findAgenciesByIds } from '@motcua/db/organization';
import type { AppDeps } from '../deps';
import { contextOf, requireOfficer } from '../identity/guards';
import { toDocumentDto } from './document.dto';
import { documentServices } from './document.services';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 415: problemSchema };
const drafters: readonly OfficerRole[] = ['specialist', 'department_head', 'agency_leader'];

async function dossierFor(deps: AppDeps, officer: OfficerActor, id: string, roles: readonly OfficerRole[]): Promise<Dossier> {
  const dossier = await findDossier(deps.db, officer, id);
  if (!dossier) throw new DomainErrorException(domainError('NOT_FOUND', `No dossier ${id}`, { entity: 'dossier' }));
  if (!roles.some((role) => hasRole(officer, role, dossier.competentAgencyId))) {
    throw new DomainErrorException(domainError('DOSSIER_ACTOR_NOT_ALLOWED', 'This needs a role at the competent agency'));
  }
  return dossier;
}

function unwrap<T>(result: Result<T, DomainError>): T {
  if (!result.ok) throw new DomainErrorException(result.error);
  return result.value;
}

export async function resultRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = documentServices(deps);

  api.post(
    '/dossiers/:id/results/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Draft the result document: from a template with the dossier data, or from an uploaded result PDF (content key)',
        params: dossierIdParams,
        body: resultDraftBody,
        response: { 201: issuedDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const officer = requireOfficer(request);
      const dossier = await dossierFor(deps, officer, request.params.id, drafters);
      const body = request.body;
      const createdBy = `officer:${officer.userId}`;
      let document;
      if ('contentKey' in body) {
        const [attachment] = await deps.db.query<{ id: string }>(
          "SELECT id FROM dossier_attachment WHERE dossier_id = $1 AND sha256 = $2 AND purpose = 'result' LIMIT 1",
          [dossier.id, body.contentKey],
        );
        if (!attachment) throw new DomainErrorException(domainError('DOCUMENT_CONTENT_MISSING', 'No result file with this key was uploaded to the dossier'));
        const context = { dossierId: dossier.id, competentAgencyId: dossier.competentAgencyId, title: body.title ?? 'Kết quả giải quyết thủ tục hành chính', replaces: body.replaces ?? null, createdBy };
        document = unwrap(await runDocumentUseCase(deps.db, contextOf(request, deps.clock), services, (u) => draftUploadedResult(u, context, body.contentKey)));
      } else {
        const agencies = await findAgenciesByIds(deps.db, [dossier.competentAgencyId]);
        const agency = agencies[0];
        const parent = agency?.parentId ? (await findAgenciesByIds(deps.db, [agency.parentId]))[0] : undefined;
        const title = resultTemplateTitles[body.template];
        const context = { dossierId: dossier.id, competentAgencyId: dossier.competentAgencyId, title, replaces: body.replaces ?? null, createdBy };
        const issuedAt = deps.clock.now();
        document = unwrap(
          await runDocumentUseCase(deps.db, contextOf(request, deps.clock), services, (u) =>
            draftRenderedResult(u, context, (id, documentNumber) =>
              resultDocumentDefinition({
                template: body.template,
                issuer: { name: agency?.name ?? '', parentName: parent?.name ?? null, place: services.place },
                signerTitle: body.signerTitle ?? 'CHỦ TỊCH',
                signerName: body.signerName ?? null,
                documentNumber,
                issuedAt,
                verificationUrl: services.verificationUrl(id),
                dossierCode: dossier.code,
                applicantName: (partyOf(dossier, 'owner') ?? partyOf(dossier, 'applicant'))?.fullName ?? null,
                procedureName: dossier.procedure.procedureName,
                receivedAt: dossier.receivedAt,
                resultText: body.resultText ?? '',
                fields: body.fields ?? {},
              }),
            ),
          ),
        );
      }
      return reply.code(201).send(toDocumentDto(document));
    },
  );

  api.post(
    '/dossiers/:id/documents/:documentId/approval',
    {
      schema: {
        tags: ['documents'],
        summary: 'The agency leader approves a result draft; it is then signed (never changed)',
        params: documentParams,
        response: { 200: issuedDocumentSchema, ...errors },
      },
    },
    async (request) => {
      const officer = requireOfficer(request);
      const dossier = await dossierFor(deps, officer, request.params.id, ['agency_leader']);
      const approved = unwrap(
        await runDocumentUseCase(deps.db, contextOf(request, deps.clock), services, async (u) => {
          const result = await approveResult(u, officer, dossier.id, request.params.documentId);
          if (result.ok) {
            u.outbox.enqueue({
              topic: dossierTopics.signResult,
              payload: { issuedDocumentId: result.value.id },
              dedupeKey: `sign-issued:${result.value.id}`,
            });
          }
          return result;
        }),
      );
      return toDocumentDto(approved);
    },
  );
}
