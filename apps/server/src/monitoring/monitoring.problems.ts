/** HTTP status and titles of the monitoring module's error codes (spread into the one problem table). */
import type { MonitoringErrorCode } from '@motcua/core/monitoring';

interface ProblemSpec {
  readonly status: number;
  readonly vi: string;
  readonly en: string;
}

export const monitoringProblems = {
  MONITORING_PERIOD_INVALID: { status: 400, vi: 'Kỳ báo cáo không hợp lệ', en: 'The report period is not valid' },
  MONITORING_EXPORT_NOT_READY: {
    status: 409,
    vi: 'Tệp báo cáo chưa sẵn sàng, vui lòng chờ',
    en: 'The report file is not ready yet',
  },
} as const satisfies Record<MonitoringErrorCode, ProblemSpec>;
