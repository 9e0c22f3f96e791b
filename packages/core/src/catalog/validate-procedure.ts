/**
 * Domain rules on procedure content. Drafts may be incomplete (no case yet); publication needs the parts the law
 * requires (NĐ 63/2010 Art. 8(2)): a name, a field, at least one case with a time limit, and every internal workflow
 * within its legal limit.
 */
import { officerRoles } from '../shared/index';
import type { ContentIssue, ContentIssueReason } from './catalog.errors';
import { isSafeLink } from './editor-checks';
import {
  channels as allChannels,
  SLUG_PATTERN,
  type InternalWorkflow,
  type ProcedureCase,
  type ProcedureContent,
  type WorkflowTask,
} from './procedure';
import type { TimeLimitOptions } from './time-limit';
import { workflowBudgetIssue } from './workflow-budget';

export interface ValidationOptions extends TimeLimitOptions {
  /** Publication rules (complete content) rather than draft rules. */
  readonly forPublication: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CUTOFF = /^([01]\d|2[0-3]):[0-5]\d$/;

class Issues {
  readonly list: ContentIssue[] = [];
  add(path: string, reason: ContentIssueReason, message: string, params?: Record<string, string | number>) {
    this.list.push({ path, code: 'INVALID', reason, message, ...(params ? { params } : {}) });
  }
  text(path: string, value: string | null | undefined, required = true) {
    if (value === null || value === undefined) {
      if (required) this.add(path, 'required', 'is required');
    } else if (value.trim() === '') this.add(path, 'blank', 'must not be blank');
  }
  unique(path: string, ids: readonly string[], what: string) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) this.add(path, 'duplicate', `${what} "${id}" appears more than once`, { value: id });
      seen.add(id);
    }
  }
  slug(path: string, id: string) {
    if (!SLUG_PATTERN.test(id)) this.add(path, 'slug', `"${id}" must be a short slug (a-z, 0-9, -)`, { value: id });
  }
  count(path: string, n: number) {
    if (!Number.isInteger(n) || n < 0 || n > 99) this.add(path, 'count', 'must be a whole number from 0 to 99');
  }
  date(path: string, value: string | null) {
    if (value !== null && (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))) {
      this.add(path, 'date', 'must be a date YYYY-MM-DD');
    }
  }
}

export function validateProcedureContent(content: ProcedureContent, options: ValidationOptions): ContentIssue[] {
  const issues = new Issues();
  issues.text('name', content.name);
  issues.text('field.code', content.field.code);
  issues.text('field.name', content.field.name);
  issues.unique('levels', content.levels, 'Level');
  issues.text('competentAgency.name', content.competentAgency.name);
  content.legalBasis.forEach((l, i) => {
    issues.text(`legalBasis[${i}].number`, l.number);
    issues.date(`legalBasis[${i}].date`, l.date);
  });
  if (content.publicationDecision) {
    issues.text('publicationDecision.number', content.publicationDecision.number);
    issues.date('publicationDecision.date', content.publicationDecision.date);
  }
  content.results.forEach((r, i) => issues.text(`results[${i}].name`, r.name));
  if (content.source?.url && !isSafeLink(content.source.url)) issues.add('source.url', 'link', 'must be an http(s) address');
  if (content.onlineLevel === 'partial' && options.forPublication && content.partialOnlineReason === '') {
    issues.add('partialOnlineReason', 'blank', 'must not be blank when given');
  }
  if (options.forPublication && content.cases.length === 0) issues.add('cases', 'noCase', 'a procedure needs at least one case');
  issues.unique('cases', content.cases.map((c) => c.id), 'Case id');
  for (const c of content.cases) validateCase(issues, `cases[${c.id}]`, c, options);
  return issues.list;
}

