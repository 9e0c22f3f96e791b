/**
 * Procedures ⇄ the rows of our Excel template (excel-template.ts). Reading reports every bad cell with its sheet,
 * row number and column; a procedure with any bad row is rejected whole, the others are read.
 */
import { err, ok, officerRoles, type OfficerRole, type Result } from '../shared/index';
import { catalogSheets, type Cell, type SheetData, type SheetRow } from './excel-template';
import type { ImportRowError } from './national-format';
import { unitFromLabel } from './national-format';
import {
  agencyKinds,
  channels as allChannels,
  procedureLevels,
  type AgencyKind,
  type AgencyRef,
  type Channel,
  type ProcedureCase,
  type ProcedureContent,
  type ProcedureLevel,
  type ResponsibleUnit,
  type TimeUnit,
  type WorkflowStep,
  type WorkflowTask,
} from './procedure';

export interface ExcelProcedure {
  readonly code: string;
  readonly content: ProcedureContent;
}

/** Agency codes ⇄ ids, fetched by the caller. */
export interface AgencyCodes {
  readonly idByCode: ReadonlyMap<string, string>;
  readonly codeById: ReadonlyMap<string, string>;
}

class RowReader {
  constructor(
    private readonly sheet: string,
    private readonly row: SheetRow,
    private readonly errors: ImportRowError[],
  ) {}
  get code(): string | null {
    return this.str('ma_tthc');
  }
  fail(field: string, message: string): null {
    this.errors.push({ sheet: this.sheet, row: this.row.rowNumber, code: this.code, field, message });
    return null;
  }
  str(key: string): string | null {
    const v = this.row.cells[key];
    if (v === null || v === undefined) return null;
    const s = String(v).trim();
    return s === '' ? null : s.normalize('NFC');
  }
  required(key: string): string {
    const s = this.str(key);
    if (s === null) this.fail(key, 'is required');
    return s ?? '';
  }
  lines(key: string): string[] {
    return (this.str(key) ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  }
  number(key: string, fallback: number | null): number | null {
    const v = this.row.cells[key];
    if (v === null || v === undefined || String(v).trim() === '') return fallback;
    const n = typeof v === 'number' ? v : Number(String(v).replace(/\s/g, ''));
    return Number.isFinite(n) ? n : this.fail(key, `"${v}" is not a number`);
  }
  yesNo(key: string): boolean | null {
    const s = this.str(key)?.toLowerCase();
    if (s === undefined) return null;
    if (['co', 'có', 'x', 'true', '1', 'yes'].includes(s)) return true;
    if (['khong', 'không', 'false', '0', 'no'].includes(s)) return false;
    return this.fail(key, `"${s}" is not co / khong`);
  }
  oneOf<T extends string>(key: string, values: readonly T[], fallback: T | null): T | null {
    const s = this.str(key);
    if (s === null) return fallback;
    return (values as readonly string[]).includes(s) ? (s as T) : this.fail(key, `"${s}" is not one of ${values.join(', ')}`);
  }
  channels(key: string): Channel[] {
    const items = (this.str(key) ?? '').split(/[\n,;]/).map((s) => s.trim()).filter(Boolean);
    return items.flatMap((s) => {
      const known = (allChannels as readonly string[]).includes(s) ? (s as Channel) : channelLabels[s.toLowerCase()];
      return known ? [known] : (this.fail(key, `unknown channel "${s}"`), []);
    });
  }
  agency(key: string, nameKey: string, codes: AgencyCodes): AgencyRef | null {
    return parseAgency(this.str(key), this.str(nameKey) ?? '', codes, (m) => this.fail(key, m));
  }
}

const channelLabels: Record<string, Channel> = {
  'trực tiếp': 'counter',
  'trực tuyến': 'online',
  'bưu chính': 'postal',
  truc_tiep: 'counter',
  truc_tuyen: 'online',
  buu_chinh: 'postal',
};

function parseAgency(spec: string | null, name: string, codes: AgencyCodes, fail: (m: string) => null): AgencyRef | null {
  if (!spec) return name ? { kind: 'external', name } : fail('name the agency or give a rule');
  if (spec.startsWith('@')) {
    const id = codes.idByCode.get(spec.slice(1));
    return id ? { kind: 'agency', agencyId: id, name } : fail(`no agency with code ${spec.slice(1)}`);
  }
  const [rule, kind, level] = spec.split(':');
  const ruleValue = rule === 'noi-tiep-nhan' ? 'where_received' : rule === 'tat-ca' ? 'every' : null;
  if (!ruleValue || !(agencyKinds as readonly string[]).includes(kind ?? '') || !(procedureLevels as readonly string[]).includes(level ?? '')) {
    return fail(`"${spec}" is not @code, noi-tiep-nhan:<kind>:<level> or tat-ca:<kind>:<level>`);
  }
  return { kind: 'rule', rule: ruleValue, agencyKind: kind as AgencyKind, agencyLevel: level as ProcedureLevel, name };
}

export function agencySpec(ref: AgencyRef, codes: AgencyCodes): string | null {
  if (ref.kind === 'agency') return `@${codes.codeById.get(ref.agencyId) ?? ref.agencyId}`;
  if (ref.kind === 'rule') return `${ref.rule === 'where_received' ? 'noi-tiep-nhan' : 'tat-ca'}:${ref.agencyKind}:${ref.agencyLevel}`;
  return null;
}

const pair = (line: string): [string, string | null] => {
  const [a, b] = line.split(' | ');
  return b === undefined ? [a!.trim(), null] : [a!.trim(), b.trim() || null];
};

type Rows = (sheet: SheetData | undefined) => { reader: RowReader; row: SheetRow }[];

export function readCatalogSheets(sheets: readonly SheetData[], codes: AgencyCodes): Result<ExcelProcedure, ImportRowError[]>[] {
  const errors: ImportRowError[] = [];
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const rows: Rows = (sheet) => (sheet?.rows ?? []).map((row) => ({ row, reader: new RowReader(sheet!.name, row, errors) }));
  const procedures = rows(byName.get(catalogSheets.procedure.name));
  const childRows = (sheet: keyof typeof catalogSheets) => rows(byName.get(catalogSheets[sheet].name));
  const cases = childRows('cases');
  const times = childRows('times');
  const fees = childRows('fees');
  const documents = childRows('documents');
  const legal = childRows('legalBasis');
  const workflows = childRows('workflows');
  const known = new Set(procedures.map((p) => p.reader.code).filter(Boolean));
  for (const { reader } of [...cases, ...times, ...fees, ...documents, ...legal, ...workflows]) {
    if (!reader.code) reader.fail('ma_tthc', 'is required');
    else if (!known.has(reader.code)) reader.fail('ma_tthc', `procedure ${reader.code} is not in sheet ${catalogSheets.procedure.name}`);
  }
  const results = procedures.map(({ reader }) => {
    const code = reader.required('ma_tthc');
    const mine = <T extends { reader: RowReader }>(list: T[]) => list.filter((x) => x.reader.code === code);
    const procedureCases = mine(cases).map(({ reader: r }) => readCase(r, mine(times), mine(fees), mine(documents), mine(workflows), codes));
    const content = readGeneral(reader, codes, procedureCases, mine(legal).map(({ reader: r }) => ({
      number: r.required('so_hieu'),
      title: r.required('trich_yeu'),
      issuedBy: r.str('co_quan_ban_hanh'),
      date: r.str('ngay_ban_hanh'),
    })));
    return { code, content };
  });
  return results.map(({ code, content }) => {
    const mine = errors.filter((e) => e.code === code);
    return mine.length > 0 ? err(mine) : ok({ code, content });
  }).concat(
    errors.some((e) => !e.code || !known.has(e.code)) ? [err(errors.filter((e) => !e.code || !known.has(e.code)))] : [],
  );
}

function readGeneral(r: RowReader, codes: AgencyCodes, cases: ProcedureCase[], legalBasis: ProcedureContent['legalBasis']): ProcedureContent {
  const levels = (r.str('cap_thuc_hien') ?? '').split(/[\n,;]/).map((s) => s.trim()).filter(Boolean);
  for (const l of levels) if (!(procedureLevels as readonly string[]).includes(l)) r.fail('cap_thuc_hien', `unknown level "${l}"`);
  const desks = r.lines('noi_tiep_nhan').flatMap((line) => {
    const [spec, name] = pair(line);
    const ref = parseAgency(spec === '' ? null : spec, name ?? '', codes, (m) => r.fail('noi_tiep_nhan', m));
    return ref ? [ref] : [];
  });
  const legacy = r.number('muc_do_cu', null);
  if (legacy !== null && ![1, 2, 3, 4].includes(legacy)) r.fail('muc_do_cu', 'must be 1, 2, 3 or 4');
  const decision = r.str('qd_cong_bo');
  const submit = r.yesNo('buu_chinh_nop');
  const giveBack = r.yesNo('buu_chinh_tra');
  const sourceUrl = r.str('nguon_url');
  const sourceNote = r.str('nguon_ghi_chu');
  return {
    name: r.required('ten'),
    field: { code: r.required('ma_linh_vuc'), name: r.required('ten_linh_vuc') },
    levels: levels.filter((l): l is ProcedureLevel => (procedureLevels as readonly string[]).includes(l)),
    competentAgency: r.agency('co_quan', 'ten_co_quan', codes) ?? { kind: 'external', name: '' },
    receivingDesks: desks,
    subjects: r.str('doi_tuong'),
    steps: r.lines('trinh_tu'),
    conditions: r.str('yeu_cau'),
    results: r.lines('ket_qua').map((line) => {
      const [a, b] = pair(line);
      return b === null ? { code: null, name: a } : { code: a || null, name: b };
    }),
    legalBasis,
    publicationDecision: decision ? { number: decision, date: r.str('qd_cong_bo_ngay') } : null,
    onlineLevel: r.oneOf('muc_do', ['full', 'partial', 'none'] as const, null),
    legacyOnlineLevel: legacy === null || ![1, 2, 3, 4].includes(legacy) ? null : (legacy as 1 | 2 | 3 | 4),
    partialOnlineReason: r.str('ly_do_mot_phan'),
    postal: submit === null && giveBack === null ? null : { submit: submit ?? false, return: giveBack ?? false },
    requiresPersonalPresence: r.yesNo('phai_co_mat') ?? false,
    cases,
    documentNotes: r.lines('ghi_chu_ho_so'),
    source: sourceUrl || sourceNote ? { url: sourceUrl, note: sourceNote } : null,
    isVerified: r.yesNo('da_xac_minh') ?? false,
    inferredFields: r.lines('truong_suy_ra'),
  };
}

type Child = { reader: RowReader };

function readCase(r: RowReader, times: Child[], fees: Child[], documents: Child[], workflows: Child[], codes: AgencyCodes): ProcedureCase {
  const id = r.required('ma_truong_hop');
  const of = (list: Child[]) => list.filter((x) => x.reader.str('ma_truong_hop') === id).map((x) => x.reader);
  return {
    id,
    name: r.required('ten'),
    description: r.str('mo_ta'),
    processingTimes: of(times).map((t) => {
      const unitText = t.required('don_vi');
      const unit: TimeUnit = unitFromLabel(unitText) ?? (['working-days', 'working-hours', 'calendar-days', 'months'].includes(unitText) ? (unitText as TimeUnit) : (t.fail('don_vi', `unknown unit "${unitText}"`), 'working-days'));
      return {
        amount: t.number('so_luong', null) ?? t.fail('so_luong', 'is required') ?? 0,
        unit,
        channels: t.channels('kenh'),
        sameDayCutoff: t.str('gio_chot'),
        note: t.str('ghi_chu'),
        isInferred: t.yesNo('suy_ra') ?? false,
      };
    }),
    fees: of(fees).map((f) => ({
      code: f.str('ma_phi'),
      name: f.required('ten'),
      kind: f.oneOf('loai', ['phi', 'le_phi'] as const, 'le_phi') === 'phi' ? ('fee' as const) : ('charge' as const),
      amountVnd: f.number('so_tien', null),
      per: f.str('tinh_theo'),
      rule: f.str('quy_dinh'),
      exemptions: f.lines('mien_giam'),
      channels: f.channels('kenh'),
    })),
    documents: of(documents).map((d) => ({
      code: d.str('ma_giay_to'),
      name: d.required('ten'),
      originals: d.number('ban_chinh', 0) ?? 0,
      certifiedCopies: d.number('ban_sao_chung_thuc', 0) ?? 0,
      photocopies: d.number('ban_photo', 0) ?? 0,
      copies: d.number('ban_sao', 0) ?? 0,
      requirement: d.oneOf('yeu_cau', ['mandatory', 'optional', 'conditional'] as const, 'mandatory') ?? 'mandatory',
      condition: d.str('dieu_kien'),
      isPresentOnly: d.yesNo('chi_xuat_trinh') ?? false,
      // a sheet without the column (files before it) or an empty cell: every channel, said by no key (as before it)
      ...(d.channels('kenh').length > 0 ? { channels: d.channels('kenh') } : {}),
      formTemplates: d.lines('mau_don').map((line) => {
        const [name, url] = pair(line);
        return { name, url };
      }),
    })),
    workflows: readWorkflows(of(workflows), codes),
  };
}

function readWorkflows(rows: RowReader[], codes: AgencyCodes) {
  const ids = [...new Set(rows.map((r) => r.required('ma_quy_trinh')))];
  return ids.map((id) => {
    const mine = rows.filter((r) => r.str('ma_quy_trinh') === id);
    const head = mine[0]!;
    const order = new Map(mine.map((r) => [r, r.number('thu_tu', 0) ?? 0]));
    const ordered = [...mine].sort((a, b) => order.get(a)! - order.get(b)!);
    const steps: WorkflowStep[] = [];
    for (const r of ordered) {
      const task = readTask(r, codes);
      const group = r.str('nhom_song_song');
      if (!group) {
        steps.push(task);
        continue;
      }
      let parallel = steps.find((s) => s.kind === 'parallel' && s.id === group);
      if (!parallel || parallel.kind !== 'parallel') {
        parallel = { kind: 'parallel', id: group, name: r.str('ten_nhom') ?? group, branches: [] };
        steps.push(parallel);
      }
      const branchId = r.required('ma_nhanh');
      const branches = [...parallel.branches];
      const at = branches.findIndex((b) => b.id === branchId);
      if (at < 0) branches.push({ id: branchId, name: r.str('ten_nhanh') ?? branchId, steps: [task] });
      else branches[at] = { ...branches[at]!, steps: [...branches[at]!.steps, task] };
      steps[steps.indexOf(parallel)] = { ...parallel, branches };
    }
    const channelList = head.channels('kenh');
    return {
      id,
      name: head.required('ten_quy_trinh'),
      agency: head.agency('co_quan', 'ten_co_quan', codes) ?? { kind: 'external' as const, name: '' },
      channels: channelList.length > 0 ? channelList : null,
      steps,
      approvalDecision: null,
    };
  });
}

function readTask(r: RowReader, codes: AgencyCodes): WorkflowTask {
  const unitSpec = r.required('don_vi');
  const label = r.str('ten_don_vi') ?? '';
  let unit: ResponsibleUnit;
  if (unitSpec === 'receiving_desk' || unitSpec === 'competent_agency' || unitSpec === 'external') unit = { relation: unitSpec, label };
  else if (unitSpec.startsWith('@') && codes.idByCode.get(unitSpec.slice(1))) unit = { relation: 'agency', agencyId: codes.idByCode.get(unitSpec.slice(1))!, label };
  else {
    r.fail('don_vi', `"${unitSpec}" is not receiving_desk, competent_agency, external or @<agency code>`);
    unit = { relation: 'external', label };
  }
  return {
    kind: 'task',
    id: r.required('ma_buoc'),
    name: r.required('ten_buoc'),
    responsibleUnit: unit,
    role: (r.oneOf('vai_tro', officerRoles, null) ?? 'specialist') as OfficerRole,
    budgetHours: r.number('gio', null) ?? r.fail('gio', 'is required') ?? 0,
  };
}

const yes = (b: boolean | null | undefined) => (b === null || b === undefined ? null : b ? 'co' : 'khong');
const joinLines = (items: readonly string[]) => (items.length ? items.join('\n') : null);

/** Procedures as template rows, sheet by sheet. */
export function writeCatalogSheets(procedures: readonly ExcelProcedure[], codes: AgencyCodes): SheetData[] {
  const out: Record<keyof typeof catalogSheets, Record<string, Cell>[]> = {
    procedure: [], cases: [], times: [], fees: [], documents: [], legalBasis: [], workflows: [],
  };
  for (const { code, content: c } of procedures) {
    out.procedure.push({
      ma_tthc: code, ten: c.name, ma_linh_vuc: c.field.code, ten_linh_vuc: c.field.name, cap_thuc_hien: c.levels.join(', ') || null,
      co_quan: agencySpec(c.competentAgency, codes), ten_co_quan: c.competentAgency.name,
      noi_tiep_nhan: joinLines(c.receivingDesks.map((d) => `${agencySpec(d, codes) ?? ''} | ${d.name}`)),
      doi_tuong: c.subjects, trinh_tu: joinLines(c.steps), yeu_cau: c.conditions,
      ket_qua: joinLines(c.results.map((r) => (r.code ? `${r.code} | ${r.name}` : r.name))),
      qd_cong_bo: c.publicationDecision?.number ?? null, qd_cong_bo_ngay: c.publicationDecision?.date ?? null,
      muc_do: c.onlineLevel, muc_do_cu: c.legacyOnlineLevel, ly_do_mot_phan: c.partialOnlineReason,
      buu_chinh_nop: yes(c.postal?.submit), buu_chinh_tra: yes(c.postal?.return), phai_co_mat: yes(c.requiresPersonalPresence),
      ghi_chu_ho_so: joinLines(c.documentNotes), nguon_url: c.source?.url ?? null, nguon_ghi_chu: c.source?.note ?? null,
      da_xac_minh: yes(c.isVerified), truong_suy_ra: joinLines(c.inferredFields),
    });
    for (const l of c.legalBasis) {
      out.legalBasis.push({ ma_tthc: code, so_hieu: l.number, trich_yeu: l.title, co_quan_ban_hanh: l.issuedBy, ngay_ban_hanh: l.date });
    }
    for (const k of c.cases) {
      const key = { ma_tthc: code, ma_truong_hop: k.id };
      out.cases.push({ ...key, ten: k.name, mo_ta: k.description });
      for (const t of k.processingTimes) {
        out.times.push({ ...key, so_luong: t.amount, don_vi: t.unit, kenh: t.channels.join(', '), gio_chot: t.sameDayCutoff, ghi_chu: t.note, suy_ra: yes(t.isInferred) });
      }
      for (const f of k.fees) {
        out.fees.push({ ...key, ma_phi: f.code, ten: f.name, loai: f.kind === 'fee' ? 'phi' : 'le_phi', so_tien: f.amountVnd, tinh_theo: f.per, quy_dinh: f.rule, mien_giam: joinLines(f.exemptions), kenh: f.channels.join(', ') || null });
      }
      for (const d of k.documents) {
        out.documents.push({
          ...key, ma_giay_to: d.code, ten: d.name, ban_chinh: d.originals, ban_sao_chung_thuc: d.certifiedCopies, ban_photo: d.photocopies,
          ban_sao: d.copies, yeu_cau: d.requirement, dieu_kien: d.condition, chi_xuat_trinh: yes(d.isPresentOnly),
          kenh: d.channels?.join(', ') ?? null,
          mau_don: joinLines(d.formTemplates.map((t) => (t.url ? `${t.name} | ${t.url}` : t.name))),
        });
      }
      for (const w of k.workflows) {
        const base = { ...key, ma_quy_trinh: w.id, ten_quy_trinh: w.name, co_quan: agencySpec(w.agency, codes), ten_co_quan: w.agency.name, kenh: w.channels?.join(', ') ?? null };
        const task = (t: WorkflowTask) => ({
          ma_buoc: t.id, ten_buoc: t.name, vai_tro: t.role, gio: t.budgetHours, ten_don_vi: t.responsibleUnit.label,
          don_vi: t.responsibleUnit.relation === 'agency' ? `@${codes.codeById.get(t.responsibleUnit.agencyId) ?? t.responsibleUnit.agencyId}` : t.responsibleUnit.relation,
        });
        w.steps.forEach((s, i) => {
          if (s.kind === 'task') out.workflows.push({ ...base, thu_tu: i + 1, ...task(s) });
          else for (const b of s.branches) for (const t of b.steps) {
            out.workflows.push({ ...base, thu_tu: i + 1, nhom_song_song: s.id, ten_nhom: s.name, ma_nhanh: b.id, ten_nhanh: b.name, ...task(t) });
          }
        });
      }
    }
  }
  return (Object.keys(out) as (keyof typeof catalogSheets)[]).map((k) => ({
    name: catalogSheets[k].name,
    rows: out[k].map((cells, i) => ({ rowNumber: i + 2, cells })),
  }));
}
