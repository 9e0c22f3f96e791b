/**
 * Actions on a dossier, as sub-resources: `POST /dossiers/{id}/<action>`. Each runs one transition in one unit of
 * work. `If-Match: "<version>"` makes the action conditional on the version the caller saw (409 STALE_VERSION
 * otherwise); without it, concurrent actions still queue on the dossier's row lock and the later one is judged on
 * the state the earlier one left. Receptions accept an Idempotency-Key.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainErrorException, domainError } from '@motcua/core';
import { actOnDossier, type DossierAction } from '@motcua/core/dossiers';
import {
  answerBody,
  assignmentBody,
  consultationBody,
  consultationParams,
  deliveryBody,
  dueTimeShiftBody,
  dossierIdParams,
  dossierSchema,
  extensionBody,
  legCompletionBody,
  legParams,
  noteBody,
  paymentBody,
  paymentRequestBody,
  refusalBody,
  resultBody,
  returnBody,
  stepParams,
  stepReturnBody,
  stopBody,
  supplementBody,
  supplementRequestBody,
  withdrawalBody,
} from '@motcua/contracts/dossiers';
import { problemSchema } from '@motcua/contracts';
import { findDecision } from '@motcua/db/calendar';
import { findDossier, listAttachments, runIdempotentDossierUseCase } from '@motcua/db/dossiers';
import { listStepOfficers } from '@motcua/db/identity';
import { createHash } from 'node:crypto';
import type { AppDeps } from '../deps';
import { contextOf } from '../identity/guards';
import { dossierView, requireSignedIn } from './dossier.route';
import { dossierServices } from './dossier.services';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

/** If-Match: "3", W/"3" or 3 → 3; absent → null. */
export function expectedVersion(request: FastifyRequest): number | null {
  const header = request.headers['if-match'];
  if (header === undefined || header === '*') return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(String(header).trim());
  if (!match) throw new DomainErrorException(domainError('VALIDATION_FAILED', 'If-Match must be the dossier version, e.g. "3"'));
  return Number(match[1]);
}

type Schema = z.ZodType;

interface ActionSpec<P extends Schema, B extends Schema | undefined> {
  readonly path: string;
  readonly summary: string;
  readonly params: P;
  readonly body?: B;
  readonly idempotent?: boolean;
  readonly toAction: (
    params: z.infer<P>,
    body: B extends Schema ? z.infer<B> : undefined,
    request: FastifyRequest,
  ) => DossierAction | Promise<DossierAction>;
}

