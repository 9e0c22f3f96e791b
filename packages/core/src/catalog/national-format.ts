/**
 * The national catalogue's JSON shape — the `LayThuTuc` result of the national portal (legal-spec §14.2, from
 * OpenCPS's DVCQG integration, 2020; SECONDARY) — read into procedure content and written from it.
 *
 * Accepted: `{ "result": [ item… ] }` (the service response), `{ "data": [ … ] }`, a bare array, or one item.
 * Two fields are our extension, written by our export and optional on import: `MATRUONGHOP` (the case id) on
 * TRINHTUTHUCHIEN, THOIGIAN and THANHPHANHOSO entries, and `SOBANCHINH` / `SOBANSAO` (originals / copies) on
 * GIAYTO. Without them, cases come from TRUONGHOP names and a document counts as one original.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../shared/index';
import type { Channel, Fee, ProcedureCase, ProcedureContent, ProcessingTime, RequiredDocument, TimeUnit } from './procedure';
import { PROCEDURE_CODE_PATTERN } from './procedure';
import { normalizeForSearch } from './search-text';

export interface ImportRowError {
  /** 1-based position of the item (JSON) or the spreadsheet row (Excel). */
  readonly row: number;
  /** Sheet name for Excel files. */
  readonly sheet?: string;
  readonly code: string | null;
  readonly field: string;
  readonly message: string;
}

