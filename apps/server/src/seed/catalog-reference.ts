/**
 * The reference catalogue of Huế (seed/data/procedures-hue.json, with its README: 53 procedures researched from
 * the national records, 48 verified) mapped to procedure content. What the mapping adds is marked in each
 * procedure's `inferredFields`, so the portal can show it as not verified:
 *   - time limits the record shows without a value, taken from the rule the record's note cites (chứng thực:
 *     NĐ 23/2015 Art. 7; hộ kinh doanh: the record's own steps), and same-day cut-offs read from "sau 15 giờ";
 *   - the online level, read from the channels (an online channel → "một phần", the level the records never state);
 *   - conditional documents (names that say the case they apply in: document-requirement.ts);
 *   - the internal workflow of every case (reception → specialist → head → leader → return, budgets shared out
 *     within the shortest limit), which no public source gives.
 * Field codes are placeholders (Z00-…, `isCodePlaceholder`) because the official MX1X2-LV codes were not found.
 */
import {
  normalizeForSearch,
  limitInWorkingHours,
  type AgencyRef,
  type Channel,
  type Fee,
  type InternalWorkflow,
  type ProcedureCase,
  type ProcedureContent,
  type ProcessingTime,
  type RequiredDocument,
  type TimeUnit,
  type WorkflowStep,
  type WorkflowTask,
} from '@motcua/core/catalog';
import reference from './data/procedures-hue.json' with { type: 'json' };
import { channelsOfDocument, requirementOfDocument } from './document-requirement';

/** One record of procedures-hue.json (see its README for every field). */
export interface ReferenceRecord {
  readonly nationalCode: string | null;
  readonly name: string;
  readonly field: string;
  readonly level: 'commune' | 'department' | 'city' | null;
  readonly competentAgency: string | null;
  readonly subjects: string | null;
  readonly processingTime: readonly {
    amount: number | null;
    unit: string | null;
    unitInferred?: boolean;
    recordDisplay?: string | null;
    channels: readonly string[];
    caseNote?: string | null;
    note?: string | null;
  }[];
  readonly fees: readonly {
    name: string;
    kind: string;
    amountVnd: number | null;
    amountOther?: string | null;
    per?: string | null;
    recordDisplay: string | null;
    rule: string | null;
    exemptions: readonly string[];
    channels: readonly string[];
    hueNote?: string | null;
  }[];
  readonly requiredDocuments: readonly {
    name: string;
    originals: number;
    copies: number;
    certifiedCopies: number | null;
    note: string | null;
    formTemplate: string | null;
  }[];
  readonly documentNotes: readonly string[];
  readonly steps: readonly string[];
  readonly conditions: string | null;
  readonly results: readonly string[];
  readonly legalBasis: readonly { number: string; title: string; date: string | null }[];
  readonly publishingDecision: string | null;
  readonly channels: readonly string[];
  readonly postal: boolean | 'unknown';
  readonly source: { url?: string | null; repo?: string; path?: string; copyDate?: string } | null;
  readonly verified: boolean;
  readonly inferredFields?: readonly string[];
  readonly gapNote?: string;
}
export const referenceRecords = reference.procedures as unknown as readonly ReferenceRecord[];

const channelOf: Record<string, Channel> = { 'trực tiếp': 'counter', 'trực tuyến': 'online', 'bưu chính': 'postal' };
const channelsOf = (list: readonly string[]): Channel[] =>
  (['counter', 'online', 'postal'] as const).filter((c) => list.some((l) => channelOf[l] === c));

const fieldCodes: Record<string, string> = {
  'Hộ tịch': 'Z00-HT',
  'Nuôi con nuôi': 'Z00-NCN',
  'Chứng thực': 'Z00-CT',
  'Thành lập và hoạt động doanh nghiệp (hộ kinh doanh)': 'Z00-HKD',
  'Đất đai': 'Z00-DD',
  'Hoạt động xây dựng': 'Z00-XD',
  'Đăng ký, quản lý cư trú': 'Z00-CTRU',
  'Giảm nghèo': 'Z00-GN',
  'Quản lý ngành nghề đầu tư, kinh doanh có điều kiện về an ninh, trật tự': 'Z00-ANTT',
  'Trợ giúp pháp lý': 'Z00-TGPL',
  'Bảo trợ xã hội': 'Z00-BTXH',
  'Người có công': 'Z00-NCC',
};
export function fieldCodeOf(name: string): string {
  return fieldCodes[name] ?? `Z00-${normalizeForSearch(name).split(' ').map((w) => w[0]!.toUpperCase()).join('').slice(0, 10)}`;
}