export async function dossierActionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const services = dossierServices(deps);

  async function run(request: FastifyRequest, reply: FastifyReply, dossierId: string, action: DossierAction, idempotent: boolean) {
    const actor = requireSignedIn(request);
    const version = expectedVersion(request);
    const key = request.headers['idempotency-key'];
    const idempotency =
      idempotent && typeof key === 'string' && key.length > 0 && key.length <= 200 && actor.kind === 'officer'
        ? {
            scope: `${actor.userId}:POST /dossiers/${dossierId}/${action.type}`,
            key,
            requestHash: createHash('sha256').update(JSON.stringify({ dossierId, action })).digest('hex'),
            respond: () => ({ statusCode: 200, body: { id: dossierId } }),
          }
        : null;
    const answer = await runIdempotentDossierUseCase(
      deps.db,
      contextOf(request, deps.clock),
      services,
      (d) => actOnDossier(d, dossierId, action, version),
      idempotency,
    );
    if (!answer.ok) throw new DomainErrorException(answer.error);
    const dossier = answer.value.kind === 'fresh' ? answer.value.value : await findDossier(deps.db, actor, dossierId);
    if (!dossier) throw new DomainErrorException(domainError('NOT_FOUND', `No dossier ${dossierId}`, { entity: 'dossier' }));
    reply.header('etag', `"${dossier.version}"`);
    return dossierView(services, dossier, deps.db, deps.clock.now());
  }

  function action<P extends Schema, B extends Schema | undefined = undefined>(spec: ActionSpec<P, B>): void {
    api.post(
      spec.path,
      {
        schema: {
          tags: ['dossier actions'],
          summary: spec.summary,
          params: spec.params,
          ...(spec.body ? { body: spec.body } : {}),
          headers: z.object({ 'if-match': z.string().optional().describe('The dossier version the caller saw, e.g. "3"') }),
          response: { 200: dossierSchema, ...errors },
        },
      },
      async (request, reply) => {
        const params = request.params as z.infer<P>;
        const body = (request.body ?? undefined) as B extends Schema ? z.infer<B> : undefined;
        const todo = await spec.toAction(params, body, request);
        return run(request, reply, (params as { id: string }).id, todo, spec.idempotent ?? false);
      },
    );
  }

  action({
    path: '/dossiers/:id/reception',
    summary: 'Receive an online dossier after its check (status 1 → 2): code, Form 01, clock. Accepts Idempotency-Key.',
    params: dossierIdParams,
    idempotent: true,
    toAction: () => ({ type: 'receive' }),
  });
  action({
    path: '/dossiers/:id/refusal',
    summary: 'Refuse with reasons (Form 03): at the reception check (status 1 → 3) or after appraisal (agency leader)',
    params: dossierIdParams,
    body: refusalBody,
    toAction: async (p, b, request) => {
      const dossier = await findDossier(deps.db, requireSignedIn(request), p.id);
      return dossier?.state === 'submitted'
        ? { type: 'refuse_at_reception', reason: b.reason }
        : { type: 'refuse_after_appraisal', reasons: b.reason };
    },
  });
  action({
    path: '/dossiers/:id/supplement-requests',
    summary: 'Ask for a supplement (Form 02) — at most once per dossier; after reception the clock restarts when it arrives',
    params: dossierIdParams,
    body: supplementRequestBody,
    toAction: (_p, b) => ({ type: 'request_supplement', items: b.items, reason: b.reason }),
  });
  action({
    path: '/dossiers/:id/supplements',
    summary: 'The applicant’s supplement arrived (online by the applicant, or recorded at the desk)',
    params: dossierIdParams,
    body: supplementBody,
    toAction: (_p, b) => ({ type: 'provide_supplement', documents: b.documents, note: b.note }),
  });
  action({
    path: '/dossiers/:id/transfer',
    summary: 'Hand the dossier to the competent agency (status 2 → 4); the internal workflow starts',
    params: dossierIdParams,
    body: noteBody,
    toAction: (_p, b) => ({ type: 'transfer', note: b.note }),
  });
  action({
    path: '/dossiers/:id/steps/:stepId/claim',
    summary: 'Claim the active step (an officer with its role in its unit)',
    params: stepParams,
    toAction: (p) => ({ type: 'claim_step', stepId: p.stepId }),
  });
  action({
    path: '/dossiers/:id/steps/:stepId/assignment',
    summary: 'Assign the active step to an officer (department head or agency leader)',
    params: stepParams,
    body: assignmentBody,
    // The assignee must hold the step's role at the step's agency (GET /step-officers lists them); the name
    // recorded is the account's, not the caller's text.
    toAction: async (p, b, request) => {
      const dossier = await findDossier(deps.db, requireSignedIn(request), p.id);
      const step = dossier?.steps.find((s) => s.id === p.stepId);
      if (!step) return { type: 'assign_step', stepId: p.stepId, assigneeId: b.assigneeId, assigneeName: b.assigneeName };
      const [eligible] = await listStepOfficers(deps.db, { agencyId: step.agencyId, role: step.role, userId: b.assigneeId, limit: 1 });
      if (!eligible) {
        throw new DomainErrorException(
          domainError('DOSSIER_ASSIGNEE_NOT_ELIGIBLE', 'The assignee does not hold the step’s role at its agency', { field: 'assigneeId' }),
        );
      }
      return { type: 'assign_step', stepId: p.stepId, assigneeId: eligible.id, assigneeName: eligible.displayName };
    },
  });
  action({
    path: '/dossiers/:id/steps/:stepId/completion',
    summary: 'Complete the active step; the next one starts with its own due time',
    params: stepParams,
    body: noteBody,
    toAction: (p, b) => ({ type: 'complete_step', stepId: p.stepId, note: b.note }),
  });
  action({
    path: '/dossiers/:id/steps/:stepId/return',
    summary: 'Send the dossier back to an earlier step with a reason',
    params: stepParams,
    body: stepReturnBody,
    toAction: (p, b) => ({ type: 'return_step', stepId: p.stepId, toStepId: b.toStepId, reason: b.reason }),
  });
  action({
    path: '/dossiers/:id/consultations',
    summary: 'Ask another unit for an opinion within a sub-deadline (working hours)',
    params: dossierIdParams,
    body: consultationBody,
    toAction: (_p, b) => ({ type: 'request_consultation', toAgencyId: b.toAgencyId, question: b.question, budgetHours: b.budgetHours }),
  });
  action({
    path: '/dossiers/:id/consultations/:consultationId/answer',
    summary: 'Answer a consultation (the consulted unit)',
    params: consultationParams,
    body: answerBody,
    toAction: (p, b) => ({ type: 'answer_consultation', consultationId: p.consultationId, answer: b.answer }),
  });
  action({
    path: '/dossiers/:id/inter-agency-legs/:legId/completion',
    summary: 'A participating agency completes its part of an inter-agency procedure',
    params: legParams,
    body: legCompletionBody,
    toAction: (p, b) => ({ type: 'complete_leg', legId: p.legId, outcome: b.outcome }),
  });
  action({
    path: '/dossiers/:id/financial-obligations',
    summary: 'Ask the applicant to pay fees or taxes (status 6); pauses the clock when the procedure case says so',
    params: dossierIdParams,
    body: paymentRequestBody,
    toAction: (_p, b) => ({ type: 'request_payment', items: b.items }),
  });
  action({
    path: '/dossiers/:id/payment',
    summary: 'Record that the financial obligation was paid (status 6 → 4)',
    params: dossierIdParams,
    body: paymentBody,
    toAction: (_p, b) => ({ type: 'confirm_payment', reference: b.reference }),
  });
  action({
    path: '/dossiers/:id/extensions',
    summary: 'Apologise and extend the due time (Form 04): once, at least 1 working day before the due time',
    params: dossierIdParams,
    body: extensionBody,
    toAction: (_p, b) => ({ type: 'extend', newDueAt: new Date(b.newDueAt), reason: b.reason, draftEventId: b.draftEventId }),
  });
  action({
    path: '/dossiers/:id/stop',
    summary: 'Stop processing at the applicant’s request while no decision exists (NĐ 118 Art. 21, Form 05 of TT 03/2025)',
    params: dossierIdParams,
    body: stopBody,
    toAction: (_p, b, request) => ({
      type: 'stop',
      reason: b.reason,
      requestChannel: b.requestChannel ?? (request.actor.kind === 'citizen' ? 'online' : 'counter'),
    }),
  });
  action({
    path: '/dossiers/:id/withdrawal',
    summary: 'The applicant withdraws the dossier (status 7)',
    params: dossierIdParams,
    body: withdrawalBody,
    toAction: (_p, b) => ({ type: 'withdraw', reason: b.reason }),
  });
  action({
    path: '/dossiers/:id/result',
    summary: 'Record the result (status 9): the workflow, consultations and inter-agency parts must be complete',
    params: dossierIdParams,
    body: resultBody,
    toAction: async (p, b) => {
      // The result's files must be this dossier's result attachments (uploaded with purpose result).
      if (b.attachmentIds.length > 0) {
        const results = new Set((await listAttachments(deps.db, p.id)).filter((a) => a.purpose === 'result').map((a) => a.id));
        const unknown = b.attachmentIds.filter((id) => !results.has(id));
        if (unknown.length > 0) {
          throw new DomainErrorException(domainError('DOSSIER_ATTACHMENT_UNKNOWN', 'Not result attachments of this dossier', { attachmentIds: unknown }));
        }
      }
      return { type: 'record_result', ...b };
    },
  });
  action({
    path: '/dossiers/:id/return',
    summary: 'Return the result at the desk (who received it), by post (waybill) or online (status 10)',
    params: dossierIdParams,
    body: returnBody,
    toAction: (_p, b) => ({ type: 'return_result', method: b.method, receiverName: b.receiverName, receiverRole: b.receiverRole, waybillNumber: b.waybillNumber }),
  });
  action({
    path: '/dossiers/:id/due-time-shift',
    summary: 'Apply a calendar decision to the due time (desk supervisor): recomputed on the calendar in force, one event, audited',
    params: dossierIdParams,
    body: dueTimeShiftBody,
    toAction: async (_p, b) => {
      if (!(await findDecision(deps.db, b.decisionId))) {
        throw new DomainErrorException(domainError('NOT_FOUND', 'No such calendar decision', { entity: 'calendar_decision' }));
      }
      return { type: 'shift_due_time', decisionId: b.decisionId, note: b.note };
    },
  });
  action({
    path: '/dossiers/:id/delivery',
    summary: 'The post delivered the result (status 10)',
    params: dossierIdParams,
    body: deliveryBody,
    toAction: (_p, b) => ({ type: 'confirm_delivery', deliveredAt: b.deliveredAt ? new Date(b.deliveredAt) : null, receiverName: b.receiverName }),
  });
}
