/**
 * Transitions on the real legal clock (the calendar module with the 2026 decisions, periods 07:00–11:30 and
 * 13:30–17:00): due times, transfer timing, the reception-check window, supplement restart and the late flag,
 * the extension window, pauses, step due times, and a whole counter dossier's control sheet.
 */
import { describe, expect, it } from 'vitest';
import type { Result } from '../shared/index';
import { applyCommand, type DossierCommand } from './commands';
import type { Dossier } from './dossier';
import {
  agency,
  citizen,
  contextFor,
  department,
  desk,
  dossierAt,
  head,
  leader,
  local,
  newDossierInput,
  otherDesk,
  procedureCase,
  realClock,
  receptionist,
  specialist,
  supervisor,
} from './dossier.test-builders';
import { receptionCheckDue } from './read-models';
import { receiveAtDesk, submitOnline } from './reception';
import type { TransitionContext, Transition } from './transition';

const clock = realClock();
const tenDays = procedureCase({ timeLimits: [{ channel: 'any', amount: 10, unit: 'working-days' }] });
const assignment = (n = 1) => ({
  code: `000.00.07.H57-260302-${String(n).padStart(4, '0')}`,
  codeFormat: 'tt01-2018',
  ledgerEntry: { deskAgencyId: desk, year: 2026, number: n },
});

