/**
 * Every transition's guards: actor role and agency, current state, required fields, and the rules of law that
 * refuse (supplement once, stop only without a result, ...). These tests use a clock that throws when consulted:
 * a refusal must come before any legal time is computed. Due-time behaviour is tested with the real calendar.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/index';
import { applyCommand } from './commands';
import type { Dossier, SupplementRequest } from './dossier';
import {
  applicant,
  citizen,
  contextFor,
  department,
  desk,
  dossierAt,
  head,
  leader,
  newDossierInput,
  officer,
  otherDesk,
  procedureCase,
  receptionist,
  specialist,
  specialist2,
} from './dossier.test-builders';
import { guideAtCounter, receiveAtDesk, refuseAtCounter, submitOnline } from './reception';
import type { Transition } from './transition';

function codeOf(result: Result<Transition, { code: string }>): string {
  return result.ok ? 'ok' : result.error.code;
}

function value(result: Result<Transition, unknown>): Transition {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

const owner = citizen('citizen-1');
const stranger = citizen('citizen-2');
const assignment = { code: '000.00.07.H57-260302-0001', codeFormat: 'tt01-2018', ledgerEntry: { deskAgencyId: desk, year: 2026, number: 1 } };

describe('reception guards', () => {
  it('lets only an applicant submit online, with an applicant party, a summary and a time limit for the channel', () => {
    expect(codeOf(submitOnline(newDossierInput(), contextFor(receptionist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(submitOnline(newDossierInput({ parties: [] }), contextFor(owner)))).toBe('DOSSIER_FIELD_REQUIRED');
    expect(codeOf(submitOnline(newDossierInput({ summary: '  ' }), contextFor(owner)))).toBe('DOSSIER_FIELD_REQUIRED');
    const counterOnly = procedureCase({ timeLimits: [{ channel: 'counter', amount: 3, unit: 'working-days' }] });
    expect(codeOf(submitOnline(newDossierInput({ procedure: counterOnly }), contextFor(owner)))).toBe('DOSSIER_TIME_LIMIT_MISSING');
  });

  it('records an online submission as status 1 owned by the applicant, without a code or clock', () => {
    const { next, events } = value(submitOnline(newDossierInput({ returnMethod: 'online', entryPoint: 'national_portal' }), contextFor(owner)));
    expect(next).toMatchObject({ state: 'submitted', code: null, dueAt: null, ownerUserId: 'citizen-1', channel: 'online', isPaper: false });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'submit', fromStatus: null, toStatus: 1, actorKind: 'citizen', agencyId: desk });
  });

  it('lets only a reception officer of the receiving desk receive at the counter', () => {
    const elsewhere = officer('u-x', [{ role: 'reception_officer', agencyId: otherDesk }]);
    const input = { ...newDossierInput(), channel: 'counter' as const };
    expect(codeOf(receiveAtDesk(input, assignment, contextFor(elsewhere)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(receiveAtDesk(input, assignment, contextFor(specialist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(receiveAtDesk(input, assignment, contextFor(owner)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
  });

  it('refuses postal reception where the procedure forbids it, without hand-over minutes, or returns by post without address', () => {
    const postal = { ...newDossierInput({ entryPoint: 'postal' }), channel: 'postal' as const };
    const noPost = procedureCase({ allowsPostalSubmission: false });
    expect(codeOf(receiveAtDesk({ ...postal, procedure: noPost }, assignment, contextFor(receptionist)))).toBe('DOSSIER_POSTAL_NOT_ALLOWED');
    expect(codeOf(receiveAtDesk(postal, assignment, contextFor(receptionist)))).toBe('DOSSIER_FIELD_REQUIRED');
    const byPost = { ...newDossierInput(), channel: 'counter' as const, returnMethod: 'postal' as const };
    expect(codeOf(receiveAtDesk(byPost, assignment, contextFor(receptionist)))).toBe('DOSSIER_FIELD_REQUIRED');
    const noReturnByPost = { ...byPost, procedure: procedureCase({ allowsPostalReturn: false }) };
    expect(codeOf(receiveAtDesk(noReturnByPost, assignment, contextFor(receptionist)))).toBe('DOSSIER_POSTAL_NOT_ALLOWED');
  });

  it('guides an incomplete counter dossier once with Form 02 data: nothing received, no code, no clock', () => {
    expect(codeOf(guideAtCounter({ ...newDossierInput(), items: [], reason: 'x' }, contextFor(receptionist)))).toBe('DOSSIER_FIELD_REQUIRED');
    const { next, events } = value(
      guideAtCounter({ ...newDossierInput(), items: ['Bản sao giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh' }, contextFor(receptionist)),
    );
    expect(next).toMatchObject({ state: 'guided', code: null, dueAt: null, clockStartedAt: null });
    expect(events[0]).toMatchObject({ kind: 'guide', toStatus: null, form: { kind: 'supplement_request', number: '02' } });
    expect(events[0]!.formData).toMatchObject({ items: ['Bản sao giấy chứng sinh'], reason: 'Thiếu giấy chứng sinh', dossierCode: null });
  });

  it('refuses at the counter with Form 03 and concrete reasons', () => {
    expect(codeOf(refuseAtCounter({ ...newDossierInput(), reason: '' }, contextFor(receptionist)))).toBe('DOSSIER_FIELD_REQUIRED');
    const { next, events } = value(refuseAtCounter({ ...newDossierInput(), reason: 'Không thuộc thẩm quyền' }, contextFor(receptionist)));
    expect(next.state).toBe('refused_at_reception');
    expect(events[0]).toMatchObject({ kind: 'refuse_at_reception', toStatus: 3, form: { kind: 'refusal', number: '03' } });
  });

  it('receives or refuses an online dossier only in status 1, only at its desk', () => {
    const processing = dossierAt('processing');
    expect(codeOf(applyCommand(processing, { type: 'receive', assignment }, contextFor(receptionist)))).toBe('DOSSIER_INVALID_STATE');
    const submitted = dossierAt('submitted');
    const elsewhere = officer('u-x', [{ role: 'reception_officer', agencyId: otherDesk }]);
    expect(codeOf(applyCommand(submitted, { type: 'receive', assignment }, contextFor(elsewhere)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    const refused = value(applyCommand(submitted, { type: 'refuse_at_reception', reason: 'Sai thẩm quyền' }, contextFor(receptionist)));
    expect(refused.events[0]).toMatchObject({ fromStatus: 1, toStatus: 3, note: 'Sai thẩm quyền' });
  });
});

describe('supplement guards', () => {
  const requested: SupplementRequest = {
    id: 's1',
    stage: 'appraisal',
    resumeState: 'processing',
    requestedAt: new Date('2026-03-03T02:00:00Z'),
    requestedById: 'u-specialist',
    agencyId: department,
    items: ['x'],
    reason: 'y',
    isLate: false,
    providedAt: new Date('2026-03-04T02:00:00Z'),
    dueAtBefore: null,
    dueAtAfter: null,
  };

  it('asks for a supplement at the reception check with Form 02, no clock involved', () => {
    const { next, events } = value(
      applyCommand(dossierAt('submitted'), { type: 'request_supplement', items: ['Tờ khai có chữ ký'], reason: 'Tờ khai chưa ký' }, contextFor(receptionist)),
    );
    expect(next.state).toBe('supplement_requested');
    expect(next.supplementRequests[0]).toMatchObject({ stage: 'reception', resumeState: 'submitted', isLate: false });
    expect(events[0]).toMatchObject({ fromStatus: 1, toStatus: 5, form: { kind: 'supplement_request', number: '02' } });
  });

  it('refuses a second supplement request (NĐ 118 Art. 11), whoever asks', () => {
    const once = dossierAt('processing', { supplementRequests: [requested] });
    const command = { type: 'request_supplement' as const, items: ['z'], reason: 'again' };
    expect(codeOf(applyCommand(once, command, contextFor(specialist)))).toBe('DOSSIER_SUPPLEMENT_ALREADY_REQUESTED');
    expect(codeOf(applyCommand(once, command, contextFor(receptionist)))).toBe('DOSSIER_SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('needs items and a reason, and an officer of the desk or the competent agency', () => {
    const d = dossierAt('processing');
    expect(codeOf(applyCommand(d, { type: 'request_supplement', items: [' '], reason: 'r' }, contextFor(specialist)))).toBe('DOSSIER_FIELD_REQUIRED');
    expect(codeOf(applyCommand(d, { type: 'request_supplement', items: ['a'], reason: 'r' }, contextFor(owner)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(applyCommand(dossierAt('result_ready'), { type: 'request_supplement', items: ['a'], reason: 'r' }, contextFor(specialist)))).toBe(
      'DOSSIER_INVALID_STATE',
    );
  });

  it('takes the supplement from the owner or the desk only, back to the reception check when asked at reception', () => {
    const waiting = value(
      applyCommand(dossierAt('submitted'), { type: 'request_supplement', items: ['Tờ khai'], reason: 'Chưa ký' }, contextFor(receptionist)),
    ).next;
    const supplement = { type: 'provide_supplement' as const, documents: [], note: null };
    expect(codeOf(applyCommand(waiting, supplement, contextFor(stranger)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    const { next, events } = value(applyCommand(waiting, supplement, contextFor(owner)));
    expect(next.state).toBe('submitted');
    expect(next.supplementRequests[0]!.providedAt).toEqual(new Date('2026-03-02T02:00:00Z'));
    expect(events[0]).toMatchObject({ fromStatus: 5, toStatus: 1, details: { clockRestarted: false } });
  });
});

describe('workflow guards', () => {
  const processing = dossierAt('processing');

  it('transfers only a received dossier, only by its desk', () => {
    expect(codeOf(applyCommand(processing, { type: 'transfer', note: null }, contextFor(receptionist)))).toBe('DOSSIER_INVALID_STATE');
    expect(codeOf(applyCommand(dossierAt('received'), { type: 'transfer', note: null }, contextFor(specialist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
  });

  it('lets an officer with the step role in its unit claim an unassigned active step, once', () => {
    expect(codeOf(applyCommand(processing, { type: 'claim_step', stepId: 'step-1' }, contextFor(head)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(applyCommand(processing, { type: 'claim_step', stepId: 'step-2' }, contextFor(specialist)))).toBe('DOSSIER_STEP_NOT_ACTIVE');
    expect(codeOf(applyCommand(processing, { type: 'claim_step', stepId: 'nope' }, contextFor(specialist)))).toBe('DOSSIER_STEP_NOT_FOUND');
    const claimed = value(applyCommand(processing, { type: 'claim_step', stepId: 'step-1' }, contextFor(specialist)));
    expect(claimed.next.steps[0]).toMatchObject({ assigneeId: 'u-specialist' });
    expect(claimed.events[0]).toMatchObject({ kind: 'claim_step', fromStatus: 4, toStatus: 4 });
    expect(codeOf(applyCommand(claimed.next, { type: 'claim_step', stepId: 'step-1' }, contextFor(specialist2)))).toBe(
      'DOSSIER_STEP_ALREADY_ASSIGNED',
    );
  });

  it('lets a head or leader assign a step, not a specialist', () => {
    const command = { type: 'assign_step' as const, stepId: 'step-1', assigneeId: 'u-specialist-2', assigneeName: 'Trần Thị B' };
    expect(codeOf(applyCommand(processing, command, contextFor(specialist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(value(applyCommand(processing, command, contextFor(head))).next.steps[0]).toMatchObject({ assigneeId: 'u-specialist-2' });
    expect(value(applyCommand(processing, command, contextFor(leader))).next.steps[0]).toMatchObject({ assigneeId: 'u-specialist-2' });
  });

  it('lets only the assignee complete or return a step, and not while its consultations are unanswered', () => {
    const assigned = value(applyCommand(processing, { type: 'claim_step', stepId: 'step-1' }, contextFor(specialist))).next;
    expect(codeOf(applyCommand(assigned, { type: 'complete_step', stepId: 'step-1', note: null }, contextFor(specialist2)))).toBe(
      'DOSSIER_STEP_NOT_ASSIGNEE',
    );
    const consulting: Dossier = {
      ...assigned,
      consultations: [
        {
          id: 'c1',
          stepId: 'step-1',
          fromAgencyId: department,
          toAgencyId: otherDesk,
          question: 'q',
          requestedAt: new Date('2026-03-02T02:00:00Z'),
          requestedById: 'u-specialist',
          dueAt: new Date('2026-03-03T02:00:00Z'),
          answeredAt: null,
          answeredById: null,
          answer: null,
        },
      ],
    };
    expect(codeOf(applyCommand(consulting, { type: 'complete_step', stepId: 'step-1', note: null }, contextFor(specialist)))).toBe(
      'DOSSIER_CONSULTATION_PENDING',
    );
    expect(codeOf(applyCommand(assigned, { type: 'return_step', stepId: 'step-1', toStepId: 'step-2', reason: 'x' }, contextFor(specialist)))).toBe(
      'DOSSIER_STEP_RETURN_INVALID',
    );
  });

  it('answers a consultation once, by the consulted unit', () => {
    const consulting: Dossier = {
      ...processing,
      consultations: [
        {
          id: 'c1',
          stepId: 'step-1',
          fromAgencyId: department,
          toAgencyId: otherDesk,
          question: 'q',
          requestedAt: new Date('2026-03-02T02:00:00Z'),
          requestedById: 'u-specialist',
          dueAt: new Date('2026-03-03T02:00:00Z'),
          answeredAt: null,
          answeredById: null,
          answer: null,
        },
      ],
    };
    const consulted = officer('u-c', [{ role: 'specialist', agencyId: otherDesk }]);
    const answer = { type: 'answer_consultation' as const, consultationId: 'c1', answer: 'Đồng ý' };
    expect(codeOf(applyCommand(consulting, answer, contextFor(specialist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(applyCommand(consulting, { ...answer, consultationId: 'c9' }, contextFor(consulted)))).toBe('DOSSIER_CONSULTATION_NOT_FOUND');
    const answered = value(applyCommand(consulting, answer, contextFor(consulted)));
    expect(answered.events[0]).toMatchObject({ kind: 'answer_consultation', details: { isLate: false } });
    expect(codeOf(applyCommand(answered.next, answer, contextFor(consulted)))).toBe('DOSSIER_CONSULTATION_ANSWERED');
  });

  it('completes only an active inter-agency leg of the agency', () => {
    expect(codeOf(applyCommand(processing, { type: 'complete_leg', legId: 'l1', outcome: 'x' }, contextFor(specialist)))).toBe('DOSSIER_LEG_NOT_FOUND');
    const withLeg: Dossier = {
      ...processing,
      interAgencyLegs: [
        { id: 'l1', order: 1, agencyId: otherDesk, task: 't', budgetHours: 8, status: 'pending', activatedAt: null, dueAt: null, completedAt: null, completedById: null, outcome: null },
      ],
    };
    expect(codeOf(applyCommand(withLeg, { type: 'complete_leg', legId: 'l1', outcome: 'x' }, contextFor(specialist)))).toBe('DOSSIER_LEG_NOT_ACTIVE');
  });
});

describe('financial obligation guards', () => {
  it('asks integer VND amounts with a positive total, and pauses the clock only when the case says so', () => {
    const d = dossierAt('processing');
    expect(codeOf(applyCommand(d, { type: 'request_payment', items: [] }, contextFor(specialist)))).toBe('DOSSIER_FIELD_REQUIRED');
    expect(codeOf(applyCommand(d, { type: 'request_payment', items: [{ name: 'Lệ phí', amount: 1.5 }] }, contextFor(specialist)))).toBe(
      'DOSSIER_FIELD_REQUIRED',
    );
    const noPause = value(applyCommand(d, { type: 'request_payment', items: [{ name: 'Lệ phí', amount: 8000 }] }, contextFor(specialist)));
    expect(noPause.next).toMatchObject({ state: 'awaiting_payment', clockPausedAt: null });
    expect(noPause.events[0]).toMatchObject({ fromStatus: 4, toStatus: 6, details: { totalAmount: 8000, pausesClock: false } });
    const pausing = dossierAt('processing', { procedure: procedureCase({ pausesClockOnFinancialObligation: true }) });
    const paused = value(applyCommand(pausing, { type: 'request_payment', items: [{ name: 'Thuế', amount: 500000 }] }, contextFor(leader)));
    expect(paused.next.clockPausedAt).toEqual(new Date('2026-03-02T02:00:00Z'));
    // without a pause the due time does not move and the clock is not consulted
    const confirmed = value(applyCommand(noPause.next, { type: 'confirm_payment', reference: 'BL-1' }, contextFor(receptionist)));
    expect(confirmed.next).toMatchObject({ state: 'processing', dueAt: d.dueAt });
    expect(codeOf(applyCommand(noPause.next, { type: 'confirm_payment', reference: null }, contextFor(owner)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
  });
});

describe('closing guards', () => {
  it('refuses after appraisal only by the agency leader, with reasons, Form 03', () => {
    const d = dossierAt('processing');
    expect(codeOf(applyCommand(d, { type: 'refuse_after_appraisal', reasons: 'x' }, contextFor(specialist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(applyCommand(d, { type: 'refuse_after_appraisal', reasons: '' }, contextFor(leader)))).toBe('DOSSIER_FIELD_REQUIRED');
    const { next, events } = value(applyCommand(d, { type: 'refuse_after_appraisal', reasons: 'Không đủ điều kiện' }, contextFor(leader)));
    expect(next).toMatchObject({ state: 'refused_after_appraisal', timeliness: 'early' });
    expect(events[0]).toMatchObject({ toStatus: 3, form: { kind: 'refusal' } });
  });

  it('stops processing at the applicant request only while no result exists, with Form 05 (TT 03/2025)', () => {
    const stop = { type: 'stop' as const, reason: 'Không còn nhu cầu', requestChannel: 'online' as const };
    expect(codeOf(applyCommand(dossierAt('result_ready'), stop, contextFor(owner)))).toBe('DOSSIER_RESULT_EXISTS');
    expect(codeOf(applyCommand(dossierAt('returned'), stop, contextFor(owner)))).toBe('DOSSIER_RESULT_EXISTS');
    expect(codeOf(applyCommand(dossierAt('submitted'), stop, contextFor(owner)))).toBe('DOSSIER_INVALID_STATE');
    expect(codeOf(applyCommand(dossierAt('processing'), stop, contextFor(stranger)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    const { next, events } = value(applyCommand(dossierAt('processing'), stop, contextFor(owner)));
    expect(next.state).toBe('stopped');
    expect(events[0]).toMatchObject({ toStatus: 8, form: { kind: 'stop_notice', number: '05' } });
  });

  it('lets the owner withdraw an open dossier without result', () => {
    expect(codeOf(applyCommand(dossierAt('submitted'), { type: 'withdraw', reason: null }, contextFor(stranger)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(applyCommand(dossierAt('result_ready'), { type: 'withdraw', reason: null }, contextFor(owner)))).toBe('DOSSIER_RESULT_EXISTS');
    const { events } = value(applyCommand(dossierAt('submitted'), { type: 'withdraw', reason: 'Nộp nhầm' }, contextFor(owner)));
    expect(events[0]).toMatchObject({ fromStatus: 1, toStatus: 7 });
  });

  it('records the result only when the workflow, the inter-agency legs and consultations are done', () => {
    const command = { type: 'record_result' as const, kind: 'granted' as const, documentNumber: '12/GKS', summary: 'Cấp giấy khai sinh', attachmentIds: [], signerName: null };
    const d = dossierAt('processing');
    expect(codeOf(applyCommand(d, command, contextFor(leader)))).toBe('DOSSIER_WORKFLOW_INCOMPLETE');
    const done: Dossier = { ...d, steps: d.steps.map((s) => ({ ...s, status: 'completed' as const })) };
    expect(codeOf(applyCommand(done, command, contextFor(receptionist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    const legPending: Dossier = {
      ...done,
      interAgencyLegs: [
        { id: 'l1', order: 1, agencyId: otherDesk, task: 't', budgetHours: 8, status: 'active', activatedAt: null, dueAt: null, completedAt: null, completedById: null, outcome: null },
      ],
    };
    expect(codeOf(applyCommand(legPending, command, contextFor(leader)))).toBe('DOSSIER_INTER_AGENCY_PENDING');
    const { next, events } = value(applyCommand(done, command, contextFor(leader)));
    expect(next).toMatchObject({ state: 'result_ready', currentAgencyId: desk, timeliness: 'early' });
    expect(next.handovers.at(-1)).toMatchObject({ kind: 'result', toAgencyId: desk, dueAt: d.dueAt });
    expect(events[0]).toMatchObject({ fromStatus: 4, toStatus: 9 });
  });

  it('returns at the desk to a named receiver, by post with a waybill, or online', () => {
    const ready = dossierAt('result_ready');
    const counter = { type: 'return_result' as const, method: 'counter' as const, receiverName: null, receiverRole: null, waybillNumber: null };
    expect(codeOf(applyCommand(ready, counter, contextFor(receptionist)))).toBe('DOSSIER_FIELD_REQUIRED');
    expect(codeOf(applyCommand(ready, { ...counter, receiverName: 'An', receiverRole: 'applicant' }, contextFor(specialist)))).toBe(
      'DOSSIER_ACTOR_NOT_ALLOWED',
    );
    const atDesk = value(applyCommand(ready, { ...counter, receiverName: 'Nguyễn Văn An', receiverRole: 'applicant' }, contextFor(receptionist)));
    expect(atDesk.next).toMatchObject({ state: 'returned', dossierReturn: { receiverName: 'Nguyễn Văn An', receiverRole: 'applicant' } });
    expect(atDesk.events[0]).toMatchObject({ fromStatus: 9, toStatus: 10 });
    const post = { ...counter, method: 'postal' as const };
    expect(codeOf(applyCommand(ready, post, contextFor(receptionist)))).toBe('DOSSIER_FIELD_REQUIRED');
    const posted = value(applyCommand(ready, { ...post, waybillNumber: 'EB123456789VN' }, contextFor(receptionist))).next;
    expect(posted).toMatchObject({ state: 'in_postal_return', dossierReturn: { waybillNumber: 'EB123456789VN', deliveredAt: null } });
    const future = { type: 'confirm_delivery' as const, deliveredAt: new Date('2030-01-01T00:00:00Z'), receiverName: null };
    expect(codeOf(applyCommand(posted, future, contextFor(receptionist)))).toBe('DOSSIER_FIELD_REQUIRED');
    const delivered = value(applyCommand(posted, { ...future, deliveredAt: null, receiverName: 'Nguyễn Văn An' }, contextFor(receptionist)));
    expect(delivered.events[0]).toMatchObject({ fromStatus: 9, toStatus: 10 });
    expect(value(applyCommand(ready, { ...counter, method: 'online' }, contextFor(receptionist))).next.state).toBe('returned');
  });
});

describe('extension guards', () => {
  it('extends once only, by the agency leader or the desk supervisor', () => {
    const d = dossierAt('processing', {
      extensions: [
        {
          id: 'e1',
          requestedAt: new Date('2026-03-02T02:00:00Z'),
          requestedById: 'u-leader',
          agencyId: department,
          reason: 'r',
          previousDueAt: new Date('2026-03-05T02:00:00Z'),
          newDueAt: new Date('2026-03-09T02:00:00Z'),
        },
      ],
    });
    const command = { type: 'extend' as const, newDueAt: new Date('2026-03-12T02:00:00Z'), reason: 'Chờ xác minh' };
    expect(codeOf(applyCommand(d, command, contextFor(specialist)))).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(codeOf(applyCommand(d, command, contextFor(leader)))).toBe('DOSSIER_EXTENSION_ALREADY_GRANTED');
    expect(codeOf(applyCommand(dossierAt('result_ready'), command, contextFor(leader)))).toBe('DOSSIER_INVALID_STATE');
  });
});

describe('parties', () => {
  it('keeps the applicant data on Form 01 data only, not in event details', () => {
    const { events } = value(refuseAtCounter({ ...newDossierInput(), reason: 'x' }, contextFor(receptionist)));
    expect(JSON.stringify(events[0]!.details)).not.toContain(applicant.phone!);
    expect(events[0]!.formData).toMatchObject({ applicant: { fullName: 'Nguyễn Văn An' } });
  });
});
