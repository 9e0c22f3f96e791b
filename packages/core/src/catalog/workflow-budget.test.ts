import { describe, expect, it } from 'vitest';
import { buildCase, buildProcessingTime, buildTask, buildWorkflow } from './builders';
import { checkWorkflowBudget, evaluateWorkflowBudget, workflowTotalHours } from './workflow-budget';
import { guaranteedWorkingDays, legalClockLimit, limitInWorkingHours } from './time-limit';
import { validateWorkflow } from './validate-procedure';

describe('time limits in working hours', () => {
  it('counts working days at 8 hours by default and at the configured length otherwise', () => {
    expect(limitInWorkingHours(5, 'working-days')).toBe(40);
    expect(limitInWorkingHours(5, 'working-days', { hoursPerWorkingDay: 7.5 })).toBe(37.5);
    expect(limitInWorkingHours(12, 'working-hours')).toBe(12);
  });

  it('counts calendar days by the working days they are sure to contain when starting on a working day', () => {
    // Friday start: Fri | Sat Sun → 1 working day in 3 calendar days; Mon–Fri week → 5 in 7
    expect([1, 2, 3, 4, 7, 14, 15, 20, 30].map(guaranteedWorkingDays)).toEqual([1, 1, 1, 2, 5, 10, 11, 14, 21]);
    expect(limitInWorkingHours(15, 'calendar-days')).toBe(88);
    expect(limitInWorkingHours(1, 'months')).toBe(20 * 8);
  });

  it('gives the legal clock its limit, a cut-off as a same-day limit', () => {
    expect(legalClockLimit({ amount: 5, unit: 'working-days', sameDayCutoff: null })).toEqual({ unit: 'working-days', amount: 5 });
    expect(legalClockLimit({ amount: 1, unit: 'working-days', sameDayCutoff: '15:00' })).toEqual({ unit: 'same-day', cutoff: '15:00' });
    expect(legalClockLimit({ amount: 2, unit: 'months', sameDayCutoff: null })).toBeNull();
  });
});

describe('workflow budget rule', () => {
  it('sums sequential steps and counts a parallel consultation by its longest branch', () => {
    const workflow = buildWorkflow([1, 4, 1, 1, 1], {
      steps: [
        buildTask({ id: 'a', budgetHours: 2 }),
        {
          kind: 'parallel',
          id: 'lay-y-kien',
          name: 'Lấy ý kiến',
          branches: [
            { id: 'so-xd', name: 'Sở Xây dựng', steps: [buildTask({ id: 'b1', budgetHours: 8 }), buildTask({ id: 'b2', budgetHours: 4 })] },
            { id: 'ubnd', name: 'UBND xã', steps: [buildTask({ id: 'c1', budgetHours: 10 })] },
          ],
        },
        buildTask({ id: 'd', budgetHours: 1.5 }),
      ],
    });
    expect(workflowTotalHours(workflow)).toBe(2 + 12 + 1.5);
  });

  it('accepts a workflow whose budgets equal the limit', () => {
    const result = checkWorkflowBudget(buildWorkflow([1, 4, 1, 1, 1]), [buildProcessingTime({ amount: 1 })]);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ totalHours: 8, limitHours: 8, remainingHours: 0 }) });
  });

  it('refuses a workflow over the limit and says by how much, in English and Vietnamese', () => {
    const result = checkWorkflowBudget(buildWorkflow([2, 30, 4, 4, 4]), [buildProcessingTime({ amount: 5 })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('WORKFLOW_BUDGET_EXCEEDS_LIMIT');
    expect(result.error.message).toBe(
      'Workflow "Quy trình chuẩn": the steps take 44 working hours, 4 working hours more than the legal time limit ' +
        'of 5 working days (40 working hours)',
    );
    expect(result.error.details).toMatchObject({
      totalHours: 44,
      limitHours: 40,
      excessHours: 4,
      messageVi:
        'Quy trình "Quy trình chuẩn": tổng thời gian các bước là 44 giờ làm việc, vượt 4 giờ làm việc so với ' +
        'thời hạn giải quyết 5 ngày làm việc (40 giờ làm việc)',
    });
  });

  it('compares with the shortest limit among the channels the workflow serves', () => {
    const times = [
      buildProcessingTime({ amount: 17, channels: ['online'] }),
      buildProcessingTime({ amount: 27, channels: ['counter'] }),
    ];
    const long = buildWorkflow([8, 160, 8, 8, 8]); // 192 h = 24 working days
    expect(evaluateWorkflowBudget(long, times)?.limitHours).toBe(136);
    expect(checkWorkflowBudget(long, times).ok).toBe(false);
    expect(checkWorkflowBudget({ ...long, channels: ['counter'] }, times).ok).toBe(true);
  });

  it('explains a calendar-day limit in working hours', () => {
    const result = checkWorkflowBudget(buildWorkflow([8, 72, 8, 8, 8]), [
      buildProcessingTime({ amount: 15, unit: 'calendar-days' }),
    ]);
    expect(!result.ok && result.error.message).toContain('16 working hours more than the legal time limit of 15 calendar days (88 working hours)');
  });

  it('reports shape problems of a workflow with their paths', () => {
    const broken = buildWorkflow([1, 4, 1, 1, 1], {
      steps: [buildTask({ id: 'a', budgetHours: 0 }), buildTask({ id: 'a', budgetHours: 1, role: 'janitor' as never })],
    });
    const issues = validateWorkflow(broken, buildCase());
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'cases[mac-dinh].workflows[chuan].steps[a].budgetHours: must be a positive number of working hours in quarters of an hour',
      'cases[mac-dinh].workflows[chuan].steps[a].role: unknown role janitor',
      'cases[mac-dinh].workflows[chuan].steps: Step id "a" appears more than once',
    ]);
  });
});
