/**
 * Builders of valid catalogue content with overridable parts: used by tests on every level and by the benchmark's
 * data generator. The defaults describe a commune-level civil-status procedure.
 */
import type {
  InternalWorkflow,
  ProcedureCase,
  ProcedureContent,
  ProcessingTime,
  WorkflowTask,
} from './procedure';

export function buildTask(overrides: Partial<WorkflowTask> & Pick<WorkflowTask, 'id'>): WorkflowTask {
  return {
    kind: 'task',
    name: `Bước ${overrides.id}`,
    responsibleUnit: { relation: 'competent_agency', label: 'Công chức chuyên môn' },
    role: 'specialist',
    budgetHours: 1,
    ...overrides,
  };
}

/** Reception → specialist → head → leader → return with the given budgets (working hours). */
export function buildWorkflow(
  budgets: readonly [number, number, number, number, number] = [1, 4, 1, 1, 1],
  overrides: Partial<InternalWorkflow> = {},
): InternalWorkflow {
  const [reception, specialist, head, leader, giveBack] = budgets;
  return {
    id: 'chuan',
    name: 'Quy trình chuẩn',
    agency: {
      kind: 'rule',
      rule: 'where_received',
      agencyKind: 'people_committee',
      agencyLevel: 'commune',
      name: 'UBND xã, phường nơi tiếp nhận hồ sơ',
    },
    channels: null,
    approvalDecision: null,
    steps: [
      buildTask({
        id: 'tiep-nhan',
        name: 'Tiếp nhận hồ sơ',
        role: 'reception_officer',
        responsibleUnit: { relation: 'receiving_desk', label: 'Bộ phận một cửa' },
        budgetHours: reception,
      }),
      buildTask({ id: 'tham-dinh', name: 'Thẩm định hồ sơ', role: 'specialist', budgetHours: specialist }),
      buildTask({ id: 'xem-xet', name: 'Xem xét, trình ký', role: 'department_head', budgetHours: head }),
      buildTask({ id: 'phe-duyet', name: 'Ký duyệt kết quả', role: 'agency_leader', budgetHours: leader }),
      buildTask({
        id: 'tra-ket-qua',
        name: 'Trả kết quả',
        role: 'reception_officer',
        responsibleUnit: { relation: 'receiving_desk', label: 'Bộ phận một cửa' },
        budgetHours: giveBack,
      }),
    ],
    ...overrides,
  };
}

export function buildProcessingTime(overrides: Partial<ProcessingTime> = {}): ProcessingTime {
  return {
    amount: 1,
    unit: 'working-days',
    channels: ['counter', 'online', 'postal'],
    sameDayCutoff: null,
    note: null,
    isInferred: false,
    ...overrides,
  };
}

export function buildCase(overrides: Partial<ProcedureCase> = {}): ProcedureCase {
  return {
    id: 'mac-dinh',
    name: 'Trường hợp chung',
    description: null,
    processingTimes: [buildProcessingTime()],
    fees: [
      {
        code: null,
        name: 'Lệ phí đăng ký',
        kind: 'charge',
        amountVnd: 8000,
        per: null,
        rule: null,
        exemptions: ['Người thuộc gia đình có công với cách mạng'],
        channels: ['counter', 'online', 'postal'],
      },
    ],
    documents: [
      {
        code: null,
        name: 'Tờ khai theo mẫu',
        originals: 1,
        certifiedCopies: 0,
        photocopies: 0,
        copies: 0,
        requirement: 'mandatory',
        condition: null,
        isPresentOnly: false,
        formTemplates: [{ name: 'Tờ khai', url: null }],
      },
    ],
    workflows: [buildWorkflow()],
    ...overrides,
  };
}

export function buildProcedureContent(overrides: Partial<ProcedureContent> = {}): ProcedureContent {
  return {
    name: 'Thủ tục đăng ký khai sinh',
    field: { code: 'Z00-HT', name: 'Hộ tịch' },
    levels: ['commune'],
    competentAgency: {
      kind: 'rule',
      rule: 'where_received',
      agencyKind: 'people_committee',
      agencyLevel: 'commune',
      name: 'UBND xã, phường nơi tiếp nhận hồ sơ',
    },
    receivingDesks: [
      {
        kind: 'rule',
        rule: 'every',
        agencyKind: 'service_centre',
        agencyLevel: 'commune',
        name: 'Trung tâm Phục vụ hành chính công xã, phường',
      },
    ],
    subjects: 'Công dân Việt Nam',
    steps: ['Nộp hồ sơ', 'Tiếp nhận và giải quyết', 'Trả kết quả'],
    conditions: null,
    results: [{ code: null, name: 'Giấy khai sinh' }],
    legalBasis: [{ number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedBy: 'Quốc hội', date: '2014-11-20' }],
    publicationDecision: { number: '163/QĐ-BTP', date: null },
    onlineLevel: 'partial',
    legacyOnlineLevel: null,
    partialOnlineReason: null,
    postal: { submit: true, return: true },
    requiresPersonalPresence: false,
    cases: [buildCase()],
    documentNotes: [],
    source: null,
    isVerified: true,
    inferredFields: [],
    ...overrides,
  };
}
