/**
 * The expiry log line: at start-up (main.ts) and then daily (a periodic task, one server at a time), one warning
 * line per active signing certificate that has expired or expires within MOTCUA_PKI_EXPIRY_WARNING_DAYS — the
 * certificate id, its agency's code, its purpose and the days left. No personal data (no holder, no subject name):
 * an operator looks the id up in the certificate list.
 */
import type { Clock } from '@motcua/core';
import type { Database } from '@motcua/db';
import { listExpiringCertificates } from '@motcua/db/signatures';
import type { JobLogger, PeriodicTask } from '../jobs/job-runner';

const DAY = 86_400_000;

export interface ExpiryLine {
  readonly certificateId: string;
  readonly agencyCode: string;
  readonly purpose: string;
  readonly daysLeft: number;
}

/** Writes one line per certificate to act on; answers what it wrote. */
export async function logCertificateExpiry(
  deps: { db: Database; clock: Clock; warningDays: number },
  logger: Pick<JobLogger, 'warn'>,
): Promise<ExpiryLine[]> {
  const now = deps.clock.now();
  const rows = await listExpiringCertificates(deps.db, new Date(now.getTime() + deps.warningDays * DAY));
  const lines = rows.map((row) => ({
    certificateId: row.id,
    agencyCode: row.agencyCode,
    purpose: row.purpose,
    daysLeft: Math.floor((new Date(row.notAfter).getTime() - now.getTime()) / DAY),
  }));
  for (const line of lines) {
    logger.warn({ event: 'signing_certificate.expiry', ...line }, line.daysLeft < 0 ? 'signing certificate expired' : 'signing certificate expiring');
  }
  return lines;
}

/** Daily after the start-up line (its first turn, at start-up, is skipped: main.ts has just written the lines). */
export function certificateExpiryTask(warningDays: number, logger: Pick<JobLogger, 'warn'> | undefined): PeriodicTask {
  let first = true;
  return {
    name: 'signature-expiry-log',
    everySeconds: 86_400,
    run: async ({ db, clock }) => {
      if (first || !logger) {
        first = false;
        return;
      }
      await logCertificateExpiry({ db, clock, warningDays }, logger);
    },
  };
}
