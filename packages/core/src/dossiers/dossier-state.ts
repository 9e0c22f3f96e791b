/**
 * The dossier's internal states and their national status codes (legal-spec §3.2: the "TrangThaiHoSo" values
 * synced to the national portal). The engine works on internal states; the national code is derived through a
 * table that a deployment may override (§3.2: "make the mapping table-driven"; §16.6 design proposal for the stop).
 */

/** National status codes 1–10 (legal-spec §3.2). */
export type NationalStatus = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

export const nationalStatusNames: Readonly<Record<NationalStatus, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export const dossierStates = [
  /** Online: submitted by the applicant, waiting for the reception check (status 1). */
  'submitted',
  /** At the counter: guided to complete the dossier (Form 02), not received: no code, no clock. */
  'guided',
  /** Refused at reception (Form 03), counter or online. */
  'refused_at_reception',
  /** Received at a desk, code assigned; waiting for the transfer to the competent agency. */
  'received',
  /** Under processing by the competent agency: internal workflow, consultations, inter-agency legs. */
  'processing',
  /** A supplement was requested (Form 02); at reception (online, no clock yet) or after appraisal (clock restarts). */
  'supplement_requested',
  /** Waiting for the applicant to pay a financial obligation (status 6). */
  'awaiting_payment',
  /** Refused after appraisal (Phiếu từ chối giải quyết). */
  'refused_after_appraisal',
  /** Withdrawn by the applicant (status 7). */
  'withdrawn',
  /** Processing stopped at the applicant's request (NĐ 118 Art. 21; Form 05 of TT 03/2025). */
  'stopped',
  /** The result is at the desk, not yet collected (status 9). */
  'result_ready',
  /** The result is with the postal courier on its way to the applicant (status 9). */
  'in_postal_return',
  /** The result was returned (status 10). */
  'returned',
] as const;
export type DossierState = (typeof dossierStates)[number];

/** National code of each internal state; null = never synced (a counter guidance that received nothing). */
export type StatusMapping = Readonly<Record<DossierState, NationalStatus | null>>;

export const defaultStatusMapping: StatusMapping = {
  submitted: 1,
  guided: null,
  refused_at_reception: 3,
  received: 2,
  processing: 4,
  supplement_requested: 5,
  awaiting_payment: 6,
  // UNVERIFIED (legal-spec §3.2): 3 or 8 per DVCQG guidance; 3 by default, configurable.
  refused_after_appraisal: 3,
  withdrawn: 7,
  stopped: 8,
  result_ready: 9,
  in_postal_return: 9,
  returned: 10,
};

export function nationalStatusOf(state: DossierState, mapping: StatusMapping = defaultStatusMapping): NationalStatus | null {
  return mapping[state];
}

/** States after which nothing more happens to the dossier. */
export const terminalStates: ReadonlySet<DossierState> = new Set([
  'guided',
  'refused_at_reception',
  'refused_after_appraisal',
  'withdrawn',
  'stopped',
  'returned',
]);

/** States in which a result (decision) exists: a stop request is refused (NĐ 118 Art. 21). */
export const resultStates: ReadonlySet<DossierState> = new Set(['result_ready', 'in_postal_return', 'returned']);

/** States of a received dossier whose legal clock runs (or is paused), i.e. deadline sweeps look at them. */
export const clockStates: ReadonlySet<DossierState> = new Set(['received', 'processing', 'awaiting_payment']);

export function isTerminal(state: DossierState): boolean {
  return terminalStates.has(state);
}

export function isOpen(state: DossierState): boolean {
  return !terminalStates.has(state);
}
