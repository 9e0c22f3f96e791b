/**
 * The budget rule for internal workflows: the time budgets of the steps on the longest path (parallel consultation
 * branches count by their longest branch) must not exceed the legal time limit of the case for the channels the
 * workflow serves. A workflow that does not fit is refused with a message that says by how much.
 */
import { err, ok, type Result } from '../shared/index';
import { contentError, type CatalogError, type ContentIssue } from './catalog.errors';
import type { Channel, InternalWorkflow, ProcessingTime, WorkflowStep } from './procedure';
import { describeHours, describeTimeLimit, formatNumber, limitInWorkingHours, type TimeLimitOptions } from './time-limit';

export interface WorkflowBudget {
  /** Working hours along the longest path. */
  readonly totalHours: number;
  /** The binding legal limit, in working hours. */
  readonly limitHours: number;
  /** The processing time that binds (the shortest among those for the workflow's channels). */
  readonly limit: ProcessingTime;
  /** limitHours − totalHours: negative when the workflow does not fit. */
  readonly remainingHours: number;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export function stepHours(step: WorkflowStep): number {
  if (step.kind === 'task') return step.budgetHours;
  return Math.max(0, ...step.branches.map((b) => b.steps.reduce((sum, s) => sum + s.budgetHours, 0)));
}

export function workflowTotalHours(workflow: Pick<InternalWorkflow, 'steps'>): number {
  return round(workflow.steps.reduce((sum, step) => sum + stepHours(step), 0));
}

/** The processing times that apply to a workflow: those sharing a channel with it (all when it names none). */
export function applicableTimes(
  workflowChannels: readonly Channel[] | null,
  times: readonly ProcessingTime[],
): ProcessingTime[] {
  if (!workflowChannels) return [...times];
  return times.filter((t) => t.channels.some((c) => workflowChannels.includes(c)));
}

/** null when no processing time applies (nothing to compare with). */
export function evaluateWorkflowBudget(
  workflow: Pick<InternalWorkflow, 'steps' | 'channels'>,
  times: readonly ProcessingTime[],
  options: TimeLimitOptions = {},
): WorkflowBudget | null {
  const candidates = applicableTimes(workflow.channels, times);
  let binding: { time: ProcessingTime; hours: number } | null = null;
  for (const time of candidates) {
    const hours = limitInWorkingHours(time.amount, time.unit, options);
    if (!binding || hours < binding.hours) binding = { time, hours };
  }
  if (!binding) return null;
  const totalHours = workflowTotalHours(workflow);
  return { totalHours, limitHours: binding.hours, limit: binding.time, remainingHours: round(binding.hours - totalHours) };
}

function limitText(budget: WorkflowBudget, language: 'vi' | 'en'): string {
  const stated = describeTimeLimit(budget.limit, language);
  return budget.limit.unit === 'working-hours' ? stated : `${stated} (${describeHours(budget.limitHours, language)})`;
}

export function budgetExcessMessages(name: string, budget: WorkflowBudget): { en: string; vi: string } {
  const excess = round(budget.totalHours - budget.limitHours);
  return {
    en:
      `Workflow "${name}": the steps take ${describeHours(budget.totalHours, 'en')}, ` +
      `${describeHours(excess, 'en')} more than the legal time limit of ${limitText(budget, 'en')}`,
    vi:
      `Quy trình "${name}": tổng thời gian các bước là ${describeHours(budget.totalHours, 'vi')}, ` +
      `vượt ${describeHours(excess, 'vi')} so với thời hạn giải quyết ${limitText(budget, 'vi')}`,
  };
}

/** The issue for one workflow, or null when it fits (or when the case has no limit for its channels). */
export function workflowBudgetIssue(
  path: string,
  workflow: InternalWorkflow,
  times: readonly ProcessingTime[],
  options: TimeLimitOptions = {},
): ContentIssue | null {
  const budget = evaluateWorkflowBudget(workflow, times, options);
  if (!budget) {
    return {
      path,
      code: 'INVALID',
      reason: 'uncoveredChannels',
      message: `Workflow "${workflow.name}" serves channels for which the case states no time limit`,
      params: { workflow: workflow.name },
    };
  }
  if (budget.remainingHours >= 0) return null;
  const messages = budgetExcessMessages(workflow.name, budget);
  return {
    path,
    code: 'WORKFLOW_BUDGET_EXCEEDS_LIMIT',
    reason: 'budgetExceeded',
    message: messages.en,
    params: { workflow: workflow.name, totalHours: budget.totalHours, limitHours: budget.limitHours, excessHours: round(-budget.remainingHours) },
    details: {
      workflowId: workflow.id,
      totalHours: budget.totalHours,
      limitHours: budget.limitHours,
      excessHours: round(-budget.remainingHours),
      limit: { amount: budget.limit.amount, unit: budget.limit.unit },
      messageVi: messages.vi,
      excess: formatNumber(round(-budget.remainingHours)),
    },
  };
}

export function checkWorkflowBudget(
  workflow: InternalWorkflow,
  times: readonly ProcessingTime[],
  options: TimeLimitOptions = {},
): Result<WorkflowBudget, CatalogError> {
  const issue = workflowBudgetIssue(`workflows[${workflow.id}]`, workflow, times, options);
  if (issue) return err(contentError([issue]));
  return ok(evaluateWorkflowBudget(workflow, times, options)!);
}
