/** HTTP status and titles of the dossier engine's error codes (spread into the one problem table). */
import type { DossierErrorCode } from '@motcua/core/dossiers';

/** The shape of http/problem.ts's ProblemSpec (not imported: problem.ts imports this table). */
interface ProblemSpec {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export const dossierProblems = {
  DOSSIER_INVALID_STATE: {
    status: 409,
    vi: 'Hồ sơ đang ở trạng thái không cho phép thao tác này',
    en: 'The dossier is in a state that does not allow this action',
  },
  DOSSIER_ACTOR_NOT_ALLOWED: {
    status: 403,
    vi: 'Bạn không có vai trò phù hợp tại cơ quan xử lý hồ sơ này',
    en: 'You do not hold the role this action needs at the agency handling the dossier',
  },
  DOSSIER_FIELD_REQUIRED: { status: 400, vi: 'Thiếu thông tin bắt buộc', en: 'A required field is missing' },
  DOSSIER_TIME_LIMIT_MISSING: {
    status: 409,
    vi: 'Trường hợp thủ tục chưa có thời hạn giải quyết cho kênh này',
    en: 'The procedure case has no time limit for this channel',
  },
  DOSSIER_POSTAL_NOT_ALLOWED: {
    status: 409,
    vi: 'Thủ tục này không thực hiện qua dịch vụ bưu chính công ích',
    en: 'This procedure is not available through the public postal service',
  },
  DOSSIER_SUPPLEMENT_ALREADY_REQUESTED: {
    status: 409,
    vi: 'Chỉ được yêu cầu bổ sung, hoàn thiện hồ sơ một lần',
    en: 'A supplement may be requested only once',
  },
  DOSSIER_EXTENSION_ALREADY_GRANTED: {
    status: 409,
    vi: 'Chỉ được xin lỗi và hẹn lại ngày trả kết quả một lần',
    en: 'The due time may be extended only once',
  },
  DOSSIER_EXTENSION_TOO_LATE: {
    status: 409,
    vi: 'Văn bản xin lỗi và gia hạn phải gửi chậm nhất 01 ngày làm việc trước thời hạn',
    en: 'The apology and extension must be issued at least one working day before the due time',
  },
  DOSSIER_EXTENSION_NOT_LATER: {
    status: 409,
    vi: 'Thời hạn mới phải sau thời hạn hiện tại',
    en: 'The new due time must be after the current one',
  },
  DOSSIER_STEP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bước xử lý', en: 'No such processing step' },
  DOSSIER_STEP_NOT_ACTIVE: {
    status: 409,
    vi: 'Bước xử lý này không ở trạng thái đang thực hiện',
    en: 'This processing step is not the active one',
  },
  DOSSIER_ASSIGNEE_NOT_ELIGIBLE: {
    status: 422,
    vi: 'Cán bộ được phân công không có vai trò của bước này tại đơn vị xử lý',
    en: 'The assignee does not hold the step’s role at the agency handling it',
  },
  DOSSIER_STEP_ALREADY_ASSIGNED: {
    status: 409,
    vi: 'Bước xử lý đã được giao cho cán bộ khác',
    en: 'This step is already assigned',
  },
  DOSSIER_STEP_NOT_ASSIGNEE: {
    status: 409,
    vi: 'Bước xử lý được giao cho cán bộ khác',
    en: 'This step is assigned to another officer',
  },
  DOSSIER_STEP_RETURN_INVALID: {
    status: 409,
    vi: 'Chỉ được trả hồ sơ về một bước trước đó',
    en: 'A step can return the dossier only to an earlier step',
  },
  DOSSIER_WORKFLOW_INCOMPLETE: {
    status: 409,
    vi: 'Chưa hoàn thành các bước của quy trình nội bộ',
    en: 'The internal workflow is not complete',
  },
  DOSSIER_CONSULTATION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy yêu cầu lấy ý kiến', en: 'No such consultation' },
  DOSSIER_CONSULTATION_PENDING: {
    status: 409,
    vi: 'Còn yêu cầu lấy ý kiến chưa được trả lời',
    en: 'Consultations are still unanswered',
  },
  DOSSIER_CONSULTATION_ANSWERED: {
    status: 409,
    vi: 'Yêu cầu lấy ý kiến đã được trả lời',
    en: 'This consultation was already answered',
  },
  DOSSIER_LEG_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phần việc liên thông', en: 'No such inter-agency part' },
  DOSSIER_LEG_NOT_ACTIVE: {
    status: 409,
    vi: 'Phần việc liên thông này chưa đến lượt hoặc đã xong',
    en: 'This inter-agency part is not active',
  },
  DOSSIER_INTER_AGENCY_PENDING: {
    status: 409,
    vi: 'Các cơ quan liên thông chưa hoàn thành phần việc',
    en: 'Participating agencies have not completed their parts',
  },
  DOSSIER_RESULT_EXISTS: {
    status: 409,
    vi: 'Hồ sơ đã có kết quả giải quyết',
    en: 'A decision or result already exists',
  },
  DOSSIER_ATTACHMENT_TYPE: {
    status: 415,
    vi: 'Tệp đính kèm phải là PDF, JPEG, PNG, DOCX hoặc XLSX',
    en: 'Attachments must be PDF, JPEG, PNG, DOCX or XLSX',
  },
  DOSSIER_ATTACHMENT_TOO_LARGE: { status: 413, vi: 'Tệp đính kèm quá lớn', en: 'The attachment is too large' },
  DOSSIER_ATTACHMENTS_TOO_LARGE: {
    status: 413,
    vi: 'Tổng dung lượng tệp của hồ sơ vượt quá giới hạn',
    en: "The dossier's attachments exceed the size limit",
  },
  DOSSIER_ATTACHMENT_MISSING: {
    status: 400,
    vi: 'Chưa có tệp đính kèm trong yêu cầu (trường file)',
    en: 'The request carries no file (multipart field file)',
  },
  DOSSIER_ATTACHMENT_UNKNOWN: {
    status: 422,
    vi: 'Tệp kết quả không thuộc hồ sơ này',
    en: 'The result names a file that is not an attachment of this dossier',
  },
  DOSSIER_DUE_TIME_UNCHANGED: {
    status: 409,
    vi: 'Lịch làm việc hiện hành không làm thay đổi thời hạn của hồ sơ',
    en: 'The calendar in force gives the same due times',
  },
  DOSSIER_TRACKING_FACTOR: {
    status: 404,
    vi: 'Không tìm thấy hồ sơ với mã và thông tin xác thực đã nhập',
    en: 'No dossier matches this code and verification',
  },
  DOSSIER_DECLARATION_NOT_FOUND: {
    status: 404,
    vi: 'Hồ sơ này không có tờ khai trực tuyến: hồ sơ không được khai qua Cổng dịch vụ công (nộp trực tiếp hoặc qua bưu chính)',
    en: 'This dossier has no online declaration: it was not filled in on the portal (submitted at the counter or by post)',
  },
} as const satisfies Record<DossierErrorCode, ProblemSpec>;
