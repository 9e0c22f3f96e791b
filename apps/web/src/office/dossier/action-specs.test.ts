import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@motcua/contracts/identity';
import type { Dossier } from '../desk/desk-queries';
import { isLeaderOfActiveStep } from './action-specs';

const step = (role: string, status: 'active' | 'completed' | 'pending', agencyId = 'ag'): Dossier['steps'][number] => ({
  id: `s-${role}`,
  order: 1,
  name: role,
  agencyId,
  role,
  budgetHours: 8,
  status,
  assigneeId: null,
  assigneeName: null,
  activatedAt: null,
  dueAt: null,
  completedAt: null,
  round: 1,
});
const officer = (...roles: [string, string][]) =>
  ({ roles: roles.map(([role, agencyId]) => ({ role, agencyId, agencyCode: 'X', agencyName: 'X' })) }) as Pick<SessionUser, 'roles'>;

describe('isLeaderOfActiveStep: who is sent to the leader\'s desk from the dossier page', () => {
  const atLeader = { steps: [step('specialist', 'completed'), step('agency_leader', 'active')] };
  it('the agency leader of the step\'s agency, when the dossier waits at the leader\'s step', () => {
    expect(isLeaderOfActiveStep(atLeader, officer(['agency_leader', 'ag']))).toBe(true);
    expect(isLeaderOfActiveStep(atLeader, officer(['specialist', 'ag'], ['agency_leader', 'ag']))).toBe(true);
  });
  it('not a specialist or a department head of that agency, nor the leader of another agency', () => {
    expect(isLeaderOfActiveStep(atLeader, officer(['specialist', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep(atLeader, officer(['department_head', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep(atLeader, officer(['agency_leader', 'other'], ['specialist', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep(atLeader, null)).toBe(false);
  });
  it('not the leader either while the dossier is at another step', () => {
    const atSpecialist = { steps: [step('specialist', 'active'), step('agency_leader', 'pending')] };
    expect(isLeaderOfActiveStep(atSpecialist, officer(['agency_leader', 'ag']))).toBe(false);
    expect(isLeaderOfActiveStep({ steps: [] }, officer(['agency_leader', 'ag']))).toBe(false);
  });
});