/** Time limits the records show without a value, from the rule their notes cite. */
const inferredTimes: Record<string, { amount: number; unit: TimeUnit; cutoff: string | null; why: string }> = {
  '2.000635': { amount: 1, unit: 'working-days', cutoff: null, why: 'cấp ngay khi có dữ liệu hộ tịch điện tử (suy ra)' },
  '2.000815': { amount: 1, unit: 'working-days', cutoff: '15:00', why: 'NĐ 23/2015/NĐ-CP Điều 7: trong ngày; sau 15 giờ trả ngày làm việc tiếp theo (suy ra)' },
  '2.000884': { amount: 1, unit: 'working-days', cutoff: '15:00', why: 'NĐ 23/2015/NĐ-CP Điều 7: trong ngày (suy ra)' },
  '2.001035': { amount: 2, unit: 'working-days', cutoff: null, why: 'NĐ 23/2015/NĐ-CP Điều 7: không quá 02 ngày làm việc (suy ra)' },
  '2.001019': { amount: 2, unit: 'working-days', cutoff: null, why: 'NĐ 23/2015/NĐ-CP Điều 7: không quá 02 ngày làm việc (suy ra)' },
  '1.001612': { amount: 3, unit: 'working-days', cutoff: null, why: 'trình tự trên bản ghi: 03 ngày làm việc (suy ra)' },
};

export interface AgencyDirectory {
  /** A specific agency found by kind, level and a name fragment; null when the organisation lacks it. */
  find(kind: string, level: string, nameFragment: string): { id: string; name: string } | null;
}

const commune = (agencyKind: 'people_committee' | 'police', name: string): AgencyRef => ({
  kind: 'rule',
  rule: 'where_received',
  agencyKind,
  agencyLevel: 'commune',
  name,
});

/** Who decides: commune procedures by rule (every commune does them), department ones by name in the tree. */
function competentAgencyOf(r: ReferenceRecord, agencies: AgencyDirectory): AgencyRef {
  const described = r.competentAgency ?? '';
  if (r.level === 'commune') {
    return /^Công an/.test(described)
      ? commune('police', 'Công an xã, phường nơi tiếp nhận hồ sơ')
      : commune('people_committee', 'Ủy ban nhân dân xã, phường nơi tiếp nhận hồ sơ');
  }
  const wanted: [string, string, string][] = [
    ['other', 'province', 'Văn phòng đăng ký đất đai'],
    ['department', 'province', 'Sở Xây dựng'],
    ['police', 'province', 'Công an thành phố Huế'],
    ['department', 'province', 'Sở Tư pháp'],
  ];
  for (const [kind, level, fragment] of wanted) {
    if (!described.includes(fragment) && !(fragment === 'Sở Tư pháp' && described.includes('trợ giúp pháp lý'))) continue;
    const found = agencies.find(kind, level, fragment);
    if (found) return { kind: 'agency', agencyId: found.id, name: found.name };
  }
  return { kind: 'external', name: described.split(' (')[0] || 'Cơ quan có thẩm quyền (chưa xác định)' };
}

function receivingDesksOf(r: ReferenceRecord, agencies: AgencyDirectory): AgencyRef[] {
  if (r.level === 'commune') {
    return [{ kind: 'rule', rule: 'every', agencyKind: 'service_centre', agencyLevel: 'commune', name: 'Trung tâm Phục vụ hành chính công xã, phường' }];
  }
  const centre = agencies.find('service_centre', 'province', 'Trung tâm Phục vụ hành chính công');
  return centre
    ? [{ kind: 'agency', agencyId: centre.id, name: centre.name }]
    : [{ kind: 'rule', rule: 'every', agencyKind: 'service_centre', agencyLevel: 'province', name: 'Trung tâm Phục vụ hành chính công thành phố Huế' }];
}

