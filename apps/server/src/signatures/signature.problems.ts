/** HTTP status and titles of the signatures module's error codes (spread into the one problem table). */
import type { SignatureErrorCode } from '@motcua/core/signatures';

/** The shape of http/problem.ts's ProblemSpec (not imported: problem.ts imports this table). */
interface ProblemSpec {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export const signatureProblems = {
  SIGNING_CERTIFICATE_UNREADABLE: {
    status: 422,
    vi: 'Không đọc được tệp chứng thư số (PKCS#12) hoặc sai mật khẩu',
    en: 'The PKCS#12 file cannot be read or the password is wrong',
  },
  SIGNING_CERTIFICATE_NO_KEY: {
    status: 422,
    vi: 'Tệp chứng thư số không có khóa bí mật RSA khớp với chứng thư',
    en: 'The file holds no RSA private key matching its certificate',
  },
  SIGNING_CERTIFICATE_EXPIRED: {
    status: 422,
    vi: 'Chứng thư số đã hết hạn hoặc chưa có hiệu lực',
    en: 'The certificate has expired or is not yet valid',
  },
  SIGNING_CERTIFICATE_DUPLICATE: { status: 409, vi: 'Chứng thư số này đã có trong kho', en: 'This certificate is already in the store' },
  SIGNING_CERTIFICATE_NOT_FOUND: { status: 404, vi: 'Không tìm thấy chứng thư số', en: 'No such certificate' },
  SIGNING_CERTIFICATE_ALREADY_INACTIVE: {
    status: 409,
    vi: 'Chứng thư số đã bị ngừng sử dụng',
    en: 'The certificate is already deactivated',
  },
  SIGNING_CERTIFICATE_MISSING: {
    status: 409,
    vi: 'Chưa có chứng thư số còn hiệu lực để ký',
    en: 'There is no valid certificate to sign with',
  },
  SIGNING_NOT_CONFIGURED: {
    status: 503,
    vi: 'Hệ thống chưa được cấu hình khóa chủ cho chữ ký số',
    en: 'Signing is not configured (no PKI master key)',
  },
  VERIFICATION_NOT_PDF: { status: 415, vi: 'Tệp gửi lên không phải là tệp PDF', en: 'The file is not a PDF' },
} as const satisfies Record<SignatureErrorCode, ProblemSpec>;
