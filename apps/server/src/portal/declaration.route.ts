/**
 * The online declaration (tờ khai) filed with a dossier:
 *   GET /dossiers/:id/declaration
 * The submitted draft's values (the portal keeps them: packages/db/src/portal), for whoever may see the dossier —
 * the officers of its agencies and the citizen who submitted it; out of scope answers 404 like a missing dossier.
 * A dossier with no declaration (received at the counter or by post, or submitted through the API without the
 * wizard) answers 404 DOSSIER_DECLARATION_NOT_FOUND. Like GET /dossiers/:id, the read is not audited (only writes are).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { problemSchema } from '@motcua/contracts';
import { dossierDeclarationResponse, dossierIdParams, type DossierDeclarationDto } from '@motcua/contracts/dossiers';
import { applicantSection, declarationFor } from '@motcua/contracts/portal-forms';
import { findDossier } from '@motcua/db/dossiers';
import { findDeclarationOfDossier, type PortalDraft } from '@motcua/db/portal';
import type { AppDeps } from '../deps';
import { requireSignedIn } from '../dossiers/dossier.route';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema };

/** The applicant step's keys besides its fields: who the dossier is for and in what capacity. */
const applicantExtras = ['applicant.for', 'applicant.capacity', 'applicant.authorisationDocument'];

type Value = DossierDeclarationDto['values'][string];
const scalar = (v: unknown): Value =>
  typeof v === 'string' ? (v.trim() === '' ? null : v) : typeof v === 'number' || typeof v === 'boolean' ? v : null;

/** The declaration's answer: the form's fields only (never the draft's other keys: place, delivery, ids). */
export function toDeclarationDto(draft: PortalDraft, dossierId: string): DossierDeclarationDto {
  const form = declarationFor(draft.procedureCode);
  const values = draft.content.values;
  const pick = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, scalar(values[id])]));
  return {
    dossierId,
    formId: form.id,
    procedureCode: draft.procedureCode,
    submittedAt: (draft.submittedAt ?? draft.updatedAt).toISOString(),
    values: pick(form.sections.flatMap((s) => s.fields.map((f) => f.id))),
    applicant: pick([...applicantSection.fields.map((f) => f.id), ...applicantExtras]),
  };
}

export async function declarationRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/dossiers/:id/declaration',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The online declaration (tờ khai) the applicant filled in on the portal: the form id, the procedure, when submitted, the values',
        description: 'Same scope as GET /dossiers/{id}. A dossier received at the counter or by post has none: 404 DOSSIER_DECLARATION_NOT_FOUND.',
        params: dossierIdParams,
        response: { 200: dossierDeclarationResponse, ...errors },
      },
    },
    async (request) => {
      const { id } = request.params;
      const dossier = await findDossier(deps.db, requireSignedIn(request), id);
      if (!dossier) throw new DomainErrorException(domainError('NOT_FOUND', `No dossier ${id}`, { entity: 'dossier' }));
      const draft = await findDeclarationOfDossier(deps.db, dossier.id);
      if (!draft) throw new DomainErrorException(domainError('DOSSIER_DECLARATION_NOT_FOUND', `Dossier ${id} has no online declaration`, { channel: dossier.channel }));
      return toDeclarationDto(draft, dossier.id);
    },
  );
}