const isoDate = (d: string | null) => (d && /^\d\d\/\d\d\/\d{4}$/.test(d) ? `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : null);

function timesOf(r: ReferenceRecord, inferred: Set<string>): ProcessingTime[][] {
  const stated = r.processingTime.filter((t) => t.amount !== null && t.unit !== null);
  const fallback = r.nationalCode ? inferredTimes[r.nationalCode] : undefined;
  const all: (ProcessingTime & { caseNote: string | null })[] = stated.map((t) => {
    const note = [t.caseNote, t.note].filter(Boolean).join(' ') || null;
    const cutoff = /sau 15 giờ/.test(note ?? '') ? '15:00' : null;
    if (cutoff) inferred.add('processingTimes.sameDayCutoff (đọc từ ghi chú bản ghi)');
    if (t.unitInferred) inferred.add('processingTimes.unit (bản ghi chỉ ghi số)');
    return {
      amount: t.amount!,
      unit: t.unit as TimeUnit,
      channels: channelsOf(t.channels),
      sameDayCutoff: cutoff,
      note: t.recordDisplay ? `Bản ghi: ${t.recordDisplay}${note ? `. ${note}` : ''}`.slice(0, 2000) : note,
      isInferred: t.unitInferred === true,
      caseNote: t.caseNote ?? null,
    };
  });
  if (all.length === 0 && fallback) {
    inferred.add('processingTimes (bản ghi: "Không có thông tin")');
    const channels = channelsOf(r.processingTime[0]?.channels ?? r.channels);
    return [[{ amount: fallback.amount, unit: fallback.unit, channels, sameDayCutoff: fallback.cutoff, note: fallback.why, isInferred: true }]];
  }
  // Limits that share a channel are different cases (e.g. 1 day, or 3 days when verification is needed).
  const overlapping = all.some((a, i) => all.some((b, j) => j > i && a.channels.some((c) => b.channels.includes(c))));
  const strip = ({ caseNote: _c, ...t }: (typeof all)[number]): ProcessingTime => t;
  return overlapping ? all.map((t) => [strip(t)]) : all.length ? [all.map(strip)] : [];
}

function feesOf(r: ReferenceRecord): Fee[] {
  return r.fees.map((f) => {
    const ruleParts = [
      f.rule,
      f.amountVnd === null ? `Bản ghi: ${f.recordDisplay}` : null,
      f.amountOther ? `${f.amountOther}${f.per ?? ''}` : null,
      f.hueNote ?? null,
    ].filter(Boolean);
    return {
      code: null,
      name: f.name,
      kind: f.kind === 'phí' ? 'fee' : 'charge',
      amountVnd: f.amountVnd,
      per: f.per ?? null,
      rule: ruleParts.length ? [...new Set(ruleParts)].join(' — ').slice(0, 5000) : null,
      exemptions: [...new Set(f.exemptions)],
      channels: channelsOf(f.channels),
    };
  });
}

function documentsOf(r: ReferenceRecord, inferred: Set<string>): RequiredDocument[] {
  return r.requiredDocuments.map((d) => {
    const read = requirementOfDocument(d.name);
    if (read.requirement === 'conditional') {
      inferred.add('documents.requirement (giấy tờ "Trường hợp …", "… trong trường hợp …", "Đối với …", "(nếu có)" ghi là có điều kiện)');
    }
    const channels = channelsOfDocument(d.name);
    if (channels) inferred.add('documents.channels (tờ khai "nếu … nộp hồ sơ theo hình thức trực tiếp" ghi cho nộp trực tiếp/bưu chính, mẫu điện tử tương tác cho nộp trực tuyến)');
    const certified = d.certifiedCopies ?? 0;
    return {
      code: null,
      name: read.name,
      originals: d.originals,
      certifiedCopies: certified,
      photocopies: 0,
      copies: Math.max(0, d.copies - certified),
      requirement: read.requirement,
      condition: read.condition,
      isPresentOnly: d.note === 'xuất trình (không nộp)',
      formTemplates: d.formTemplate ? [{ name: d.formTemplate, url: null }] : [],
      ...(channels ? { channels } : {}),
    };
  });
}

const task = (id: string, name: string, role: WorkflowTask['role'], hours: number, unit: WorkflowTask['responsibleUnit']): WorkflowTask => ({
  kind: 'task',
  id,
  name,
  role,
  budgetHours: hours,
  responsibleUnit: unit,
});

/** Rounds down to half hours, at least half an hour. */
const share = (hours: number) => Math.max(0.5, Math.floor(hours * 2) / 2);

/**
 * The plausible workflow: reception (5 %) → appraisal by the specialist (60 %, with on-site checks and
 * consultation in parallel for land and construction) → head (15 %) → leader (10 %) → return (10 %), within
 * the shortest limit of the case.
 */
export function plausibleWorkflow(limitHours: number, agency: AgencyRef, r: ReferenceRecord): InternalWorkflow {
  const desk = { relation: 'receiving_desk' as const, label: 'Bộ phận tiếp nhận và trả kết quả' };
  const office = { relation: 'competent_agency' as const, label: r.level === 'commune' ? 'Công chức chuyên môn' : 'Phòng chuyên môn' };
  const lead = r.level === 'commune' ? 'Lãnh đạo Ủy ban nhân dân xã, phường' : 'Lãnh đạo cơ quan';
  const reception = share(limitHours * 0.05);
  const head = share(limitHours * 0.15);
  const leader = share(limitHours * 0.1);
  const giveBack = share(limitHours * 0.1);
  const appraisal = Math.max(0.5, limitHours - reception - head - leader - giveBack);
  const consult = (r.field === 'Đất đai' || r.field === 'Hoạt động xây dựng') && appraisal >= 8;
  const middle: WorkflowStep[] = consult
    ? [
        task('tham-dinh', 'Thẩm định hồ sơ', 'specialist', share(appraisal * 0.5), office),
        {
          kind: 'parallel',
          id: 'xac-minh',
          name: 'Kiểm tra thực địa và lấy ý kiến',
          branches: [
            { id: 'thuc-dia', name: 'Kiểm tra thực địa', steps: [task('kiem-tra', 'Kiểm tra thực địa', 'specialist', appraisal - share(appraisal * 0.5), office)] },
            { id: 'y-kien', name: 'Lấy ý kiến cơ quan liên quan', steps: [task('lay-y-kien', 'Lấy ý kiến cơ quan liên quan (nếu cần)', 'specialist', share((appraisal - share(appraisal * 0.5)) * 0.8), { relation: 'external', label: 'Cơ quan, đơn vị liên quan' })] },
          ],
        },
      ]
    : [task('tham-dinh', 'Thẩm định hồ sơ, dự thảo kết quả', 'specialist', appraisal, office)];
  return {
    id: 'quy-trinh-chuan',
    name: 'Quy trình nội bộ (đề xuất, chưa phê duyệt)',
    agency,
    channels: null,
    approvalDecision: null,
    steps: [
      task('tiep-nhan', 'Tiếp nhận, kiểm tra hồ sơ và chuyển xử lý', 'reception_officer', reception, desk),
      ...middle,
      task('xem-xet', 'Xem xét, trình ký', 'department_head', head, office),
      task('phe-duyet', 'Ký, phê duyệt kết quả', 'agency_leader', leader, { relation: 'competent_agency', label: lead }),
      task('tra-ket-qua', 'Trả kết quả', 'reception_officer', giveBack, desk),
    ],
  };
}

export interface ReferenceProcedure {
  readonly code: string;
  readonly content: ProcedureContent;
  /** Complete enough to publish (a time limit for every case); otherwise loaded as a draft. */
  readonly isPublishable: boolean;
}

export function referenceProcedure(r: ReferenceRecord, agencies: AgencyDirectory, hoursPerWorkingDay = 8): ReferenceProcedure | null {
  if (!r.nationalCode) return null;
  const inferred = new Set<string>(r.inferredFields ?? []);
  const competentAgency = competentAgencyOf(r, agencies);
  const timeSets = timesOf(r, inferred);
  const fees = feesOf(r);
  const documents = documentsOf(r, inferred);
  const cases: ProcedureCase[] = (timeSets.length ? timeSets : [[]]).map((times, i) => {
    const caseNote = r.processingTime.find((t) => t.amount === times[0]?.amount && t.caseNote)?.caseNote;
    const split = timeSets.length > 1;
    const limit = Math.min(...times.map((t) => limitInWorkingHours(t.amount, t.unit, { hoursPerWorkingDay })));
    return {
      id: split ? `truong-hop-${i + 1}` : 'mac-dinh',
      name: split ? `Trường hợp ${i + 1}` : 'Trường hợp chung',
      description: split && caseNote ? caseNote.slice(0, 5000) : null,
      processingTimes: times,
      fees,
      documents,
      workflows: times.length ? [plausibleWorkflow(limit, competentAgency, r)] : [],
    };
  });
  if (cases.some((c) => c.workflows.length)) inferred.add('cases.workflows (quy trình nội bộ đề xuất, chưa phê duyệt)');
  const online = r.channels.includes('trực tuyến');
  inferred.add(`onlineLevel (bản ghi không ghi mức độ; suy ra từ kênh: ${online ? 'có nộp trực tuyến → một phần' : 'không có kênh trực tuyến'})`);
  const source = r.source;
  const content: ProcedureContent = {
    name: r.name,
    field: { code: fieldCodeOf(r.field), name: r.field },
    levels: r.level === 'commune' ? ['commune'] : r.level === 'department' ? ['province'] : [],
    competentAgency,
    receivingDesks: receivingDesksOf(r, agencies),
    subjects: r.subjects,
    steps: r.steps,
    conditions: r.conditions,
    results: r.results.map((name) => ({ code: null, name })),
    legalBasis: r.legalBasis.map((l) => ({ number: l.number, title: l.title, issuedBy: null, date: isoDate(l.date) })),
    publicationDecision: r.publishingDecision ? { number: r.publishingDecision, date: null } : null,
    onlineLevel: online ? 'partial' : 'none',
    legacyOnlineLevel: null,
    partialOnlineReason: null,
    postal: r.postal === true ? { submit: true, return: true } : r.postal === false ? { submit: false, return: false } : null,
    requiresPersonalPresence: false,
    cases,
    documentNotes: r.documentNotes,
    source: source
      ? {
          url: source.url ?? null,
          note: [source.repo && source.path ? `${source.repo}/${source.path}` : null, source.copyDate ? `bản sao ${source.copyDate}` : null, r.gapNote ?? null]
            .filter(Boolean)
            .join('; ') || null,
        }
      : null,
    isVerified: r.verified,
    inferredFields: [...inferred],
  };
  return { code: r.nationalCode, content, isPublishable: cases.every((c) => c.processingTimes.length > 0) };
}
