/**
 * Which actions the officer's roles allow on a dossier in its state (docs/dossiers.md, "Transitions"), and the
 * form each needs. Offered generously: the server decides, and what the law refuses is shown with its reason (a
 * second supplement request stays offered so that the refusal and its legal basis are visible).
 */
import type { TFunction } from 'i18next';
import type { SessionUser } from '@motcua/contracts/identity';
import type { Agency, Dossier } from '../desk/desk-queries';

export interface FieldSpec {
  name: string;
  label: string;
  /** `checks`: a group of checkboxes over `options`; the value is the ticked values, one a line. */
  kind: 'text' | 'textarea' | 'lines' | 'number' | 'select' | 'datetime' | 'checks';
  required?: boolean;
  hint?: string;
  initial?: string;
  options?: { value: string; label: string }[];
}

export interface ActionSpec {
  id: string;
  label: string;
  confirm?: string;
  lead?: string;
  tone?: 'primary' | 'secondary' | 'danger';
  path: string;
  fields: FieldSpec[];
  body: (values: Record<string, string>) => unknown;
  idempotent?: boolean;
}

type T = TFunction<'desk'>;
type Role = SessionUser['roles'][number]['role'];
const deskRoles: readonly Role[] = ['reception_officer', 'desk_supervisor'];

