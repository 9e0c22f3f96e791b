import { describe, expect, it } from 'vitest';
import { buildCase, buildProcedureContent, buildProcessingTime, buildWorkflow } from './builders';
import { contentError } from './catalog.errors';
import { validateInterAgencyGroup } from './inter-agency';
import { documentAppliesTo } from './procedure';
import { validateProcedureContent } from './validate-procedure';

const paths = (issues: { path: string; message: string }[]) => issues.map((i) => `${i.path}: ${i.message}`);

describe('procedure content rules', () => {
  it('accepts the example content for publication', () => {
    expect(validateProcedureContent(buildProcedureContent(), { forPublication: true })).toEqual([]);
  });

  it('lets a draft have no case yet but not a published procedure', () => {
    const empty = buildProcedureContent({ cases: [] });
    expect(validateProcedureContent(empty, { forPublication: false })).toEqual([]);
    expect(paths(validateProcedureContent(empty, { forPublication: true }))).toEqual([
      'cases: a procedure needs at least one case',
    ]);
  });

  it('checks fees, documents, time limits and ids', () => {
    const c = buildCase();
    const content = buildProcedureContent({
      cases: [
        {
          ...c,
          id: 'Bad Id',
          processingTimes: [buildProcessingTime({ channels: ['online'] }), buildProcessingTime({ channels: ['online'], sameDayCutoff: '25:00' })],
          fees: [{ ...c.fees[0]!, amountVnd: 1500.5 }, { ...c.fees[0]!, amountVnd: null, rule: null }],
          documents: [{ ...c.documents[0]!, requirement: 'conditional', condition: null, originals: -1 }],
          workflows: [],
        },
      ],
    });
    expect(paths(validateProcedureContent(content, { forPublication: true }))).toEqual([
      'cases[Bad Id].id: "Bad Id" must be a short slug (a-z, 0-9, -)',
      'cases[Bad Id].processingTimes[1].sameDayCutoff: must be HH:MM',
      'cases[Bad Id].processingTimes: channel online has more than one time limit',
      'cases[Bad Id].fees[0].amountVnd: must be a whole number of đồng, 0 or more',
      'cases[Bad Id].fees[1].rule: a fee without an amount needs its rule text',
      'cases[Bad Id].documents[0].originals: must be a whole number from 0 to 99',
      'cases[Bad Id].documents[0].condition: a conditional document needs its condition',
    ]);
  });

  it('takes a document asked on some channels only, never on none', () => {
    const c = buildCase();
    const withChannels = (channels: readonly ('counter' | 'online' | 'postal')[] | null) =>
      buildProcedureContent({ cases: [{ ...c, documents: [{ ...c.documents[0]!, channels }] }] });
    expect(validateProcedureContent(withChannels(['counter', 'postal']), { forPublication: true })).toEqual([]);
    expect(validateProcedureContent(withChannels(null), { forPublication: true })).toEqual([]);
    expect(paths(validateProcedureContent(withChannels([]), { forPublication: true }))).toEqual([
      'cases[mac-dinh].documents[0].channels: a document asked on no channel: leave it out, or give no channels for every channel',
    ]);
    expect(paths(validateProcedureContent(withChannels(['online', 'online']), { forPublication: true }))).toHaveLength(1);
    expect(documentAppliesTo({ channels: ['counter', 'postal'] }, 'online')).toBe(false);
    expect(documentAppliesTo({ channels: ['counter', 'postal'] }, 'postal')).toBe(true);
    expect(documentAppliesTo({}, 'online')).toBe(true);
  });

  it('keeps the budget code when the only problem is a workflow over its limit', () => {
    const content = buildProcedureContent({ cases: [buildCase({ workflows: [buildWorkflow([1, 6, 1, 1, 1])] })] });
    const issues = validateProcedureContent(content, { forPublication: true });
    expect(contentError(issues)).toMatchObject({
      code: 'WORKFLOW_BUDGET_EXCEEDS_LIMIT',
      details: { excessHours: 2, path: 'cases[mac-dinh].workflows[chuan]' },
    });
    const mixed = validateProcedureContent({ ...content, name: ' ' }, { forPublication: true });
    expect(contentError(mixed).code).toBe('PROCEDURE_CONTENT_INVALID');
  });
});

describe('inter-agency groups', () => {
  const participant = (order: number, role: 'lead' | 'participant', days: number) => ({
    agency: { kind: 'external' as const, name: `Cơ quan ${order}` },
    role,
    order,
    task: 'Giải quyết phần việc',
    subDeadline: { amount: days, unit: 'working-days' as const },
  });
  const group = {
    name: 'Khai sinh – thường trú – thẻ BHYT',
    procedureCodes: ['2.000986'],
    mode: 'sequential' as const,
    timeLimit: { amount: 20, unit: 'working-days' as const },
    participants: [participant(1, 'lead', 5), participant(2, 'participant', 7), participant(3, 'participant', 8)],
    legalBasis: null,
  };

  it('accepts sub-deadlines that add up to the limit', () => {
    expect(validateInterAgencyGroup(group)).toEqual([]);
  });

  it('adds sequential sub-deadlines and takes the longest parallel one', () => {
    const late = { ...group, participants: [...group.participants.slice(0, 2), participant(3, 'participant', 10)] };
    expect(paths(validateInterAgencyGroup(late))).toEqual([
      "participants: The agencies' sub-deadlines take 176 working hours (sequential), 16 working hours more than " +
        "the group's time limit of 20 working days (160 working hours)",
    ]);
    expect(validateInterAgencyGroup({ ...late, mode: 'parallel' })).toEqual([]);
  });

  it('needs exactly one lead and gap-free order', () => {
    const bad = { ...group, participants: [participant(1, 'participant', 1), participant(3, 'participant', 1)] };
    expect(paths(validateInterAgencyGroup(bad))).toEqual([
      'participants: exactly one agency leads (found 0)',
      'participants: sequential order must number the agencies 1, 2, 3 … without gaps or repeats',
    ]);
  });
});
