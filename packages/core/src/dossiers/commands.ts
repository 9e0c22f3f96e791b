/**
 * Every action on an existing dossier as one command union, dispatched to its transition. Use cases and the API
 * speak commands; the transitions stay one function each.
 */
import type { Dossier, DossierResult, DossierReturn, ReceivedDocument } from './dossier';
import { answerConsultation, completeLeg, requestConsultation } from './coordination';
import { confirmDelivery, recordResult, refuseAfterAppraisal, returnResult, stopProcessing, withdraw } from './closing';
import { draftApology, extendDeadline } from './extension';
import { confirmPayment, requestPayment } from './financial';
import { receiveOnline, refuseOnline, type ReceptionAssignment } from './reception';
import { provideSupplement, requestSupplement } from './supplement';
import { transfer } from './transfer';
import { shiftDueTime } from './due-time-shift';
import type { TransitionContext, TransitionResult } from './transition';
import { assignStep, claimStep, completeStep, returnStep } from './workflow';

export type DossierCommand =
  | { readonly type: 'receive'; readonly assignment: ReceptionAssignment }
  | { readonly type: 'refuse_at_reception'; readonly reason: string }
  | { readonly type: 'request_supplement'; readonly items: readonly string[]; readonly reason: string }
  | { readonly type: 'provide_supplement'; readonly documents: readonly ReceivedDocument[]; readonly note: string | null }
  | { readonly type: 'transfer'; readonly note: string | null }
  | { readonly type: 'claim_step'; readonly stepId: string }
  | { readonly type: 'assign_step'; readonly stepId: string; readonly assigneeId: string; readonly assigneeName: string }
  | { readonly type: 'complete_step'; readonly stepId: string; readonly note: string | null }
  | { readonly type: 'return_step'; readonly stepId: string; readonly toStepId: string; readonly reason: string }
  | { readonly type: 'request_consultation'; readonly toAgencyId: string; readonly question: string; readonly budgetHours: number }
  | { readonly type: 'answer_consultation'; readonly consultationId: string; readonly answer: string }
  | { readonly type: 'complete_leg'; readonly legId: string; readonly outcome: string }
  | { readonly type: 'request_payment'; readonly items: readonly { readonly name: string; readonly amount: number }[] }
  | { readonly type: 'confirm_payment'; readonly reference: string | null }
  | { readonly type: 'extend'; readonly newDueAt: Date; readonly reason: string; readonly draftEventId?: string | null }
  | { readonly type: 'draft_apology'; readonly proposedDueAt: Date; readonly reason: string }
  | { readonly type: 'refuse_after_appraisal'; readonly reasons: string }
  | { readonly type: 'stop'; readonly reason: string; readonly requestChannel: 'counter' | 'postal' | 'online' }
  | { readonly type: 'withdraw'; readonly reason: string | null }
  | ({ readonly type: 'record_result' } & Pick<DossierResult, 'kind' | 'documentNumber' | 'summary' | 'attachmentIds' | 'signerName'>)
  | {
      readonly type: 'return_result';
      readonly method: DossierReturn['method'];
      readonly receiverName: string | null;
      readonly receiverRole: DossierReturn['receiverRole'];
      readonly waybillNumber: string | null;
    }
  | { readonly type: 'confirm_delivery'; readonly deliveredAt: Date | null; readonly receiverName: string | null }
  | { readonly type: 'shift_due_time'; readonly decisionId: string; readonly note: string | null };

export type DossierCommandType = DossierCommand['type'];

export function applyCommand(dossier: Dossier, command: DossierCommand, context: TransitionContext): TransitionResult {
  switch (command.type) {
    case 'receive':
      return receiveOnline(dossier, command.assignment, context);
    case 'refuse_at_reception':
      return refuseOnline(dossier, command.reason, context);
    case 'request_supplement':
      return requestSupplement(dossier, command, context);
    case 'provide_supplement':
      return provideSupplement(dossier, command, context);
    case 'transfer':
      return transfer(dossier, command, context);
    case 'claim_step':
      return claimStep(dossier, command, context);
    case 'assign_step':
      return assignStep(dossier, command, context);
    case 'complete_step':
      return completeStep(dossier, command, context);
    case 'return_step':
      return returnStep(dossier, command, context);
    case 'request_consultation':
      return requestConsultation(dossier, command, context);
    case 'answer_consultation':
      return answerConsultation(dossier, command, context);
    case 'complete_leg':
      return completeLeg(dossier, command, context);
    case 'request_payment':
      return requestPayment(dossier, command, context);
    case 'confirm_payment':
      return confirmPayment(dossier, command, context);
    case 'extend':
      return extendDeadline(dossier, command, context);
    case 'draft_apology':
      return draftApology(dossier, command, context);
    case 'refuse_after_appraisal':
      return refuseAfterAppraisal(dossier, command, context);
    case 'stop':
      return stopProcessing(dossier, command, context);
    case 'withdraw':
      return withdraw(dossier, command, context);
    case 'record_result':
      return recordResult(dossier, command, context);
    case 'return_result':
      return returnResult(dossier, command, context);
    case 'confirm_delivery':
      return confirmDelivery(dossier, command, context);
    case 'shift_due_time':
      return shiftDueTime(dossier, command, context);
  }
}
