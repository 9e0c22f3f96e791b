/**
 * RFC 9457 problem details. One table maps every error code — the domain's and the HTTP layer's — to its status
 * and its Vietnamese and English titles; `satisfies` makes a code without an entry a compile error.
 */
import type { ErrorCode, SharedErrorCode } from '@motcua/core';
import type { OrganizationErrorCode } from '@motcua/core/organization';
import type { IdentityErrorCode } from '@motcua/core/identity';
import type { CalendarErrorCode } from '@motcua/core/calendar';
import { dossierProblems } from '../dossiers/dossier.problems';
import { monitoringProblems } from '../monitoring/monitoring.problems';
import { documentProblems } from '../documents/document.problems';
import { signatureProblems } from '../signatures/signature.problems';
import type { CatalogErrorCode } from '@motcua/core/catalog';

export interface ProblemSpec {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

/** Codes the HTTP layer produces itself (framework errors, limits). */
export const httpErrorCodes = [
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'RATE_LIMITED',
  'CSRF_REJECTED',
  'IDEMPOTENCY_KEY_REUSED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_ERROR',
] as const;
export type HttpErrorCode = (typeof httpErrorCodes)[number];
export type ProblemCode = ErrorCode | HttpErrorCode;

const sharedProblems = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  CONFLICT: { status: 409, vi: 'Thao tác xung đột với trạng thái hiện tại', en: 'The action conflicts with the current state' },
  STALE_VERSION: {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi; vui lòng tải lại',
    en: 'Someone else changed this record; reload it',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You may not do this' },
  UNAUTHENTICATED: { status: 401, vi: 'Vui lòng đăng nhập', en: 'Please sign in' },
} as const satisfies Record<SharedErrorCode, ProblemSpec>;

const httpProblems = {
  MALFORMED_JSON: { status: 400, vi: 'Nội dung JSON bị lỗi cú pháp', en: 'The JSON body is malformed' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên vượt quá giới hạn', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ',
    en: 'The content type is not supported',
  },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu', en: 'No such address' },
  METHOD_NOT_ALLOWED: { status: 405, vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' },
  RATE_LIMITED: {
    status: 429,
    vi: 'Bạn thao tác quá nhiều lần; vui lòng thử lại sau',
    en: 'Too many attempts; try again later',
  },
  CSRF_REJECTED: {
    status: 403,
    vi: 'Yêu cầu bị từ chối vì thiếu mã chống giả mạo (CSRF)',
    en: 'The request lacks a valid anti-forgery (CSRF) token',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác',
    en: 'The Idempotency-Key was already used for a different request',
  },
  SERVICE_UNAVAILABLE: { status: 503, vi: 'Hệ thống tạm thời không sẵn sàng', en: 'The service is temporarily unavailable' },
  INTERNAL_ERROR: {
    status: 500,
    vi: 'Đã xảy ra lỗi hệ thống; vui lòng thử lại hoặc liên hệ bộ phận hỗ trợ',
    en: 'Something went wrong on our side; try again or contact support',
  },
} as const satisfies Record<HttpErrorCode, ProblemSpec>;

const organizationProblems = {
  AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan, đơn vị', en: 'No such agency' },
  AGENCY_CODE_INVALID: {
    status: 400,
    vi: 'Mã định danh cơ quan không đúng định dạng',
    en: 'The agency code is not in a valid format',
  },
  AGENCY_CODE_TAKEN: { status: 409, vi: 'Mã định danh cơ quan đã được sử dụng', en: 'The agency code is already in use' },
  AGENCY_NOT_ACTIVE: {
    status: 409,
    vi: 'Cơ quan, đơn vị không còn hoạt động vào ngày này',
    en: 'The agency does not exist on that date',
  },
  AGENCY_SUCCESSION_INVALID: {
    status: 400,
    vi: 'Thông tin sáp nhập, chia tách không hợp lệ',
    en: 'The merge or split is not valid',
  },
  AGENCY_PARENT_INVALID: {
    status: 409,
    vi: 'Đơn vị cấp trên không được là chính cơ quan hoặc một đơn vị trực thuộc nó',
    en: 'The parent cannot be the agency itself or a unit under it',
  },
} as const satisfies Record<OrganizationErrorCode, ProblemSpec>;

const identityProblems = {
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'The identifier or the password is wrong',
  },
  AUTH_LOCKED: {
    status: 429,
    vi: 'Đăng nhập sai quá nhiều lần; vui lòng thử lại sau',
    en: 'Too many failed sign-ins; try again later',
  },
  AUTH_INVALID_TOTP: { status: 401, vi: 'Mã xác thực (OTP) không đúng', en: 'The one-time code is wrong' },
  AUTH_NO_PENDING_SIGN_IN: {
    status: 401,
    vi: 'Phiên đăng nhập đã hết hạn; vui lòng nhập lại mật khẩu',
    en: 'The sign-in expired; enter your password again',
  },
  AUTH_SESSION_EXPIRED: {
    status: 401,
    vi: 'Phiên làm việc đã hết hạn; vui lòng đăng nhập lại',
    en: 'Your session has expired; please sign in again',
  },
  AUTH_ALREADY_REGISTERED: {
    status: 409,
    vi: 'Thư điện tử hoặc số điện thoại đã được đăng ký',
    en: 'The e-mail address or phone number is already registered',
  },
  AUTH_PROVIDER_NOT_CONFIGURED: {
    status: 404,
    vi: 'Phương thức đăng nhập này chưa được cấu hình',
    en: 'This sign-in method is not configured',
  },
  AUTH_OIDC_FAILED: {
    status: 400,
    vi: 'Đăng nhập qua tài khoản định danh không thành công',
    en: 'Signing in through the identity provider failed',
  },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người dùng', en: 'No such user' },
  ROLE_GRANT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phân quyền', en: 'No such role grant' },
} as const satisfies Record<IdentityErrorCode, ProblemSpec>;

const calendarProblems = {
  CALENDAR_OUT_OF_RANGE: {
    status: 400,
    vi: 'Thời điểm nằm ngoài phạm vi lịch được hỗ trợ (1900–2100)',
    en: 'The time lies outside the supported calendar years (1900–2100)',
  },
  CALENDAR_INVALID_TIME_LIMIT: { status: 400, vi: 'Thời hạn giải quyết không hợp lệ', en: 'The time limit is not valid' },
  CALENDAR_INVALID_DECISION: {
    status: 400,
    vi: 'Quyết định về lịch làm việc không hợp lệ',
    en: 'The calendar decision is not valid',
  },
  CALENDAR_INVALID_WORKING_PERIODS: { status: 400, vi: 'Giờ làm việc không hợp lệ', en: 'The working periods are not valid' },
  CALENDAR_DECISION_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy quyết định về lịch làm việc',
    en: 'No such calendar decision',
  },
  CALENDAR_DECISION_ALREADY_REVOKED: {
    status: 409,
    vi: 'Quyết định này đã bị thu hồi',
    en: 'This decision has already been revoked',
  },
  CALENDAR_AGENCY_NOT_FOUND: { status: 404, vi: 'Không tìm thấy cơ quan, đơn vị', en: 'No such agency' },
  CALENDAR_EXTENSION_ALREADY_USED: {
    status: 409,
    vi: 'Thời hạn giải quyết đã được gia hạn một lần',
    en: 'The due time has already been extended once',
  },
  CALENDAR_INVALID_EXTENSION: { status: 400, vi: 'Yêu cầu gia hạn không hợp lệ', en: 'The extension is not valid' },
  CALENDAR_CLOCK_PAUSED: {
    status: 409,
    vi: 'Đang tạm dừng tính thời hạn; chưa có hạn giải quyết',
    en: 'The clock is paused; there is no due time yet',
  },
} as const satisfies Record<CalendarErrorCode, ProblemSpec>;

