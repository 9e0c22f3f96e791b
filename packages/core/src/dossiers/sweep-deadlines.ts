/**
 * Use case (run by the periodic deadline sweep, one dossier per unit of work, as the system): warn the assignee and
 * the desk supervisor when a step or the dossier is due within the warning window (default 1 working day) and when
 * it is overdue; tell the desk head about an overdue consultation (NĐ 61 Art. 19(5)(b)) and an online dossier whose
 * reception check is late; and for a dossier at risk, draft the apology (Form 04 data) for the agency leader while an
 * extension is still possible. Every alert exists once per target, kind and due time.
 */
import { ok, type Result } from '../shared/index';
import { effectiveDueAt, type Dossier } from './dossier';
import type { DossierError } from './dossier.errors';
import type { AlertDraft } from './dossier-store.ports';
import { draftApology, extensionRefusal } from './extension';
import { receptionCheckDue } from './read-models';
import { recordTransition, transitionContext, type DossierUseCaseDeps } from './record-transition';
import type { TransitionContext } from './transition';
import { clockStates } from './dossier-state';

export interface SweepReport {
  readonly alerts: number;
  readonly apologyDrafted: boolean;
}

type Recipient = Pick<AlertDraft, 'recipientUserId' | 'recipientRole' | 'recipientAgencyId'>;

const user = (id: string): Recipient => ({ recipientUserId: id, recipientRole: null, recipientAgencyId: null });
const role = (r: string, agencyId: string): Recipient => ({ recipientUserId: null, recipientRole: r, recipientAgencyId: agencyId });

function recipientKey(r: Recipient): string {
  return r.recipientUserId ? `u:${r.recipientUserId}` : `r:${r.recipientAgencyId}:${r.recipientRole}`;
}

async function alert(
  deps: DossierUseCaseDeps,
  dossier: Dossier,
  base: Omit<AlertDraft, 'id' | 'dossierId' | 'dedupeKey' | keyof Recipient>,
  recipients: readonly Recipient[],
): Promise<number> {
  let created = 0;
  for (const r of recipients) {
    const dedupeKey = [base.kind, base.subject, dossier.id, base.stepId ?? '-', base.dueAt.toISOString(), recipientKey(r)].join('|');
    const draft: AlertDraft = { ...base, ...r, id: deps.ids.newId(), dossierId: dossier.id, dedupeKey };
    if (await deps.store.createAlert(draft, deps.now)) created++;
  }
  return created;
}

/** 'overdue', 'due_soon' or null for a due time, by the working time left. */
function urgency(context: TransitionContext, dueAt: Date): 'overdue' | 'due_soon' | null {
  const left = context.clock.workingMinutesBetween(context.now, dueAt);
  if (context.now.getTime() > dueAt.getTime()) return 'overdue';
  return left <= context.policy.warningWorkingHours * 60 ? 'due_soon' : null;
}

async function sweepSteps(deps: DossierUseCaseDeps, dossier: Dossier, context: TransitionContext): Promise<number> {
  let created = 0;
  for (const step of dossier.steps.filter((s) => s.status === 'active' && s.dueAt)) {
    const kind = urgency(context, step.dueAt!);
    if (!kind) continue;
    const recipients = [step.assigneeId ? user(step.assigneeId) : role(step.role, step.agencyId)];
    if (kind === 'overdue') recipients.push(role('desk_supervisor', dossier.receivingAgencyId));
    created += await alert(deps, dossier, { stepId: step.id, kind, subject: 'step', dueAt: step.dueAt! }, recipients);
  }
  for (const c of dossier.consultations.filter((x) => x.answeredAt === null && deps.now.getTime() > x.dueAt.getTime())) {
    created += await alert(
      deps,
      dossier,
      { stepId: c.stepId, kind: 'consultation_overdue', subject: 'consultation', dueAt: c.dueAt },
      [user(c.requestedById), role('desk_supervisor', dossier.receivingAgencyId), role('specialist', c.toAgencyId)].filter(
        (r) => r.recipientUserId === null || /^[0-9a-f-]{36}$/i.test(r.recipientUserId),
      ),
    );
  }
  return created;
}

/** The working time the rest of the workflow still needs, from its budgets. */
function remainingBudgetMinutes(dossier: Dossier): number {
  return dossier.steps.filter((s) => s.status !== 'completed').reduce((sum, s) => sum + Math.round(s.budgetHours * 60), 0);
}

async function maybeDraftApology(deps: DossierUseCaseDeps, dossier: Dossier, context: TransitionContext): Promise<boolean> {
  const due = effectiveDueAt(dossier);
  if (!due || extensionRefusal(dossier, context)) return false;
  const { clock, policy, now } = context;
  const left = clock.workingMinutesBetween(now, due);
  const window = policy.extensionNoticeWorkingDays * clock.workingDayMinutes(now) + policy.warningWorkingHours * 60;
  const stepOverdue = dossier.steps.some((s) => s.status === 'active' && s.dueAt && now.getTime() > s.dueAt.getTime());
  if (left > window && !stepOverdue) return false;
  const created = await alert(deps, dossier, { stepId: null, kind: 'apology_drafted', subject: 'dossier', dueAt: due }, [
    role('agency_leader', dossier.competentAgencyId),
  ]);
  if (created === 0) return false; // drafted already for this due time
  const needed = Math.max(clock.workingDayMinutes(due), remainingBudgetMinutes(dossier));
  const proposed = clock.addWorkingMinutes(due, needed);
  const drafted = draftApology(
    dossier,
    { proposedDueAt: proposed, reason: 'Hồ sơ có nguy cơ trễ hạn: đề nghị xin lỗi và gia hạn (dự thảo tự động, lãnh đạo xem xét)' },
    context,
  );
  if (!drafted.ok) return false;
  await recordTransition(deps, dossier, drafted.value);
  return true;
}

export async function sweepDossierDeadlines(deps: DossierUseCaseDeps, dossierId: string): Promise<Result<SweepReport, DossierError>> {
  const dossier = await deps.store.find(dossierId, { forUpdate: true });
  if (!dossier || dossier.closedAt) return ok({ alerts: 0, apologyDrafted: false });
  let alerts = 0;
  if (dossier.state === 'submitted') {
    const context = await transitionContext(deps, dossier.receivingAgencyId);
    const due = receptionCheckDue(dossier, context.clock, deps.policy.onlineReceptionCheckWorkingHours);
    if (due && urgency(context, due) === 'overdue') {
      alerts += await alert(deps, dossier, { stepId: null, kind: 'reception_check_due', subject: 'reception_check', dueAt: due }, [
        role('desk_supervisor', dossier.receivingAgencyId),
        role('reception_officer', dossier.receivingAgencyId),
      ]);
    }
    return ok({ alerts, apologyDrafted: false });
  }
  if (!clockStates.has(dossier.state)) return ok({ alerts, apologyDrafted: false });
  const context = await transitionContext(deps, dossier.competentAgencyId);
  alerts += await sweepSteps(deps, dossier, context);
  const due = effectiveDueAt(dossier);
  const kind = due && !dossier.clockPausedAt ? urgency(context, due) : null;
  if (due && kind) {
    const step = dossier.steps.find((s) => s.status === 'active');
    const recipients = [role('desk_supervisor', dossier.receivingAgencyId)];
    if (step?.assigneeId) recipients.unshift(user(step.assigneeId));
    alerts += await alert(deps, dossier, { stepId: null, kind, subject: 'dossier', dueAt: due }, recipients);
  }
  const apologyDrafted = await maybeDraftApology(deps, dossier, context);
  return ok({ alerts, apologyDrafted });
}