const lines = (value: string | undefined) => (value ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** A result file on the dossier the "record the result" action may send (result-files.ts resultFileChoices). */
export interface ResultFile {
  id: string;
  fileName: string;
}

export function actionsFor(dossier: Dossier, user: SessionUser, agencies: readonly Agency[], t: T, resultFiles: readonly ResultFile[] = []): ActionSpec[] {
  const roles = new Set(user.roles.map((g) => g.role));
  const has = (...list: readonly Role[]) => list.some((r) => roles.has(r));
  const desk = has(...deskRoles);
  const out: ActionSpec[] = [];
  const reason = (required = true, label = t('actions.fields.reason')): FieldSpec => ({ name: 'reason', label, kind: 'textarea', required });

  const supplement: ActionSpec = {
    id: 'supplement',
    label: t('actions.supplement'),
    lead: dossier.supplementRequests.length > 0 ? t('actions.supplementAgain') : t('actions.supplementLead'),
    path: 'supplement-requests',
    fields: [{ name: 'items', label: t('actions.fields.items'), kind: 'lines', required: true, hint: t('reception.conclude.itemsHint') }, reason()],
    body: (v) => ({ items: lines(v.items), reason: v.reason?.trim() }),
  };
  const stop: ActionSpec = {
    id: 'stop',
    label: t('actions.stop'),
    lead: t('actions.stopLead'),
    tone: 'danger',
    path: 'stop',
    fields: [reason(), { name: 'requestChannel', label: t('actions.fields.requestChannel'), kind: 'select', required: true, initial: 'counter', options: (['counter', 'postal', 'online'] as const).map((m) => ({ value: m, label: t(`returnMethods.${m}`) })) }],
    body: (v) => ({ reason: v.reason?.trim(), requestChannel: v.requestChannel }),
  };
  const withdraw: ActionSpec = {
    id: 'withdraw',
    label: t('actions.withdraw'),
    lead: t('actions.withdrawLead'),
    tone: 'danger',
    path: 'withdrawal',
    fields: [reason(false)],
    body: (v) => ({ reason: orNull(v.reason) }),
  };

  switch (dossier.state) {
    case 'submitted':
      if (desk) {
        out.push(
          { id: 'receive', label: t('actions.receiveOnline'), tone: 'primary', path: 'reception', fields: [], body: () => undefined, idempotent: true },
          { ...supplement, label: t('actions.supplementAtCheck') },
          { id: 'refuse', label: t('actions.refuse'), tone: 'danger', path: 'refusal', fields: [reason(true, t('actions.fields.refusalReasons'))], body: (v) => ({ reason: v.reason?.trim() }) },
        );
      }
      break;
    case 'received':
      if (desk) {
        out.push(
          { id: 'transfer', label: t('actions.transfer'), tone: 'primary', path: 'transfer', lead: t('actions.transferLead'), fields: [{ name: 'note', label: t('actions.fields.note'), kind: 'textarea' }], body: (v) => ({ note: orNull(v.note) }) },
          supplement,
          stop,
          withdraw,
        );
      }
      break;
    case 'processing': {
      const active = dossier.steps.find((s) => s.status === 'active');
      const mine = active && (roles.has(active.role as Role) || has('department_head', 'agency_leader'));
      if (active && mine) {
        if (!active.assigneeId) out.push({ id: 'claim', label: t('actions.claim'), path: `steps/${active.id}/claim`, fields: [], body: () => undefined });
        out.push({
          id: 'complete',
          label: t('actions.complete', { step: active.name }),
          confirm: t('actions.completeConfirm'),
          tone: 'primary',
          path: `steps/${active.id}/completion`,
          lead: t('actions.completeLead'),
          fields: [{ name: 'note', label: t('actions.fields.note'), kind: 'textarea' }],
          body: (v) => ({ note: orNull(v.note) }),
        });
        const earlier = dossier.steps.filter((s) => s.order < active.order);
        if (earlier.length > 0) {
          out.push({
            id: 'return-step',
            label: t('actions.returnStep'),
            path: `steps/${active.id}/return`,
            fields: [
              { name: 'toStepId', label: t('actions.fields.toStep'), kind: 'select', required: true, options: earlier.map((s) => ({ value: s.id, label: `${s.order}. ${s.name}` })) },
              reason(),
            ],
            body: (v) => ({ toStepId: v.toStepId, reason: v.reason?.trim() }),
          });
        }
        out.push({
          id: 'consult',
          label: t('actions.consult'),
          path: 'consultations',
          fields: [
            { name: 'toAgencyId', label: t('actions.fields.agency'), kind: 'select', required: true, options: agencies.filter((a) => a.kind !== 'desk').map((a) => ({ value: a.id, label: a.name })) },
            { name: 'question', label: t('actions.fields.question'), kind: 'textarea', required: true },
            { name: 'budgetHours', label: t('actions.fields.budgetHours'), kind: 'number', required: true, initial: '8' },
          ],
          body: (v) => ({ toAgencyId: v.toAgencyId, question: v.question?.trim(), budgetHours: Number(v.budgetHours) }),
        });
      }
      for (const c of dossier.consultations.filter((c) => !c.answeredAt)) {
        out.push({
          id: `answer-${c.id}`,
          label: t('actions.answer', { question: c.question.slice(0, 60) }),
          path: `consultations/${c.id}/answer`,
          lead: c.question,
          fields: [{ name: 'answer', label: t('actions.fields.answer'), kind: 'textarea', required: true }],
          body: (v) => ({ answer: v.answer?.trim() }),
        });
      }
      for (const leg of dossier.interAgencyLegs.filter((l) => l.status === 'active')) {
        out.push({
          id: `leg-${leg.id}`,
          label: t('actions.completeLeg', { task: leg.task }),
          path: `inter-agency-legs/${leg.id}/completion`,
          fields: [{ name: 'outcome', label: t('actions.fields.outcome'), kind: 'textarea', required: true }],
          body: (v) => ({ outcome: v.outcome?.trim() }),
        });
      }
      out.push(supplement, {
        id: 'payment-request',
        label: t('actions.requestPayment'),
        path: 'financial-obligations',
        fields: [{ name: 'items', label: t('actions.fields.paymentItems'), kind: 'lines', required: true, hint: t('actions.fields.paymentItemsHint') }],
        body: (v) => ({
          items: lines(v.items).map((line) => {
            const [name = '', amount = '0'] = line.split(';');
            return { name: name.trim(), amount: Number(amount.replace(/[^0-9]/g, '')) };
          }),
        }),
      });
      const lastRole = dossier.steps.at(-1)?.role;
      if (!active || has('agency_leader') || (lastRole && roles.has(lastRole as Role))) {
        out.push({
          id: 'result',
          label: t('actions.result'),
          tone: 'primary',
          path: 'result',
          lead: t('actions.resultLead'),
          fields: [
            { name: 'kind', label: t('actions.fields.resultKind'), kind: 'select', required: true, initial: 'granted', options: [{ value: 'granted', label: t('actions.granted') }, { value: 'refused', label: t('actions.refusedResult') }] },
            { name: 'documentNumber', label: t('actions.fields.documentNumber'), kind: 'text' },
            { name: 'summary', label: t('actions.fields.resultSummary'), kind: 'textarea', required: true },
            { name: 'signerName', label: t('actions.fields.signerName'), kind: 'text' },
            ...(resultFiles.length > 0
              ? [
                  {
                    name: 'attachmentIds',
                    label: t('actions.fields.resultFiles'),
                    hint: t('actions.fields.resultFilesHint'),
                    kind: 'checks' as const,
                    initial: resultFiles.map((f) => f.id).join('\n'),
                    options: resultFiles.map((f) => ({ value: f.id, label: f.fileName })),
                  },
                ]
              : []),
          ],
          // The result files the officer left ticked (the server signs each PDF among them with the result).
          body: (v) => ({ kind: v.kind, documentNumber: orNull(v.documentNumber), summary: v.summary?.trim(), attachmentIds: lines(v.attachmentIds), signerName: orNull(v.signerName) }),
        });
      }
      if (has('agency_leader')) {
        out.push({ id: 'refuse-appraisal', label: t('actions.refuseAfterAppraisal'), tone: 'danger', path: 'refusal', fields: [reason(true, t('actions.fields.refusalReasons'))], body: (v) => ({ reason: v.reason?.trim() }) });
      }
      if (desk) out.push(stop, withdraw);
      break;
    }
    case 'awaiting_payment':
      out.push({ id: 'payment', label: t('actions.recordPayment'), tone: 'primary', path: 'payment', fields: [{ name: 'reference', label: t('actions.fields.paymentReference'), kind: 'text' }], body: (v) => ({ reference: orNull(v.reference) }) });
      if (desk) out.push(stop, withdraw);
      break;
    case 'supplement_requested':
      if (desk) {
        out.push(
          { id: 'supplied', label: t('actions.supplied'), tone: 'primary', path: 'supplements', lead: t('actions.suppliedLead'), fields: [{ name: 'note', label: t('actions.fields.note'), kind: 'textarea' }], body: (v) => ({ documents: [], note: orNull(v.note) }) },
          withdraw,
        );
      }
      break;
    case 'result_ready':
      if (desk) {
        out.push({
          id: 'return',
          label: t('actions.returnResult'),
          tone: 'primary',
          path: 'return',
          lead: t('actions.returnLead'),
          fields: [
            { name: 'method', label: t('reception.return.legend'), kind: 'select', required: true, initial: dossier.returnMethod, options: (['counter', 'postal', 'online'] as const).map((m) => ({ value: m, label: t(`returnMethods.${m}`) })) },
            { name: 'receiverName', label: t('actions.fields.receiverName'), kind: 'text', initial: dossier.parties[0]?.fullName ?? '' },
            { name: 'receiverRole', label: t('actions.fields.receiverRole'), kind: 'select', initial: 'applicant', options: (['applicant', 'owner', 'authorised'] as const).map((r) => ({ value: r, label: t(`parties.${r}`) })) },
            { name: 'waybillNumber', label: t('actions.fields.waybill'), kind: 'text', hint: t('actions.fields.waybillHint') },
          ],
          body: (v) => ({ method: v.method, receiverName: orNull(v.receiverName), receiverRole: orNull(v.receiverRole), waybillNumber: orNull(v.waybillNumber) }),
        });
      }
      break;
    case 'in_postal_return':
      if (desk) {
        out.push({ id: 'delivered', label: t('actions.delivered'), tone: 'primary', path: 'delivery', fields: [{ name: 'receiverName', label: t('actions.fields.receiverName'), kind: 'text' }], body: (v) => ({ deliveredAt: null, receiverName: orNull(v.receiverName) }) });
      }
      break;
    default:
      break;
  }
  return out;
}

/**
 * Whether the dossier waits at a leader's step that this officer may take: the active step asks for the agency
 * leader and the officer holds that role at the step's agency (the link to the leader's desk is for them only).
 */
export function isLeaderOfActiveStep(dossier: Pick<Dossier, 'steps'>, user: Pick<SessionUser, 'roles'> | null): boolean {
  const active = dossier.steps.find((s) => s.status === 'active');
  if (!user || active?.role !== 'agency_leader') return false;
  return user.roles.some((g) => g.role === 'agency_leader' && g.agencyId === active.agencyId);
}