const catalogProblems = {
  PROCEDURE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy thủ tục hành chính', en: 'No such administrative procedure' },
  PROCEDURE_VERSION_NOT_FOUND: { status: 404, vi: 'Không tìm thấy phiên bản thủ tục', en: 'No such procedure version' },
  PROCEDURE_CASE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy trường hợp của thủ tục', en: 'No such procedure case' },
  PROCEDURE_DRAFT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bản dự thảo thủ tục', en: 'No such procedure draft' },
  PROCEDURE_DRAFT_ALREADY_OPEN: {
    status: 409,
    vi: 'Thủ tục này đang có một bản dự thảo chưa hoàn tất',
    en: 'This procedure already has an open draft',
  },
  PROCEDURE_DRAFT_WRONG_STATUS: {
    status: 409,
    vi: 'Bản dự thảo không ở trạng thái cho phép thao tác này',
    en: 'The draft is not in a state that allows this',
  },
  PROCEDURE_CONTENT_INVALID: { status: 422, vi: 'Nội dung thủ tục chưa hợp lệ', en: 'The procedure content is not valid' },
  PROCEDURE_NOTHING_TO_PUBLISH: {
    status: 409,
    vi: 'Bản dự thảo không thay đổi gì so với phiên bản hiện hành',
    en: 'The draft does not change the current version',
  },
  PROCEDURE_EFFECTIVE_DATE_INVALID: {
    status: 422,
    vi: 'Ngày hiệu lực của phiên bản mới không được sớm hơn phiên bản trước',
    en: 'A new version cannot take effect before the previous one',
  },
  WORKFLOW_BUDGET_EXCEEDS_LIMIT: {
    status: 422,
    vi: 'Tổng thời gian các bước của quy trình nội bộ vượt thời hạn giải quyết',
    en: "The internal workflow's step budgets exceed the legal time limit",
  },
  INTER_AGENCY_GROUP_NOT_FOUND: { status: 404, vi: 'Không tìm thấy nhóm thủ tục liên thông', en: 'No such inter-agency group' },
  INTER_AGENCY_GROUP_INVALID: {
    status: 422,
    vi: 'Nhóm thủ tục liên thông chưa hợp lệ',
    en: 'The inter-agency group is not valid',
  },
  CATALOG_FORM_TEMPLATE_INVALID: {
    status: 422,
    vi: 'Tệp mẫu đơn, tờ khai phải là PDF, DOCX hoặc XLSX, không quá 10 MB',
    en: 'A form template must be a PDF, DOCX or XLSX file of at most 10 MB',
  },
  CATALOG_IMPORT_INVALID: { status: 422, vi: 'Tệp nhập danh mục thủ tục không hợp lệ', en: 'The catalogue import file is not valid' },
} as const satisfies Record<CatalogErrorCode, ProblemSpec>;