function value(result: Result<Transition, unknown>): Transition {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function at(actor: TransitionContext['actor'], when: string): TransitionContext {
  return contextFor(actor, { now: local(when), clock });
}

function act(dossier: Dossier, command: DossierCommand, actor: TransitionContext['actor'], when: string): Transition {
  return value(applyCommand(dossier, command, at(actor, when)));
}

function receivedAtCounter(when: string, procedure = tenDays): Dossier {
  return value(receiveAtDesk({ ...newDossierInput({ procedure }), channel: 'counter' }, assignment(), at(receptionist, when))).next;
}

describe('reception on the legal clock', () => {
  it('computes the appointment of legal-spec §3.5: Mon 02/03/2026 09:00 + 10 working days → Mon 16/03 09:00', () => {
    const { next, events } = value(
      receiveAtDesk({ ...newDossierInput({ procedure: tenDays }), channel: 'counter' }, assignment(), at(receptionist, '2026-03-02 09:00')),
    );
    expect(next).toMatchObject({ state: 'received', code: assignment().code, receivedAt: local('2026-03-02 09:00') });
    expect(next.dueAt).toEqual(local('2026-03-16 09:00'));
    expect(next.initialDueAt).toEqual(local('2026-03-16 09:00'));
    expect(events[0]).toMatchObject({ kind: 'receive', fromStatus: null, toStatus: 2, form: { kind: 'receipt', set: 'tt03-2025', number: '01' } });
    expect(events[0]!.formData).toMatchObject({
      dossierCode: assignment().code,
      dueAt: local('2026-03-16 09:00').toISOString(),
      ledger: { year: 2026, number: 1 },
      timeLimit: { amount: 10, unit: 'working-days' },
    });
  });

  it('skips Tết 2026 (§3.5): Thu 12/02 10:00 + 5 working days → Thu 26/02 10:00', () => {
    const five = procedureCase({ timeLimits: [{ channel: 'any', amount: 5, unit: 'working-days' }] });
    expect(receivedAtCounter('2026-02-12 10:00', five).dueAt).toEqual(local('2026-02-26 10:00'));
  });

  it('transfers paper within the working day before 15:00, at the next working morning after it (NĐ 118 Art. 18(2))', () => {
    expect(receivedAtCounter('2026-03-02 14:59').transferDueAt).toEqual(local('2026-03-02 17:00'));
    expect(receivedAtCounter('2026-03-02 15:30').transferDueAt).toEqual(local('2026-03-03 07:00'));
    // Fri 09/01/2026 after 15:00: the next working day is the make-up Saturday 10/01
    expect(receivedAtCounter('2026-01-09 16:00').transferDueAt).toEqual(local('2026-01-10 07:00'));
  });

  it('transfers an electronic dossier at once, and gives the desk 8 working hours to check it (§3.5: Sat 25/04 20:00)', () => {
    const owner = citizen('citizen-1');
    const submitted = value(submitOnline(newDossierInput({ returnMethod: 'online', entryPoint: 'national_portal' }), at(owner, '2026-04-25 20:00'))).next;
    expect(receptionCheckDue(submitted, clock, 8)).toEqual(local('2026-04-28 17:00'));
    const received = act(submitted, { type: 'receive', assignment: assignment() }, receptionist, '2026-04-28 08:00').next;
    expect(received.transferDueAt).toEqual(local('2026-04-28 08:00'));
    expect(received.dueAt).toEqual(local('2026-05-05 08:00')); // 3 working days: Wed 29/04, then 30/04, 01/05 and the weekend are off
  });

  it('starts a boundary-free dossier’s clock when the competent agency receives it, keeping both instants (§16.3)', () => {
    const elsewhere = { ...receptionist, grants: [{ role: 'reception_officer' as const, agencyId: otherDesk, includeSubAgencies: false }], visibleAgencyIds: [otherDesk] };
    const received = value(
      receiveAtDesk(
        { ...newDossierInput({ procedure: tenDays, receivingAgencyId: otherDesk }), channel: 'counter' },
        assignment(),
        at(elsewhere, '2026-03-02 09:00'),
      ),
    ).next;
    expect(received).toMatchObject({ isBoundaryFree: true, dueAt: null, clockStartedAt: null });
    const transferred = act(received, { type: 'transfer', note: null }, elsewhere, '2026-03-03 10:00');
    expect(transferred.next).toMatchObject({ receivedAt: local('2026-03-02 09:00'), competentReceivedAt: local('2026-03-03 10:00') });
    expect(transferred.next.dueAt).toEqual(local('2026-03-17 10:00'));
    expect(transferred.events[0]).toMatchObject({ details: { clockStarted: true }, form: { kind: 'receipt' } });
  });
});

describe('supplement after reception (NĐ 61 Art. 19(4))', () => {
  it('restarts the clock from the complete supplement and keeps the original due time (§3.5 example)', () => {
    const received = receivedAtCounter('2026-03-02 09:00');
    const processing = act(received, { type: 'transfer', note: null }, receptionist, '2026-03-02 09:30').next;
    const asked = act(processing, { type: 'request_supplement', items: ['Bản sao sổ hộ khẩu'], reason: 'Thiếu giấy tờ' }, specialist, '2026-03-04 10:00');
    expect(asked.next.supplementRequests[0]).toMatchObject({ stage: 'appraisal', isLate: false, dueAtBefore: local('2026-03-16 09:00') });
    expect(asked.events[0]).toMatchObject({ fromStatus: 4, toStatus: 5 });
    const supplied = act(asked.next, { type: 'provide_supplement', documents: [], note: null }, receptionist, '2026-03-09 14:00');
    expect(supplied.next.state).toBe('processing');
    expect(supplied.next.dueAt).toEqual(local('2026-03-23 14:00'));
    expect(supplied.next.initialDueAt).toEqual(local('2026-03-16 09:00'));
    expect(supplied.next.code).toBe(received.code);
    expect(supplied.events[0]).toMatchObject({ fromStatus: 5, toStatus: 4, details: { clockRestarted: true } });
    // the active step runs again from the supplement with its full budget
    expect(supplied.next.steps[0]!.dueAt).toEqual(local('2026-03-11 08:00'));
  });

  it('flags a request later than 3 working days after reception', () => {
    const processing = act(receivedAtCounter('2026-03-02 09:00'), { type: 'transfer', note: null }, receptionist, '2026-03-02 09:30').next;
    const onTime = act(processing, { type: 'request_supplement', items: ['x'], reason: 'y' }, specialist, '2026-03-05 09:00');
    expect(onTime.next.supplementRequests[0]!.isLate).toBe(false);
    const late = act(processing, { type: 'request_supplement', items: ['x'], reason: 'y' }, specialist, '2026-03-05 09:30');
    expect(late.next.supplementRequests[0]!.isLate).toBe(true);
  });
});

describe('apology and extension (Form 04)', () => {
  const processing = () => act(receivedAtCounter('2026-03-02 09:00'), { type: 'transfer', note: null }, receptionist, '2026-03-02 09:30').next;
  const extend = { type: 'extend' as const, newDueAt: local('2026-03-20 17:00'), reason: 'Chờ kết quả xác minh' };

  it('is allowed up to exactly 1 working day before the due time, and only once', () => {
    const extended = act(processing(), extend, leader, '2026-03-13 09:00');
    expect(extended.next).toMatchObject({ dueAt: local('2026-03-16 09:00'), extendedDueAt: local('2026-03-20 17:00') });
    expect(extended.events[0]).toMatchObject({ toStatus: 4, form: { kind: 'apology_extension', number: '04' } });
    expect(extended.events[0]!.formData).toMatchObject({ originalDueAt: local('2026-03-16 09:00').toISOString(), newDueDate: '2026-03-20' });
    const again = applyCommand(extended.next, { ...extend, newDueAt: local('2026-03-27 17:00') }, at(leader, '2026-03-13 09:30'));
    expect(again.ok ? 'ok' : again.error.code).toBe('DOSSIER_EXTENSION_ALREADY_GRANTED');
  });

  it('is refused with less than 1 working day left, or for a date not after the current due time', () => {
    const late = applyCommand(processing(), extend, at(leader, '2026-03-13 09:01'));
    expect(late.ok ? 'ok' : late.error.code).toBe('DOSSIER_EXTENSION_TOO_LATE');
    const earlier = applyCommand(processing(), { ...extend, newDueAt: local('2026-03-16 09:00') }, at(supervisor, '2026-03-05 09:00'));
    expect(earlier.ok ? 'ok' : earlier.error.code).toBe('DOSSIER_EXTENSION_NOT_LATER');
  });
});

describe('financial obligation', () => {
  it('shifts the due times by the paused working time when the case pauses the clock', () => {
    const pausing = procedureCase({ ...tenDays, pausesClockOnFinancialObligation: true });
    const processing = act(receivedAtCounter('2026-03-02 09:00', pausing), { type: 'transfer', note: null }, receptionist, '2026-03-02 09:30').next;
    const waiting = act(processing, { type: 'request_payment', items: [{ name: 'Lệ phí', amount: 50000 }] }, specialist, '2026-03-03 09:00').next;
    const paid = act(waiting, { type: 'confirm_payment', reference: 'BL-0001' }, receptionist, '2026-03-04 09:00');
    expect(paid.next.dueAt).toEqual(local('2026-03-17 09:00'));
    expect(paid.events[0]).toMatchObject({ fromStatus: 6, toStatus: 4, details: { pausedWorkingMinutes: 480 } });
  });
});

describe('a counter dossier from reception to return', () => {
  it('runs the internal workflow with step due times and records every hand-over on the control sheet', () => {
    let d = receivedAtCounter('2026-03-02 09:00');
    d = act(d, { type: 'transfer', note: null }, receptionist, '2026-03-02 10:00').next;
    const [s1, s2, s3] = d.steps;
    expect(s1).toMatchObject({ status: 'active', agencyId: department, role: 'specialist', dueAt: local('2026-03-03 16:00') });
    d = act(d, { type: 'claim_step', stepId: s1!.id }, specialist, '2026-03-02 10:05').next;
    d = act(d, { type: 'complete_step', stepId: s1!.id, note: 'Đủ điều kiện' }, specialist, '2026-03-03 16:30').next;
    expect(d.steps[1]).toMatchObject({ status: 'active', dueAt: local('2026-03-04 14:30') });
    d = act(d, { type: 'complete_step', stepId: s2!.id, note: null }, head, '2026-03-04 08:00').next;
    d = act(d, { type: 'complete_step', stepId: s3!.id, note: null }, leader, '2026-03-04 09:00').next;
    const resulted = act(d, { type: 'record_result', kind: 'granted', documentNumber: '15/GKS', summary: 'Giấy khai sinh', attachmentIds: [], signerName: 'Chủ tịch' }, leader, '2026-03-04 10:00');
    expect(resulted.next).toMatchObject({ state: 'result_ready', timeliness: 'early', processingEndedAt: local('2026-03-04 10:00') });
    d = act(resulted.next, { type: 'return_result', method: 'counter', receiverName: 'Nguyễn Văn An', receiverRole: 'applicant', waybillNumber: null }, receptionist, '2026-03-05 08:00').next;
    expect(d.state).toBe('returned');
    expect(d.handovers.map((h) => [h.kind, h.toAgencyId, h.timeliness])).toEqual([
      ['reception', desk, 'on_time'],
      ['transfer', department, 'late'],
      ['step', department, 'on_time'],
      ['step', agency, 'on_time'],
      ['result', desk, 'early'],
      ['return', null, null],
    ]);
    expect(d.handovers[1]).toMatchObject({ at: local('2026-03-02 10:00'), completedAt: local('2026-03-03 16:30'), dueAt: local('2026-03-03 16:00') });
  });

  it('returns a step to an earlier one with a reason, which runs again on a fresh budget', () => {
    let d = act(receivedAtCounter('2026-03-02 09:00'), { type: 'transfer', note: null }, receptionist, '2026-03-02 10:00').next;
    const [s1, s2] = d.steps;
    d = act(d, { type: 'complete_step', stepId: s1!.id, note: null }, specialist, '2026-03-02 11:00').next;
    const back = act(d, { type: 'return_step', stepId: s2!.id, toStepId: s1!.id, reason: 'Thiếu ý kiến thẩm định' }, head, '2026-03-02 14:00');
    expect(back.next.steps[0]).toMatchObject({ status: 'active', round: 2, dueAt: local('2026-03-04 08:00'), assigneeId: 'u-specialist' });
    expect(back.next.steps[1]).toMatchObject({ status: 'pending' });
    expect(back.next.handovers.at(-1)).toMatchObject({ kind: 'return_step', toAgencyId: department, note: 'Thiếu ý kiến thẩm định' });
  });

  it('runs a paper inter-agency chain one agency after another, each with its own sub-deadline', () => {
    const chain = procedureCase({
      ...tenDays,
      workflow: [],
      interAgency: {
        mode: 'sequential',
        leadAgencyId: agency,
        legs: [
          { order: 1, agencyId: otherDesk, budgetHours: 8, task: 'Xác nhận cư trú' },
          { order: 2, agencyId: department, budgetHours: 16, task: 'Thẩm định' },
        ],
      },
    });
    const elsewhere = { ...specialist, grants: [{ role: 'specialist' as const, agencyId: otherDesk, includeSubAgencies: false }], visibleAgencyIds: [otherDesk] };
    let d = act(receivedAtCounter('2026-03-02 09:00', chain), { type: 'transfer', note: null }, receptionist, '2026-03-02 09:00').next;
    expect(d.interAgencyLegs.map((l) => l.status)).toEqual(['active', 'pending']);
    expect(d.interAgencyLegs[0]!.dueAt).toEqual(local('2026-03-03 09:00'));
    const blocked = applyCommand(d, { type: 'record_result', kind: 'granted', documentNumber: null, summary: 'x', attachmentIds: [], signerName: null }, at(leader, '2026-03-02 10:00'));
    expect(blocked.ok ? 'ok' : blocked.error.code).toBe('DOSSIER_INTER_AGENCY_PENDING');
    d = act(d, { type: 'complete_leg', legId: d.interAgencyLegs[0]!.id, outcome: 'Đã xác nhận' }, elsewhere, '2026-03-03 10:00').next;
    expect(d.interAgencyLegs.map((l) => l.status)).toEqual(['completed', 'active']);
    expect(d.handovers.filter((h) => h.kind === 'inter_agency').map((h) => h.timeliness)).toEqual(['late', null]);
  });

  it('gives a consultation its own sub-deadline on the clock', () => {
    let d = act(receivedAtCounter('2026-03-02 09:00'), { type: 'transfer', note: null }, receptionist, '2026-03-02 09:00').next;
    d = act(d, { type: 'request_consultation', toAgencyId: otherDesk, question: 'Xác minh nơi cư trú?', budgetHours: 4 }, specialist, '2026-03-02 16:00').next;
    expect(d.consultations[0]!.dueAt).toEqual(local('2026-03-03 10:00'));
    const pending = applyCommand(d, { type: 'complete_step', stepId: d.steps[0]!.id, note: null }, at(specialist, '2026-03-02 16:30'));
    expect(pending.ok ? 'ok' : pending.error.code).toBe('DOSSIER_CONSULTATION_PENDING');
  });
});

describe('online reception with a dossier-level view', () => {
  it('keeps the reception-check countdown from the last supplement', () => {
    const d = dossierAt('submitted', {
      submittedAt: local('2026-03-02 09:00'),
      supplementRequests: [
        {
          id: 's',
          stage: 'reception',
          resumeState: 'submitted',
          requestedAt: local('2026-03-02 10:00'),
          requestedById: 'u',
          agencyId: desk,
          items: ['a'],
          reason: 'b',
          isLate: false,
          providedAt: local('2026-03-04 16:00'),
          dueAtBefore: null,
          dueAtAfter: null,
        },
      ],
    });
    expect(receptionCheckDue(d, clock, 8)).toEqual(local('2026-03-05 16:00'));
  });
});
