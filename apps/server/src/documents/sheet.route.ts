/**
 * The forms drawn from many events, as PDF: the control sheet of a dossier (Form 06 of TT 03/2025, 05 of
 * TT 01/2018), issued on request and stored once per state of the dossier (it belongs to the dossier's latest
 * event), and the desk ledger of a year (Form 07 / 06), rendered on request and not stored: it grows every day.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { controlSheetDefinition, issueDocument, ledgerDefinition, type ControlSheetRowInput } from '@motcua/core/documents';
import { controlSheetOf, formFor, partyOf, timeLimitFor, type Dossier } from '@motcua/core/dossiers';
import { issuedDocumentSchema } from '@motcua/contracts/documents';
import { dossierIdParams, ledgerParams } from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { runDocumentUseCase } from '@motcua/db/documents';
import { findDossier, listDossierEvents, listLedger } from '@motcua/db/dossiers';
import type { Queryable } from '@motcua/db';
import type { AppDeps } from '../deps';
import { contentDisposition } from '../dossiers/attachments.route';
import { dossierServices } from '../dossiers/dossier.services';
import { contextOf, requireOfficer } from '../identity/guards';
import { documentServices } from './document.services';
import { agencyNames, ledgerInput } from './ledger-document';
import { toDocumentDto } from './document.dto';

const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema };

function sheetRows(dossier: Dossier, names: Map<string, { name: string }>): ControlSheetRowInput[] {
  const nameOf = (id: string | null) => (id ? names.get(id)?.name ?? '' : '');
  return controlSheetOf(dossier).rows.map((h) => ({
    giver: h.fromName ? `${h.fromName}${h.fromAgencyId ? ` (${nameOf(h.fromAgencyId)})` : ''}` : nameOf(h.fromAgencyId) || 'Tổ chức, cá nhân',
    receiver: nameOf(h.toAgencyId) || 'Tổ chức, cá nhân',
    handedOverAt: h.at,
    dueAt: h.dueAt,
    completedAt: h.completedAt,
    timeliness: h.timeliness,
    note: h.note,
  }));
}

export async function sheetRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = documentServices(deps);
  const policy = dossierServices(deps).policy;

  api.post(
    '/dossiers/:id/documents/control-sheet',
    {
      schema: {
        tags: ['documents'],
        summary: 'Issue the control sheet of the dossier as it stands (stored once per state; the same state answers the same document)',
        params: dossierIdParams,
        response: { 200: issuedDocumentSchema, ...errors },
      },
    },
    async (request) => {
      const officer = requireOfficer(request);
      const dossier = await findDossier(deps.db, officer, request.params.id);
      if (!dossier || !dossier.receivedAt) {
        throw new DomainErrorException(domainError('NOT_FOUND', `No received dossier ${request.params.id}`, { entity: 'dossier' }));
      }
      const events = await listDossierEvents(deps.db, dossier.id);
      const latest = events[events.length - 1]!;
      const cooperating = [...dossier.interAgencyLegs.map((l) => l.agencyId), ...dossier.consultations.map((c) => c.toAgencyId)];
      const handoverAgencies = dossier.handovers.flatMap((h) => [h.fromAgencyId, h.toAgencyId]);
      const names = await agencyNames(deps.db, [dossier.receivingAgencyId, dossier.competentAgencyId, ...cooperating, ...handoverAgencies]);
      const desk = names.get(dossier.receivingAgencyId);
      const form = formFor('control_sheet', dossier.receivedAt, policy.formSets);
      const issuedAt = deps.clock.now();
      const document = await runDocumentUseCase(deps.db, contextOf(request, deps.clock), services, (useCase) =>
        issueDocument(useCase, {
          dossierId: dossier.id,
          eventId: latest.id,
          kind: 'control_sheet',
          formSet: form.set,
          formNumber: form.number,
          title: form.title ?? 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
          issuingAgencyId: dossier.receivingAgencyId,
          issuedAt,
          numbered: true,
          createdBy: `officer:${officer.userId}`,
          layout: (id, documentNumber) =>
            controlSheetDefinition({
              form: { set: form.set, number: form.number ?? '', title: form.title ?? '' },
              issuer: { name: desk?.name ?? '', parentName: desk?.parentId ? names.get(desk.parentId)?.name ?? null : null, place: services.place },
              documentNumber,
              issuedAt,
              verificationUrl: services.verificationUrl(id),
              dossierCode: dossier.code,
              applicantName: (partyOf(dossier, 'applicant') ?? partyOf(dossier, 'owner'))?.fullName ?? null,
              procedureName: dossier.procedure.procedureName,
              competentAgencyName: names.get(dossier.competentAgencyId)?.name ?? '',
              cooperatingAgencyNames: [...new Set(cooperating)].map((a) => names.get(a)?.name ?? '').filter(Boolean),
              receivedAt: dossier.receivedAt,
              dueAt: dossier.dueAt,
              extendedDueAt: dossier.extendedDueAt,
              timeLimit: timeLimitFor(dossier.procedure, dossier.channel),
              rows: sheetRows(dossier, names),
            }),
        }),
      );
      return toDocumentDto(document);
    },
  );

  api.get(
    '/desks/:deskId/ledger/document',
    {
      schema: {
        tags: ['documents'],
        summary: 'The desk ledger of a year as a PDF (A4), rendered on request from the ledger rows',
        params: ledgerParams,
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: z.any().describe('The PDF'), ...errors },
      },
    },
    async (request, reply) => {
      const officer = requireOfficer(request);
      const { deskId } = request.params;
      if (!officer.visibleAgencyIds.includes(deskId)) {
        throw new DomainErrorException(domainError('NOT_FOUND', 'No such desk', { entity: 'desk' }));
      }
      const year = request.query.year;
      const rows = await listLedger(deps.db, officer, { deskAgencyId: deskId, year, limit: 5000 });
      const bytes = await services.renderer.render(ledgerDefinition(await ledgerInput(deps, deps.db, deskId, rows, { year })));
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition(`so-theo-doi-ho-so-${year}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
