/** Stable codes of the monitoring module. */
export const monitoringErrorCodes = ['MONITORING_PERIOD_INVALID', 'MONITORING_EXPORT_NOT_READY'] as const;
export type MonitoringErrorCode = (typeof monitoringErrorCodes)[number];
