/**
 * Forms 01–05 of TT 03/2025/TT-VPCP (Phụ lục I) and 01–04 of TT 01/2018/TT-VPCP, laid out from the form data the
 * dossier engine recorded on the event that issued them (packages/core/src/dossiers/form-data.ts). Fields follow
 * legal-spec §5.3 (TT 01/2018) and §16.10 (TT 03/2025: the identity number, the authorisation block, the number
 * patterns "…/PBS-", "…/PTC-", "…/PXL", electronic signature wording). Pure: the PDF adapter draws the result.
 */
import type { FormKind } from '../dossiers/index';
import { nfc, normaliseDefinition, type DocNode, type DocumentDefinition } from './document-definition';
import { codesRow, documentHeader, documentTitle, field, paragraph, signatures, type IssuingUnit, type SignatureBlock } from './form-layout';
import { dateOnly, timeAndDate } from './local-time';

type Data = Readonly<Record<string, unknown>>;

export interface FormRenderInput {
  readonly form: { readonly kind: FormKind; readonly set: string; readonly number: string; readonly title: string };
  readonly data: Data;
  readonly issuer: IssuingUnit;
  readonly competentAgencyName: string | null;
  /** The full number and symbol printed after "Số:", e.g. "15/PBS-BPTNTKQ"; null leaves dots to fill. */
  readonly documentNumber: string | null;
  readonly issuedAt: Date;
  /** Public tracking / verification page of this document (the QR code). */
  readonly verificationUrl: string;
  /** The officer who issued it (the event's actor), printed under the signature. */
  readonly officerName: string | null;
}

export const A5_MARGINS: readonly [number, number, number, number] = [51, 34, 31, 34];
const FONT_SIZE = 10;
/** A5 width (419.53 pt) between the margins. */
const A5_CONTENT_WIDTH = 419.53 - 51 - 31;