const text = z.string();
const opt = z.string().nullish();
const num = z.union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/).transform(Number)]);
const item = z.object({
  MATTHC: text,
  TENTTHC: text.min(1),
  LINHVUCTHUCHIEN: z.array(z.object({ MALINHVUC: text, TENLINHVUC: text })).min(1),
  TRINHTUTHUCHIEN: z
    .array(z.object({ TRUONGHOP: opt, MATRUONGHOP: opt, TRINHTU: z.array(z.object({ TENTRINHTU: text })).default([]) }))
    .default([]),
  CACHTHUCTHUCHIEN: z
    .array(
      z.object({
        KENH: num,
        THOIGIAN: z
          .array(
            z.object({
              THOIGIANGIAIQUYET: num,
              DONVITINH: text,
              MOTA: opt,
              MATRUONGHOP: opt,
              PHILEPHI: z
                .array(z.object({ MAPHILEPHI: opt, SOTIEN: num.nullish(), DONVI: opt, MOTA: opt }))
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  THANHPHANHOSO: z
    .array(
      z.object({
        TRUONGHOP: opt,
        MATRUONGHOP: opt,
        GIAYTO: z
          .array(
            z.object({
              MAGIAYTO: opt,
              TENGIAYTO: text.min(1),
              TENMAUDON: opt,
              URL: opt,
              SOBANCHINH: num.nullish(),
              SOBANSAO: num.nullish(),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  YEUCAU: opt,
  MOTADOITUONGTHUCHIEN: opt,
  KETQUATHUCHIEN: z.array(z.object({ MAKETQUA: opt, TENKETQUA: text.min(1) })).default([]),
  CANCUPHAPLY: z.array(z.object({ SOVANBAN: text.min(1), TENVANBAN: text })).default([]),
  COQUANTHUCHIEN: z.array(z.object({ TENDONVI: text, MADONVI: opt })).default([]),
});
export type NationalProcedure = z.input<typeof item>;
type Item = z.output<typeof item>;

const channelByKenh: Record<number, Channel> = { 1: 'counter', 2: 'online', 3: 'postal' };
const kenhByChannel: Record<Channel, number> = { counter: 1, online: 2, postal: 3 };
const unitLabel: Record<TimeUnit, string> = {
  'working-days': 'Ngày làm việc',
  'working-hours': 'Giờ làm việc',
  'calendar-days': 'Ngày',
  months: 'Tháng',
};

export function unitFromLabel(label: string): TimeUnit | null {
  const t = normalizeForSearch(label);
  if (/^gio( lam viec)?$/.test(t)) return 'working-hours';
  if (/^ngay lam viec$/.test(t)) return 'working-days';
  if (/^ngay$/.test(t)) return 'calendar-days';
  if (/^thang$/.test(t)) return 'months';
  return null;
}

/** A case id from a case name: the normalised name as a slug, at most 40 characters. */
export function caseIdFromName(name: string, taken: ReadonlySet<string>): string {
  const base = normalizeForSearch(name).replace(/ /g, '-').slice(0, 36).replace(/-+$/, '') || 'truong-hop';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export interface NationalImportItem {
  readonly code: string;
  readonly content: ProcedureContent;
}

export function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (Array.isArray(o.result)) return o.result;
    if (Array.isArray(o.data)) return o.data;
    return [json];
  }
  return [];
}

/** Reads every item; each is a procedure or a list of errors with its position and the offending field. */
export function readNationalJson(json: unknown): Result<NationalImportItem, ImportRowError[]>[] {
  return itemsOf(json).map((raw, index) => {
    const row = index + 1;
    const code = raw && typeof raw === 'object' ? String((raw as Record<string, unknown>).MATTHC ?? '') || null : null;
    const parsed = item.safeParse(raw);
    if (!parsed.success) {
      return err(parsed.error.issues.map((i) => ({ row, code, field: pathText(i.path), message: i.message })));
    }
    return mapItem(parsed.data, row);
  });
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || '(item)';
}

interface CaseSlot {
  id: string;
  name: string;
  times: ProcessingTime[];
  fees: Fee[];
  documents: RequiredDocument[];
}

function mapItem(it: Item, row: number): Result<NationalImportItem, ImportRowError[]> {
  const errors: ImportRowError[] = [];
  const fail = (field: string, message: string) => errors.push({ row, code: it.MATTHC, field, message });
  if (!PROCEDURE_CODE_PATTERN.test(it.MATTHC)) fail('MATTHC', `"${it.MATTHC}" is not a procedure code`);
  const inferred = new Set<string>();

  // Cases: named by TRUONGHOP (or identified by our MATRUONGHOP) in the steps and document groups.
  const slots: CaseSlot[] = [];
  const slotFor = (id: string | null | undefined, name: string | null | undefined): CaseSlot => {
    const found = slots.find((s) => (id ? s.id === id : s.name === name));
    if (found) return found;
    const cleanName = name?.trim() || 'Trường hợp chung';
    const slot: CaseSlot = {
      id: id ?? (name?.trim() ? caseIdFromName(cleanName, new Set(slots.map((s) => s.id))) : 'mac-dinh'),
      name: cleanName,
      times: [],
      fees: [],
      documents: [],
    };
    slots.push(slot);
    return slot;
  };
  for (const t of it.TRINHTUTHUCHIEN) if (t.MATRUONGHOP || t.TRUONGHOP?.trim()) slotFor(t.MATRUONGHOP, t.TRUONGHOP);
  for (const g of it.THANHPHANHOSO) if (g.MATRUONGHOP || g.TRUONGHOP?.trim()) slotFor(g.MATRUONGHOP, g.TRUONGHOP);
  if (slots.length === 0) slotFor(null, null);

  it.CACHTHUCTHUCHIEN.forEach((way, wi) => {
    const channel = channelByKenh[way.KENH];
    if (!channel) return fail(`CACHTHUCTHUCHIEN[${wi}].KENH`, `unknown channel ${way.KENH} (1, 2 or 3)`);
    // Several times for one channel without case ids: the n-th time belongs to the n-th case.
    way.THOIGIAN.forEach((time, ti) => {
      const unit = unitFromLabel(time.DONVITINH);
      const field = `CACHTHUCTHUCHIEN[${wi}].THOIGIAN[${ti}]`;
      if (!unit) return fail(`${field}.DONVITINH`, `unknown unit "${time.DONVITINH}"`);
      if (!(time.THOIGIANGIAIQUYET > 0)) return fail(`${field}.THOIGIANGIAIQUYET`, 'must be greater than 0');
      const targets = time.MATRUONGHOP
        ? [slots.find((s) => s.id === time.MATRUONGHOP) ?? slotFor(time.MATRUONGHOP, time.MATRUONGHOP)]
        : way.THOIGIAN.length > 1
          ? [slots[ti] ?? slotFor(null, time.MOTA?.trim() || `Trường hợp ${ti + 1}`)]
          : slots;
      for (const slot of targets) {
        addTime(slot, { amount: time.THOIGIANGIAIQUYET, unit, channels: [channel], sameDayCutoff: null, note: time.MOTA?.trim() || null, isInferred: false });
        for (const fee of time.PHILEPHI) addFee(slot, mapFee(fee, channel, inferred));
      }
    });
  });

  for (const group of it.THANHPHANHOSO) {
    const targets = group.MATRUONGHOP || group.TRUONGHOP?.trim() ? [slotFor(group.MATRUONGHOP, group.TRUONGHOP)] : slots;
    for (const doc of group.GIAYTO) {
      if (doc.SOBANCHINH === undefined || doc.SOBANCHINH === null) inferred.add('documents.originals');
      const mapped: RequiredDocument = {
        code: doc.MAGIAYTO?.trim() || null,
        name: doc.TENGIAYTO.trim(),
        originals: doc.SOBANCHINH ?? 1,
        certifiedCopies: 0,
        photocopies: 0,
        copies: doc.SOBANSAO ?? 0,
        requirement: 'mandatory',
        condition: null,
        isPresentOnly: false,
        formTemplates: doc.TENMAUDON?.trim() ? [{ name: doc.TENMAUDON.trim(), url: doc.URL?.trim() || null }] : [],
      };
      for (const slot of targets) slot.documents.push(mapped);
    }
  }
  if (errors.length > 0) return err(errors);

  const cases: ProcedureCase[] = slots.map((s) => ({
    id: s.id,
    name: s.name,
    description: null,
    processingTimes: s.times,
    fees: s.fees,
    documents: s.documents,
    workflows: [],
  }));
  const steps = [...new Set(it.TRINHTUTHUCHIEN.flatMap((t) => t.TRINHTU.map((s) => s.TENTRINHTU.trim())).filter(Boolean))];
  const agency = it.COQUANTHUCHIEN[0]?.TENDONVI.trim();
  const field = it.LINHVUCTHUCHIEN[0]!;
  return ok({
    code: it.MATTHC,
    content: {
      name: it.TENTTHC.trim(),
      field: { code: field.MALINHVUC.trim(), name: field.TENLINHVUC.trim() },
      levels: [],
      competentAgency: { kind: 'external', name: agency || 'Cơ quan có thẩm quyền (chưa xác định)' },
      receivingDesks: [],
      subjects: it.MOTADOITUONGTHUCHIEN?.trim() || null,
      steps,
      conditions: it.YEUCAU?.trim() || null,
      results: it.KETQUATHUCHIEN.map((r) => ({ code: r.MAKETQUA?.trim() || null, name: r.TENKETQUA.trim() })),
      legalBasis: it.CANCUPHAPLY.map((l) => ({ number: l.SOVANBAN.trim(), title: l.TENVANBAN.trim(), issuedBy: null, date: null })),
      publicationDecision: null,
      onlineLevel: null,
      legacyOnlineLevel: null,
      partialOnlineReason: null,
      postal: null,
      requiresPersonalPresence: false,
      cases,
      documentNotes: [],
      source: { url: null, note: 'CSDL quốc gia về TTHC (LayThuTuc)' },
      isVerified: true,
      inferredFields: [...inferred].sort(),
    },
  });
}

function addTime(slot: CaseSlot, time: ProcessingTime): void {
  const same = slot.times.findIndex((t) => t.amount === time.amount && t.unit === time.unit && t.note === time.note);
  if (same < 0) slot.times.push(time);
  else slot.times[same] = { ...slot.times[same]!, channels: [...slot.times[same]!.channels, ...time.channels] };
}

function mapFee(
  fee: { MAPHILEPHI?: string | null | undefined; SOTIEN?: number | null | undefined; DONVI?: string | null | undefined; MOTA?: string | null | undefined },
  channel: Channel,
  inferred: Set<string>,
): Fee {
  const description = fee.MOTA?.trim() || 'Phí, lệ phí';
  const normalized = normalizeForSearch(description);
  const unit = normalizeForSearch(fee.DONVI ?? '');
  const isVnd = unit === '' || /^(dong|vnd|vnđ|viet nam dong)$/.test(unit);
  const amount = fee.SOTIEN ?? null;
  const flat = amount !== null && isVnd && Number.isSafeInteger(amount) && amount >= 0;
  if (!/\ble phi\b/.test(normalized) && !/\bphi\b/.test(normalized)) inferred.add('fees.kind');
  return {
    code: fee.MAPHILEPHI?.trim() || null,
    name: description,
    kind: /\ble phi\b/.test(normalized) || !/\bphi\b/.test(normalized) ? 'charge' : 'fee',
    amountVnd: flat ? amount : null,
    per: null,
    rule: flat ? null : `${amount ?? ''} ${fee.DONVI ?? ''}`.trim() || description,
    exemptions: [],
    channels: [channel],
  };
}

function addFee(slot: CaseSlot, fee: Fee): void {
  const same = slot.fees.findIndex((f) => f.name === fee.name && f.amountVnd === fee.amountVnd && f.rule === fee.rule && f.code === fee.code);
  if (same < 0) slot.fees.push(fee);
  else slot.fees[same] = { ...slot.fees[same]!, channels: [...new Set([...slot.fees[same]!.channels, ...fee.channels])] };
}

/** Writes content in the national shape (with our MATRUONGHOP / SOBANCHINH / SOBANSAO extension). */
export function toNationalJson(code: string, content: ProcedureContent): NationalProcedure {
  const channelsUsed = (['counter', 'online', 'postal'] as const).filter((ch) =>
    content.cases.some((c) => c.processingTimes.some((t) => t.channels.includes(ch))),
  );
  return {
    MATTHC: code,
    TENTTHC: content.name,
    LINHVUCTHUCHIEN: [{ MALINHVUC: content.field.code, TENLINHVUC: content.field.name }],
    TRINHTUTHUCHIEN: content.cases.map((c) => ({
      TRUONGHOP: c.name,
      MATRUONGHOP: c.id,
      TRINHTU: content.steps.map((s) => ({ TENTRINHTU: s })),
    })),
    CACHTHUCTHUCHIEN: channelsUsed.map((ch) => ({
      KENH: kenhByChannel[ch],
      THOIGIAN: content.cases.flatMap((c) =>
        c.processingTimes
          .filter((t) => t.channels.includes(ch))
          .map((t) => ({
            THOIGIANGIAIQUYET: t.amount,
            DONVITINH: unitLabel[t.unit],
            MOTA: t.note,
            MATRUONGHOP: c.id,
            PHILEPHI: c.fees
              .filter((f) => f.channels.includes(ch))
              .map((f) => ({
                MAPHILEPHI: f.code,
                SOTIEN: f.amountVnd,
                DONVI: f.amountVnd === null ? f.rule : 'Đồng',
                MOTA: f.name,
              })),
          })),
      ),
    })),
    THANHPHANHOSO: content.cases.map((c) => ({
      TRUONGHOP: c.name,
      MATRUONGHOP: c.id,
      GIAYTO: c.documents.map((d) => ({
        MAGIAYTO: d.code,
        TENGIAYTO: d.name,
        TENMAUDON: d.formTemplates[0]?.name ?? null,
        URL: d.formTemplates[0]?.url ?? null,
        SOBANCHINH: d.originals,
        SOBANSAO: d.certifiedCopies + d.photocopies + d.copies,
      })),
    })),
    YEUCAU: content.conditions,
    MOTADOITUONGTHUCHIEN: content.subjects,
    KETQUATHUCHIEN: content.results.map((r) => ({ MAKETQUA: r.code, TENKETQUA: r.name })),
    CANCUPHAPLY: content.legalBasis.map((l) => ({ SOVANBAN: l.number, TENVANBAN: l.title })),
    COQUANTHUCHIEN: [{ TENDONVI: content.competentAgency.name, MADONVI: null }],
  };
}