function validateCase(issues: Issues, path: string, c: ProcedureCase, options: ValidationOptions): void {
  issues.slug(`${path}.id`, c.id);
  issues.text(`${path}.name`, c.name);
  if (options.forPublication && c.processingTimes.length === 0) {
    issues.add(`${path}.processingTimes`, 'noTimeLimit', 'a case needs a time limit');
  }
  const covered = new Map<string, number>();
  c.processingTimes.forEach((t, i) => {
    const p = `${path}.processingTimes[${i}]`;
    if (!(t.amount > 0) || !Number.isFinite(t.amount)) issues.add(`${p}.amount`, 'amount', 'must be greater than 0');
    if (t.channels.length === 0) issues.add(`${p}.channels`, 'noChannel', 'name at least one channel');
    issues.unique(`${p}.channels`, t.channels, 'Channel');
    if (t.sameDayCutoff !== null && !CUTOFF.test(t.sameDayCutoff)) issues.add(`${p}.sameDayCutoff`, 'cutoff', 'must be HH:MM');
    for (const ch of t.channels) covered.set(ch, (covered.get(ch) ?? 0) + 1);
  });
  for (const ch of allChannels) {
    if ((covered.get(ch) ?? 0) > 1) issues.add(`${path}.processingTimes`, 'channelTwice', `channel ${ch} has more than one time limit`, { channel: ch });
  }
  c.fees.forEach((f, i) => {
    const p = `${path}.fees[${i}]`;
    issues.text(`${p}.name`, f.name);
    f.exemptions.forEach((e, j) => issues.text(`${p}.exemptions[${j}]`, e));
    if (f.amountVnd !== null && (!Number.isSafeInteger(f.amountVnd) || f.amountVnd < 0)) {
      issues.add(`${p}.amountVnd`, 'feeAmount', 'must be a whole number of đồng, 0 or more');
    }
    if (f.amountVnd === null && !f.rule) issues.add(`${p}.rule`, 'feeRule', 'a fee without an amount needs its rule text');
  });
  c.documents.forEach((d, i) => {
    const p = `${path}.documents[${i}]`;
    issues.text(`${p}.name`, d.name);
    issues.count(`${p}.originals`, d.originals);
    issues.count(`${p}.certifiedCopies`, d.certifiedCopies);
    issues.count(`${p}.photocopies`, d.photocopies);
    issues.count(`${p}.copies`, d.copies);
    if (d.requirement === 'conditional' && !d.condition?.trim()) {
      issues.add(`${p}.condition`, 'condition', 'a conditional document needs its condition');
    }
    if (d.channels) {
      // null says every channel; an empty list would ask the document on none
      if (d.channels.length === 0) issues.add(`${p}.channels`, 'noChannel', 'a document asked on no channel: leave it out, or give no channels for every channel');
      issues.unique(`${p}.channels`, d.channels, 'Channel');
    }
    d.formTemplates.forEach((t, j) => {
      issues.text(`${p}.formTemplates[${j}].name`, t.name);
      if (t.url && !isSafeLink(t.url)) issues.add(`${p}.formTemplates[${j}].url`, 'templateLink', 'must be an http(s) address or an uploaded template');
    });
  });
  issues.unique(`${path}.workflows`, c.workflows.map((w) => w.id), 'Workflow id');
  // A draft may hold workflows before the case has a time limit; publication checks every budget.
  for (const w of c.workflows) {
    if (c.processingTimes.length === 0 && !options.forPublication) validateWorkflowShape(issues, `${path}.workflows[${w.id}]`, w);
    else checkWorkflow(issues, `${path}.workflows[${w.id}]`, w, c, options);
  }
}

function validateWorkflowShape(issues: Issues, path: string, w: InternalWorkflow): void {
  issues.slug(`${path}.id`, w.id);
  issues.text(`${path}.name`, w.name);
  if (w.steps.length === 0) issues.add(`${path}.steps`, 'noSteps', 'a workflow needs at least one step');
  const ids: string[] = [];
  const task = (p: string, t: WorkflowTask) => {
    ids.push(t.id);
    issues.slug(`${p}.id`, t.id);
    issues.text(`${p}.name`, t.name);
    issues.text(`${p}.responsibleUnit.label`, t.responsibleUnit.label);
    if (!(officerRoles as readonly string[]).includes(t.role)) issues.add(`${p}.role`, 'role', `unknown role ${t.role}`, { role: t.role });
    if (!(t.budgetHours > 0) || t.budgetHours > 10_000 || Math.round(t.budgetHours * 4) !== t.budgetHours * 4) {
      issues.add(`${p}.budgetHours`, 'budgetHours', 'must be a positive number of working hours in quarters of an hour');
    }
  };
  for (const step of w.steps) {
    const p = `${path}.steps[${step.id}]`;
    if (step.kind === 'task') {
      task(p, step);
      continue;
    }
    ids.push(step.id);
    issues.slug(`${p}.id`, step.id);
    issues.text(`${p}.name`, step.name);
    if (step.branches.length < 2) issues.add(`${p}.branches`, 'branches', 'a parallel step needs at least two branches');
    issues.unique(`${p}.branches`, step.branches.map((b) => b.id), 'Branch id');
    for (const b of step.branches) {
      issues.text(`${p}.branches[${b.id}].name`, b.name);
      if (b.steps.length === 0) issues.add(`${p}.branches[${b.id}].steps`, 'branchSteps', 'a branch needs at least one step');
      for (const t of b.steps) task(`${p}.branches[${b.id}].steps[${t.id}]`, t);
    }
  }
  issues.unique(`${path}.steps`, ids, 'Step id');
  if (w.channels) issues.unique(`${path}.channels`, w.channels, 'Channel');
}

function checkWorkflow(
  issues: Issues,
  path: string,
  w: InternalWorkflow,
  c: ProcedureCase,
  options: TimeLimitOptions,
): void {
  const before = issues.list.length;
  validateWorkflowShape(issues, path, w);
  if (issues.list.length > before) return;
  if (c.processingTimes.length === 0) {
    issues.add(path, 'noLimitForBudget', 'the case has no time limit to check the budgets against');
    return;
  }
  const budget = workflowBudgetIssue(path, w, c.processingTimes, options);
  if (budget) issues.list.push(budget);
}

/** Shape and budget of one workflow against its case, for the step editor and its save endpoint. */
export function validateWorkflow(w: InternalWorkflow, c: ProcedureCase, options: TimeLimitOptions = {}): ContentIssue[] {
  const issues = new Issues();
  checkWorkflow(issues, `cases[${c.id}].workflows[${w.id}]`, w, c, options);
  return issues.list;
}
