/** HTTP status and titles of the documents module's error codes (spread into the one problem table). */
import type { DocumentErrorCode } from '@motcua/core/documents';

interface ProblemSpec {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export const documentProblems = {
  DOCUMENT_NOT_PDF: { status: 415, vi: 'Văn bản kết quả phải là tệp PDF', en: 'A result document must be a PDF file' },
  DOCUMENT_CONTENT_MISSING: { status: 400, vi: 'Không có tệp nào được lưu với mã này', en: 'No file is stored under this key' },
  DOCUMENT_ALREADY_APPROVED: { status: 409, vi: 'Văn bản kết quả đã được phê duyệt', en: 'The result document is already approved' },
  DOCUMENT_NOT_A_RESULT: { status: 409, vi: 'Văn bản này không phải văn bản kết quả của hồ sơ', en: 'This is not a result document of the dossier' },
  DOCUMENT_REPLACED: { status: 409, vi: 'Dự thảo này đã được thay bằng dự thảo mới hơn', en: 'This draft was replaced by a newer one' },
} as const satisfies Record<DocumentErrorCode, ProblemSpec>;
