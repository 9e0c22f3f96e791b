/**
 * Inter-agency (liên thông) groups, legal-spec §6: one or more procedures handled by several agencies through one
 * one-stop desk. One agency leads; the others take part in order (sequential: paper dossiers travel from one to
 * the next) or at once (parallel: the electronic dossier goes to all). Each has its own sub-deadline; together they
 * must fit the group's time limit — sequential sub-deadlines add up, parallel ones count by the longest.
 */
import type { ContentIssue, ContentIssueReason } from './catalog.errors';
import type { AgencyRef, TimeUnit } from './procedure';
import { describeHours, describeTimeLimit, limitInWorkingHours, type TimeLimitOptions } from './time-limit';

export interface TimeAmount {
  readonly amount: number;
  readonly unit: TimeUnit;
}

export interface InterAgencyParticipant {
  readonly agency: AgencyRef;
  readonly role: 'lead' | 'participant';
  /** 1-based position in a sequential group (ignored for ordering in a parallel group). */
  readonly order: number;
  readonly task: string;
  readonly subDeadline: TimeAmount;
}

export interface InterAgencyGroupContent {
  readonly name: string;
  /** The procedures in the group, by national code. */
  readonly procedureCodes: readonly string[];
  readonly mode: 'sequential' | 'parallel';
  readonly timeLimit: TimeAmount;
  readonly participants: readonly InterAgencyParticipant[];
  readonly legalBasis: string | null;
}

export interface InterAgencyGroup extends InterAgencyGroupContent {
  readonly id: string;
  readonly rowVersion: number;
  readonly updatedAt: Date;
}

export function validateInterAgencyGroup(group: InterAgencyGroupContent, options: TimeLimitOptions = {}): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (path: string, reason: ContentIssueReason, message: string, params?: Record<string, string | number>, details?: Record<string, unknown>) =>
    issues.push({ path, code: 'INVALID', reason, message, ...(params ? { params } : {}), ...(details ? { details } : {}) });
  if (!group.name.trim()) add('name', 'required', 'is required');
  if (group.procedureCodes.length === 0) add('procedureCodes', 'noProcedures', 'name at least one procedure');
  if (new Set(group.procedureCodes).size !== group.procedureCodes.length) add('procedureCodes', 'procedureTwice', 'a procedure appears twice');
  if (group.participants.length < 2) add('participants', 'fewAgencies', 'an inter-agency group has at least two agencies');
  const leads = group.participants.filter((p) => p.role === 'lead');
  if (leads.length !== 1) add('participants', 'oneLead', `exactly one agency leads (found ${leads.length})`, { found: leads.length });
  const orders = group.participants.map((p) => p.order);
  if (group.mode === 'sequential') {
    const expected = orders.map((_, i) => i + 1);
    if ([...orders].sort((a, b) => a - b).join() !== expected.join()) {
      add('participants', 'sequentialOrder', 'sequential order must number the agencies 1, 2, 3 … without gaps or repeats');
    }
  }
  group.participants.forEach((p, i) => {
    if (!p.agency.name.trim()) add(`participants[${i}].agency.name`, 'required', 'is required');
    if (!(p.subDeadline.amount > 0)) add(`participants[${i}].subDeadline.amount`, 'amount', 'must be greater than 0');
  });
  if (!(group.timeLimit.amount > 0)) add('timeLimit.amount', 'amount', 'must be greater than 0');
  if (issues.length > 0) return issues;

  const hours = group.participants.map((p) => limitInWorkingHours(p.subDeadline.amount, p.subDeadline.unit, options));
  const total = group.mode === 'sequential' ? hours.reduce((a, b) => a + b, 0) : Math.max(...hours);
  const limit = limitInWorkingHours(group.timeLimit.amount, group.timeLimit.unit, options);
  if (total > limit) {
    const excess = total - limit;
    add(
      'participants',
      'subDeadlinesExceeded',
      `The agencies' sub-deadlines take ${describeHours(total, 'en')} (${group.mode}), ${describeHours(excess, 'en')} ` +
        `more than the group's time limit of ${describeTimeLimit(group.timeLimit, 'en')} (${describeHours(limit, 'en')})`,
      { totalHours: total, limitHours: limit, excessHours: excess },
      {
        totalHours: total,
        limitHours: limit,
        excessHours: excess,
        messageVi:
          `Tổng thời hạn của các cơ quan là ${describeHours(total, 'vi')}, vượt ${describeHours(excess, 'vi')} so với ` +
          `thời hạn liên thông ${describeTimeLimit(group.timeLimit, 'vi')}`,
      },
    );
  }
  return issues;
}
