/**
 * Many open dossiers at once for inbox tests and benchmarks: copies of one real dossier (received through the use
 * cases) with new ids and codes, held by a given agency, with due times spread before a given instant. The copies
 * have no steps, consultations nor events: rows for the inbox to count and sort, not dossiers to act on.
 */
import type { Queryable } from '@motcua/db';

export async function cloneOpenDossiers(
  db: Queryable,
  templateId: string,
  options: { count: number; heldBy: string; dueBefore: Date; state?: string; codePrefix?: string; dueStepMinutes?: number },
): Promise<void> {
  const columns = (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'dossier' AND table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    )
  ).map((c) => c.column_name);
  const replaced: Record<string, string> = {
    id: 'gen_random_uuid()',
    // A dossier waiting for the online check is not received yet: no code, no receipt.
    code: `CASE WHEN $4 = 'submitted' THEN NULL ELSE $3 || lpad(i::text, 6, '0') END`,
    received_at: `CASE WHEN $4 = 'submitted' THEN NULL ELSE d.received_at END`,
    // The i-th copy was submitted i minutes before the template.
    submitted_at: `d.submitted_at - i * interval '1 minute'`,
    current_agency_id: '$2::uuid',
    state: '$4',
    due_at: `$5::timestamptz - i * ($6::int * interval '1 minute')`,
    extended_due_at: 'NULL',
    closed_at: 'NULL',
    // Not in any desk ledger (a ledger row has a number).
    ledger_desk_id: 'NULL',
    ledger_year: 'NULL',
    ledger_number: 'NULL',
  };
  await db.query(
    `INSERT INTO dossier (${columns.join(', ')})
     SELECT ${columns.map((c) => replaced[c] ?? `d.${c}`).join(', ')} FROM dossier d, generate_series(1, $7::int) i WHERE d.id = $1`,
    [
      templateId,
      options.heldBy,
      options.codePrefix ?? `FILL-${templateId.slice(0, 8)}-`,
      options.state ?? 'processing',
      options.dueBefore,
      options.dueStepMinutes ?? 1,
      options.count,
    ],
  );
}