/**
 * The one table. Each module adds its own `<module>Problems` object here; ErrorCode (from core) is the union of
 * all modules' codes, so forgetting one fails `npm run typecheck`.
 */
export const problemTable = {
  ...sharedProblems,
  ...organizationProblems,
  ...identityProblems,
  ...httpProblems,
  ...calendarProblems,
  ...dossierProblems,
  ...catalogProblems,
  ...monitoringProblems,
  ...documentProblems,
  ...signatureProblems,
} as const satisfies Record<ProblemCode, ProblemSpec>;

export type Language = 'vi' | 'en';

/** Vietnamese unless the client prefers English over Vietnamese. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'vi';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag.startsWith('vi') || x.tag.startsWith('en'))
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'vi';
}

export interface FieldProblem {
  /** Where: 'body.applicant.phone', 'query.amount'. */
  readonly field: string;
  readonly message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
  instance?: string;
  requestId: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export function problemBody(
  code: ProblemCode,
  language: Language,
  requestId: string,
  extra: { detail?: string; instance?: string; errors?: FieldProblem[]; details?: Record<string, unknown> } = {},
): ProblemBody {
  const spec = problemTable[code];
  return {
    type: `urn:motcua:problem:${code.toLowerCase().replaceAll('_', '-')}`,
    title: spec[language],
    status: spec.status,
    code,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.instance ? { instance: extra.instance } : {}),
    requestId,
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
    ...(extra.details ? { details: extra.details } : {}),
  };
}
