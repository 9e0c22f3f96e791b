/**
 * Officers who may take a workflow step: active officers holding the step's role at the step's agency, or at an
 * ancestor agency with its sub-agencies included. A head or leader picks the assignee among them (the inbox's bulk
 * assignment); the assignment route checks the pick against the same query.
 */
import type { OfficerRole } from '@motcua/core';
import type { Queryable } from '../kernel/database';

export interface StepOfficer {
  id: string;
  displayName: string;
}

export async function listStepOfficers(
  q: Queryable,
  options: { agencyId: string; role: OfficerRole; userId?: string; limit?: number },
): Promise<StepOfficer[]> {
  return q.query<StepOfficer>(
    `WITH RECURSIVE lineage(id, depth) AS (
        SELECT id, 0 FROM agency WHERE id = $1::uuid
        UNION ALL
        SELECT a.parent_id, l.depth + 1 FROM lineage l JOIN agency a ON a.id = l.id
         WHERE a.parent_id IS NOT NULL AND l.depth < 20)
     SELECT u.id, u.display_name AS "displayName" FROM app_user u
      WHERE u.kind = 'officer' AND u.is_active
        AND ($3::uuid IS NULL OR u.id = $3::uuid)
        AND EXISTS (SELECT 1 FROM role_grant g JOIN lineage l ON l.id = g.agency_id
                     WHERE g.user_id = u.id AND g.revoked_at IS NULL AND g.role = $2
                       AND (l.depth = 0 OR g.include_sub_agencies))
      ORDER BY u.display_name, u.id LIMIT $4`,
    [options.agencyId, options.role, options.userId ?? null, options.limit ?? 200],
  );
}
