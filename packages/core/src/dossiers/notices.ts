/**
 * What the applicant is told (legal-spec §3.7): on every change of the national status, and on an extension
 * (Form 04 is sent to the applicant), a plain Vietnamese notice rendered from the event. The notice names the
 * dossier code, the procedure, the new status, the agency acting and the due time; nothing else personal.
 */
import type { Dossier } from './dossier';
import { localDateOf, localTimeOf } from './dossier-code';
import { nationalStatusNames } from './dossier-state';
import type { DossierEvent } from './transition';

export function notifiesApplicant(event: Pick<DossierEvent, 'kind' | 'fromStatus' | 'toStatus'>): boolean {
  if (event.kind === 'extend') return true;
  return event.toStatus !== null && event.toStatus !== event.fromStatus;
}

/** dd/MM/yyyy HH:mm in Việt Nam time. */
export function formatLocal(instant: Date): string {
  const [y, m, d] = localDateOf(instant).split('-');
  return `${d}/${m}/${y} ${localTimeOf(instant)}`;
}

const lead: Partial<Record<DossierEvent['kind'], string>> = {
  submit: 'Hồ sơ của Ông/Bà đã được gửi trực tuyến và đang chờ cán bộ kiểm tra, tiếp nhận.',
  receive: 'Hồ sơ của Ông/Bà đã được tiếp nhận.',
  refuse_at_reception: 'Hồ sơ của Ông/Bà không được tiếp nhận.',
  request_supplement: 'Hồ sơ của Ông/Bà cần được bổ sung, hoàn thiện.',
  provide_supplement: 'Hồ sơ của Ông/Bà đã được bổ sung và tiếp tục được giải quyết.',
  transfer: 'Hồ sơ của Ông/Bà đã được chuyển đến cơ quan có thẩm quyền và đang được xử lý.',
  request_payment: 'Ông/Bà cần thực hiện nghĩa vụ tài chính để hồ sơ được tiếp tục giải quyết.',
  confirm_payment: 'Nghĩa vụ tài chính đã được ghi nhận; hồ sơ tiếp tục được giải quyết.',
  extend: 'Cơ quan giải quyết xin lỗi vì hồ sơ chưa thể trả kết quả đúng hẹn và hẹn lại thời gian trả kết quả.',
  refuse_after_appraisal: 'Hồ sơ của Ông/Bà không đủ điều kiện giải quyết.',
  stop: 'Việc giải quyết hồ sơ đã được dừng theo yêu cầu của Ông/Bà.',
  withdraw: 'Hồ sơ của Ông/Bà đã được rút theo yêu cầu.',
  record_result: 'Hồ sơ của Ông/Bà đã được giải quyết xong; kết quả sẵn sàng để trả.',
  return_result: 'Kết quả giải quyết hồ sơ đã được trả.',
  confirm_delivery: 'Kết quả giải quyết hồ sơ đã được bưu chính giao đến Ông/Bà.',
};

export interface ApplicantNotice {
  readonly subject: string;
  readonly text: string;
  /** A short text for SMS (no diacritics needed by the adapter; kept short). */
  readonly shortText: string;
}

export function renderApplicantNotice(dossier: Dossier, event: DossierEvent, trackingUrl: string | null): ApplicantNotice {
  const reference = dossier.code ?? 'hồ sơ nộp trực tuyến';
  const statusName = event.toStatus ? nationalStatusNames[event.toStatus] : '';
  const subject = `[MotCua] ${reference}: ${event.kind === 'extend' ? 'Hẹn lại ngày trả kết quả' : statusName}`;
  const lines = [
    'Kính gửi Ông/Bà,',
    '',
    lead[event.kind] ?? `Trạng thái hồ sơ: ${statusName}.`,
    '',
    `Mã hồ sơ: ${dossier.code ?? '(chưa cấp)'}`,
    `Thủ tục: ${dossier.procedure.procedureName}`,
    `Trạng thái: ${statusName}`,
    `Thời điểm: ${formatLocal(event.at)}`,
  ];
  const due = dossier.extendedDueAt ?? dossier.dueAt;
  if (due && !['refuse_at_reception', 'stop', 'withdraw', 'return_result', 'confirm_delivery'].includes(event.kind)) {
    lines.push(`Thời hạn trả kết quả: ${formatLocal(due)}`);
  }
  if (event.note && ['request_supplement', 'refuse_at_reception', 'refuse_after_appraisal', 'extend'].includes(event.kind)) {
    lines.push(`Lý do: ${event.note}`);
  }
  const items = event.details['items'];
  if (event.kind === 'request_supplement' && Array.isArray(items)) {
    lines.push('Nội dung cần bổ sung:', ...items.map((i, n) => `  ${n + 1}. ${String(i)}`));
  }
  if (trackingUrl && dossier.code) lines.push('', `Tra cứu hồ sơ: ${trackingUrl}`);
  lines.push('', 'Đây là thư tự động của hệ thống một cửa điện tử; vui lòng không trả lời thư này.');
  const shortText = `MotCua: Ho so ${dossier.code ?? ''} - ${statusName}${due ? `, hen tra ${formatLocal(due)}` : ''}`;
  return { subject, text: lines.join('\n'), shortText };
}