const isTt03 = (set: string): boolean => set.startsWith('tt03');
const obj = (v: unknown): Data => (v && typeof v === 'object' ? (v as Data) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export function signatureNote(set: string, who: string): string {
  return isTt03(set) ? `(Chữ ký số của ${who} nếu là biểu mẫu điện tử)` : '(Ký và ghi rõ họ tên)';
}

const timeUnits: Record<string, string> = {
  'working-days': 'ngày làm việc',
  'working-hours': 'giờ làm việc',
  'calendar-days': 'ngày',
  months: 'tháng',
};

export function timeLimitText(value: unknown): string {
  const limit = obj(value);
  if (typeof limit.amount !== 'number') return '';
  return `${limit.amount} ${timeUnits[String(limit.unit)] ?? nfc(limit.unit)}`;
}

const returnMethods: Record<string, string> = {
  counter: 'Bộ phận tiếp nhận và trả kết quả',
  postal: 'Qua dịch vụ bưu chính công ích (địa chỉ đã đăng ký)',
  online: 'Trực tuyến (tài khoản trên Cổng dịch vụ công)',
};

function requestContent(data: Data): string {
  const p = obj(data.procedure);
  const name = nfc(p.name);
  const caseName = nfc(p.caseName);
  return caseName && caseName !== name ? `${name} (${caseName})` : name;
}

/** The applicant's block; TT 03/2025 adds the identity number and, when authorised, the authorising person. */
function partyBlock(data: Data, set: string, lead: string): DocNode[] {
  const applicant = obj(data.applicant);
  const owner = obj(data.owner ?? data.applicant);
  const who = applicant.kind === 'organisation' ? 'tổ chức' : 'Ông (Bà)';
  const nodes: DocNode[] = [field(`${lead} ${who}`, applicant.fullName, { bold: true })];
  if (isTt03(set) || applicant.identityNumber) nodes.push(field('Số định danh cá nhân/tổ chức', applicant.identityNumber));
  nodes.push(field('Địa chỉ', applicant.address));
  nodes.push({ columns: [field('Số điện thoại', applicant.phone), field('Email', applicant.email)], columnGap: 6 });
  const authorisation = nfc(applicant.authorisationDocument) || nfc(obj(data.authorised).authorisationDocument);
  const ownerDiffers = data.owner && nfc(owner.fullName) !== nfc(applicant.fullName);
  if (ownerDiffers || authorisation) {
    nodes.push({ text: 'Trường hợp được ủy quyền:', italics: true, margin: [0, 2, 0, 0] });
    nodes.push(field('Họ và tên người ủy quyền', owner.fullName));
    nodes.push(field('Địa chỉ', owner.address));
    nodes.push(field('Số định danh cá nhân', owner.identityNumber));
    nodes.push({ columns: [field('Số điện thoại', owner.phone), field('Email', owner.email)], columnGap: 6 });
    nodes.push(field('Văn bản ủy quyền', authorisation));
  }
  return nodes;
}

function documentsTable(data: Data, set: string): DocNode {
  const docs = arr(data.documents).map(obj);
  const withCopies = !isTt03(set);
  const header = withCopies
    ? ['TT', 'Tên giấy tờ', 'Bản chính', 'Bản chứng thực', 'Bản photo']
    : ['TT', 'Tên giấy tờ', 'Số lượng'];
  const rows = docs.map((d, i) => {
    const name = nfc(d.name);
    const o = Number(d.originals ?? 0);
    const c = Number(d.certifiedCopies ?? 0);
    const p = Number(d.photocopies ?? 0);
    return withCopies ? [String(i + 1), name, String(o), String(c), String(p)] : [String(i + 1), name, String(o + c + p)];
  });
  if (rows.length === 0) rows.push(withCopies ? ['', '', '', '', ''] : ['', '', '']);
  return {
    table: {
      headerRows: 1,
      widths: withCopies ? [16, '*', 34, 44, 34] : [16, '*', 44],
      body: [header.map((h) => ({ text: h, bold: true, alignment: 'center' })), ...rows],
    },
    fontSize: FONT_SIZE - 1,
    margin: [0, 2, 0, 4],
  };
}

function receiptBody(input: FormRenderInput): DocNode[] {
  const { data, form } = input;
  const ledger = obj(data.ledger);
  const dueText = data.dueAtPending
    ? 'Theo thời điểm cơ quan có thẩm quyền tiếp nhận hồ sơ (sẽ thông báo)'
    : timeAndDate(data.dueAt);
  return [
    paragraph(`${nfc(input.issuer.name)} tiếp nhận hồ sơ.`),
    ...partyBlock(data, form.set, 'Tiếp nhận hồ sơ của'),
    field('Nội dung yêu cầu giải quyết', requestContent(data), { bold: true }),
    { text: '1. Thành phần hồ sơ:', bold: true, margin: [0, 3, 0, 0] },
    documentsTable(data, form.set),
    field('2. Số lượng hồ sơ', `${Number(data.setCount ?? 1)} (bộ)`),
    field('3. Thời gian giải quyết hồ sơ theo quy định', timeLimitText(data.timeLimit)),
    field('4. Thời gian nhận hồ sơ', timeAndDate(data.receivedAt)),
    field('5. Thời gian trả kết quả giải quyết hồ sơ', dueText),
    field('6. Đăng ký nhận kết quả tại', returnMethods[String(data.returnMethod)] ?? nfc(data.returnMethod)),
    paragraph('Khi đến nhận kết quả, người nhận phải mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả; trường hợp nhận thay phải có giấy ủy quyền.', { italics: true, fontSize: FONT_SIZE - 1 }),
    paragraph(`Vào Sổ theo dõi hồ sơ, Quyển số: ${ledger.year ?? '……'}, Số thứ tự: ${ledger.number ?? '……'}`, { fontSize: FONT_SIZE - 1 }),
    signatures([
      { role: 'Người nộp hồ sơ', note: '(Ký và ghi rõ họ tên)', name: nfc(obj(data.applicant).fullName) },
      { role: 'Người tiếp nhận hồ sơ', note: signatureNote(form.set, 'người tiếp nhận'), name: input.officerName },
    ]),
  ];
}

function supplementBody(input: FormRenderInput): DocNode[] {
  const { data, form } = input;
  const items = arr(data.items).map((v, i) => ({ text: `${i + 1}. ${nfc(v)}`, margin: [8, 0, 0, 0] }));
  return [
    ...partyBlock(data, form.set, 'Tiếp nhận hồ sơ/yêu cầu của'),
    field('Nội dung yêu cầu giải quyết', requestContent(data), { bold: true }),
    paragraph('Yêu cầu Ông (Bà)/tổ chức hoàn thiện hồ sơ gồm những nội dung như sau:', { bold: true }),
    ...(items.length ? items : [{ text: '……………………………' }]),
    field('Lý do', data.reason),
    paragraph(
      `Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông (Bà)/tổ chức liên hệ ${nfc(input.officerName) || '……'} – ${nfc(input.issuer.name)} để được hướng dẫn.`,
    ),
    signatures([{ role: 'Người hướng dẫn', note: signatureNote(form.set, 'người hướng dẫn'), name: input.officerName }]),
  ];
}

function refusalBody(input: FormRenderInput): DocNode[] {
  const { data, form } = input;
  return [
    paragraph(`${nfc(input.issuer.name)} tiếp nhận hồ sơ.`),
    ...partyBlock(data, form.set, 'Tiếp nhận hồ sơ của'),
    field('Nội dung yêu cầu giải quyết', requestContent(data), { bold: true }),
    paragraph('Căn cứ quy định tại văn bản quy phạm pháp luật và thủ tục hành chính đã được công bố, thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:'),
    paragraph(nfc(data.reasons) || '……………………………', { bold: true }),
    paragraph('Xin thông báo cho Ông (Bà)/tổ chức được biết và thực hiện.'),
    signatures([
      { role: 'Người nộp hồ sơ', note: '(Ký và ghi rõ họ tên)', name: nfc(obj(data.applicant).fullName) },
      { role: 'Người tiếp nhận hồ sơ', note: signatureNote(form.set, 'người tiếp nhận'), name: input.officerName },
    ]),
  ];
}

function apologyBody(input: FormRenderInput): DocNode[] {
  const { data, form } = input;
  const applicant = obj(data.applicant);
  const agency = nfc(input.competentAgencyName) || nfc(input.issuer.name);
  const newDue = isTt03(form.set) ? `ngày ${dateOnly(data.newDueDate ?? data.newDueAt)}` : timeAndDate(data.newDueAt);
  return [
    { text: `Kính gửi: ${nfc(applicant.fullName) || '……'}`, alignment: 'center', margin: [0, 0, 0, 4] },
    paragraph(
      `Ngày ${dateOnly(data.receivedAt)}, ${nfc(input.issuer.name)} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính ${requestContent(data)} của Ông (Bà)/tổ chức ${nfc(applicant.fullName)}` +
        `${applicant.identityNumber ? `, số định danh ${nfc(applicant.identityNumber)}` : ''}; mã số hồ sơ ${nfc(data.dossierCode)}.`,
    ),
    paragraph(`Thời gian hẹn trả kết quả giải quyết hồ sơ: ${timeAndDate(data.originalDueAt)}. Tuy nhiên, đến nay ${agency} chưa trả kết quả giải quyết hồ sơ của Ông (Bà)/tổ chức đúng thời hạn.`),
    field('Lý do', data.reason),
    paragraph(`${agency} xin lỗi Ông (Bà)/tổ chức vì sự chậm trễ này và ${isTt03(form.set) ? 'đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào' : 'hẹn lại thời gian trả kết quả vào'} ${newDue}.`),
    ...(data.isDraft ? [paragraph('DỰ THẢO – chưa ban hành', { bold: true, alignment: 'center' })] : []),
    signatures([{ role: 'Thủ trưởng cơ quan, đơn vị', note: signatureNote(form.set, 'thủ trưởng cơ quan, đơn vị'), name: null }]),
    { text: [{ text: 'Nơi nhận:\n', bold: true, italics: true }, '- Như trên;\n- Lưu: VT.'], fontSize: 8, margin: [0, -40, 0, 0] },
  ];
}

const requestChannels: Record<string, string> = {
  counter: 'trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
  online: 'trực tuyến',
  postal: 'qua dịch vụ bưu chính',
};

function stopNoticeBody(input: FormRenderInput): DocNode[] {
  const { data, form } = input;
  const applicant = obj(data.applicant);
  return [
    field('Tổ chức, cá nhân', applicant.fullName, { bold: true }),
    field('Số định danh cá nhân/tổ chức', applicant.identityNumber),
    field('Thủ tục hành chính', requestContent(data)),
    paragraph(`Ngày ${dateOnly(data.requestedAt)}, Ông (Bà)/tổ chức có yêu cầu dừng giải quyết hồ sơ ${requestChannels[String(data.requestChannel)] ?? nfc(data.requestChannel)}.`),
    ...(nfc(data.reason) ? [field('Lý do', data.reason)] : []),
    paragraph('Qua kiểm tra, hồ sơ chưa có quyết định hoặc văn bản thông báo kết quả giải quyết.'),
    paragraph(`${nfc(input.issuer.name)} thông báo dừng giải quyết hồ sơ nêu trên kể từ ngày ${dateOnly(data.requestedAt)}.`, { bold: true }),
    signatures([{ role: 'Người tiếp nhận hồ sơ', note: signatureNote(form.set, 'người tiếp nhận'), name: input.officerName }]),
  ];
}

const bodies: Partial<Record<FormKind, (input: FormRenderInput) => DocNode[]>> = {
  receipt: receiptBody,
  supplement_request: supplementBody,
  refusal: refusalBody,
  apology_extension: apologyBody,
  stop_notice: stopNoticeBody,
};

/** Number symbols (legal-spec §16.10: "…/PBS-", "…/PTC-", "…/PXL", "…PKS-"); the others are ours. */
export const formNumberSymbols: Readonly<Record<FormKind, string>> = {
  receipt: 'TNHS',
  supplement_request: 'PBS',
  refusal: 'PTC',
  apology_extension: 'PXL',
  stop_notice: 'TBDGQ',
  control_sheet: 'PKS',
  ledger: 'STD',
};

export function isEventForm(kind: FormKind): boolean {
  return bodies[kind] !== undefined;
}

/** The document definition of an event's form (01–05); throws for kinds drawn from several events. */
export function dossierFormDefinition(input: FormRenderInput): DocumentDefinition {
  const body = bodies[input.form.kind];
  if (!body) throw new Error(`Form kind ${input.form.kind} is not drawn from one event`);
  const subtitle = `Mẫu số ${input.form.number} – ${input.form.set.startsWith('tt03') ? 'Thông tư 03/2025/TT-VPCP' : 'Thông tư 01/2018/TT-VPCP'}`;
  const content: DocNode[] = [
    documentHeader(input.issuer, input.documentNumber ?? '', input.issuedAt, FONT_SIZE - 1, A5_CONTENT_WIDTH),
    documentTitle(input.form.title, subtitle),
    codesRow(nfc(input.data.dossierCode) || null, input.verificationUrl),
    ...body(input),
  ];
  return normaliseDefinition({
    pageSize: 'A5',
    pageOrientation: 'portrait',
    pageMargins: A5_MARGINS,
    info: { title: nfc(input.form.title), subject: nfc(input.data.dossierCode), creationDate: input.issuedAt },
    defaultStyle: { fontSize: FONT_SIZE, lineHeight: 1.05 },
    content,
  });
}
