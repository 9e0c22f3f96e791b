/**
 * The catalogue's content checks give each refusal a stable reason (and its params), which the web says in
 * Vietnamese and English by that word: the core's list and the contract's list are the same, and content broken in
 * many ways at once is refused with reasons from that list, each at its field.
 */
import { describe, expect, it } from 'vitest';
import {
  buildCase,
  buildProcedureContent,
  buildProcessingTime,
  buildTask,
  buildWorkflow,
  contentIssueReasons as coreReasons,
  validateInterAgencyGroup,
  validateProcedureContent,
  type ContentIssue,
} from '@motcua/core/catalog';
import { contentIssueReasons as contractReasons, contentIssueSchema } from '@motcua/contracts/catalog-issues';

const reasonsAt = (issues: readonly ContentIssue[]) => Object.fromEntries(issues.map((i) => [i.path, i.reason]));

describe('reasons of content issues', () => {
  it('are one list in the core and in the contract', () => {
    expect([...contractReasons]).toEqual([...coreReasons]);
    expect(new Set(coreReasons).size).toBe(coreReasons.length);
  });

  it('name each problem of broken content at its field, with what the message needs', () => {
    const [document] = buildCase().documents;
    const content = buildProcedureContent({
      name: ' ',
      levels: ['commune', 'commune'],
      source: { url: 'javascript:alert(1)', note: null } as never,
      cases: [
        buildCase({
          id: 'Bad Id',
          processingTimes: [buildProcessingTime({ amount: 0, channels: [], sameDayCutoff: '25:00' }), buildProcessingTime(), buildProcessingTime()],
          fees: [{ ...buildCase().fees[0]!, amountVnd: null, rule: null }],
          documents: [{ ...document!, originals: 120, requirement: 'conditional', condition: null }],
          workflows: [buildWorkflow(undefined, { steps: [buildTask({ id: 'a', role: 'janitor' as never, budgetHours: 0.1 })] })],
        }),
      ],
    });
    const issues = validateProcedureContent(content, { forPublication: true });
    for (const issue of issues) {
      expect(coreReasons).toContain(issue.reason);
      expect(contentIssueSchema.safeParse(issue).success).toBe(true);
    }
    expect(reasonsAt(issues)).toMatchObject({
      name: 'blank',
      levels: 'duplicate',
      'source.url': 'link',
      'cases[Bad Id].id': 'slug',
      'cases[Bad Id].processingTimes[0].amount': 'amount',
      'cases[Bad Id].processingTimes[0].channels': 'noChannel',
      'cases[Bad Id].processingTimes[0].sameDayCutoff': 'cutoff',
      'cases[Bad Id].processingTimes': 'channelTwice',
      'cases[Bad Id].fees[0].rule': 'feeRule',
      'cases[Bad Id].documents[0].originals': 'count',
      'cases[Bad Id].documents[0].condition': 'condition',
    });
    expect(issues.find((i) => i.reason === 'duplicate')!.params).toEqual({ value: 'commune' });
    expect(issues.find((i) => i.reason === 'slug')!.params).toEqual({ value: 'Bad Id' });
    const workflow = issues.filter((i) => i.path.includes('.workflows['));
    expect(workflow.map((i) => i.reason).sort()).toEqual(['budgetHours', 'role']);
  });

  it('gives the workflow budget and the inter-agency checks their reasons too', () => {
    const tooLong = buildCase({ workflows: [buildWorkflow(undefined, { steps: [buildTask({ id: 'a', budgetHours: 100 })] })] });
    const [budget] = validateProcedureContent(buildProcedureContent({ cases: [tooLong] }), { forPublication: true });
    expect(budget).toMatchObject({ code: 'WORKFLOW_BUDGET_EXCEEDS_LIMIT', reason: 'budgetExceeded', params: { totalHours: 100, limitHours: 8, excessHours: 92 } });
    const group = validateInterAgencyGroup({
      name: '',
      procedureCodes: [],
      mode: 'sequential',
      participants: [],
      timeLimit: { amount: 0, unit: 'working-days' },
    } as never);
    expect(group.map((i) => i.reason)).toEqual(['required', 'noProcedures', 'fewAgencies', 'oneLead', 'amount']);
  });
});
