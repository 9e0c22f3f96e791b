/**
 * Adds an (invisible) signature field with a /Contents placeholder to a PDF as an INCREMENTAL UPDATE: the original
 * bytes are kept verbatim and new or changed objects are appended after them, with their own xref section whose
 * /Prev points at the previous one. A signature already in the file therefore still covers exactly the bytes it
 * covered (ISO 32000-1 §7.5.6, §12.8.1). pdf-lib is used only to READ the latest revision's objects; we never let
 * it save (its save rewrites the whole file and would break earlier signatures).
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/** Bytes reserved for the DER of the CMS (B-T timestamps and chains fit easily); hex doubles it in the file. */
export const DEFAULT_SIGNATURE_CAPACITY = 16_384;

const BYTE_RANGE_PLACEHOLDER = '[0 ********** ********** **********]';

export interface PlaceholderRequest {
  readonly reason: string;
  readonly name: string;
  readonly location?: string;
  readonly contactInfo?: string;
  readonly signingTime: Date;
  readonly fieldName?: string;
  readonly subFilter: 'ETSI.CAdES.detached';
  readonly capacity?: number;
}

export interface PreparedPdf {
  /** The whole file with the update appended; /ByteRange filled in, /Contents still zeros. */
  readonly bytes: Uint8Array;
  readonly byteRange: readonly [number, number, number, number];
  /** Offset of the first hex digit inside /Contents <...> and the number of hex digits available. */
  readonly contentsOffset: number;
  readonly contentsHexLength: number;
  readonly fieldName: string;
}

export class PdfStructureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfStructureError';
  }
}

const latin1 = (text: string): Uint8Array => Buffer.from(text, 'latin1');

/** A PDF text string: plain when printable ASCII, else UTF-16BE with a BOM as a hex string. */
export function pdfTextString(text: string): string {
  const normalised = text.normalize('NFC');
  if (/^[\x20-\x7e]*$/.test(normalised)) return `(${normalised.replace(/[\\()]/g, (char) => `\\${char}`)})`;
  let hex = 'FEFF';
  for (let index = 0; index < normalised.length; index += 1) {
    hex += normalised.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase();
  }
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ in UTC. */
export function pdfDate(at: Date): string {
  const iso = at.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

function serialise(object: PDFObject): string {
  const buffer = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(buffer, 0);
  return Buffer.from(buffer).toString('latin1');
}

/** The offset after the last `startxref`: where the previous revision's cross-reference section starts. */
function previousXrefOffset(pdf: Uint8Array): number {
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 2048))).toString('latin1');
  const matches = [...tail.matchAll(/startxref\s+(\d+)\s+%%EOF/g)];
  const last = matches.at(-1);
  if (!last) throw new PdfStructureError('no startxref at the end of the file');
  return Number(last[1]);
}

function firstPage(document: PDFDocument): { ref: PDFRef; dict: PDFDict } {
  const { context } = document;
  let node: PDFObject | undefined = context.trailerInfo.Root ? context.lookup(context.trailerInfo.Root) : undefined;
  if (!(node instanceof PDFDict)) throw new PdfStructureError('no document catalog');
  let reference = node.get(PDFName.of('Pages'));
  for (let depth = 0; depth < 32; depth += 1) {
    if (!(reference instanceof PDFRef)) break;
    node = context.lookup(reference);
    if (!(node instanceof PDFDict)) break;
    if (node.get(PDFName.of('Type')) === PDFName.of('Page')) return { ref: reference, dict: node };
    const kids = node.lookup(PDFName.of('Kids'));
    reference = kids instanceof PDFArray && kids.size() > 0 ? kids.get(0) : undefined;
  }
  throw new PdfStructureError('no page in the page tree');
}

function existingFieldNames(fields: PDFArray | undefined, document: PDFDocument): Set<string> {
  const names = new Set<string>();
  for (const entry of fields?.asArray() ?? []) {
    const field = document.context.lookup(entry);
    const title = field instanceof PDFDict ? field.lookup(PDFName.of('T')) : undefined;
    if (title instanceof PDFString || title instanceof PDFHexString) names.add(title.decodeText());
  }
  return names;
}

/** Objects to write in the update: number → serialised body. */
type Updates = Map<number, { generation: number; body: string }>;

/** Appends `item` to the array `key` of `dict`, which may be absent, inline or an indirect object. */
function addToArray(document: PDFDocument, dict: PDFDict, key: string, item: PDFRef, updates: Updates): void {
  const raw = dict.get(PDFName.of(key));
  if (raw instanceof PDFRef) {
    const array = document.context.lookup(raw);
    if (!(array instanceof PDFArray)) throw new PdfStructureError(`/${key} is not an array`);
    array.push(item);
    updates.set(raw.objectNumber, { generation: raw.generationNumber, body: serialise(array) });
    return;
  }
  const array = raw instanceof PDFArray ? raw : document.context.obj([]);
  array.push(item);
  dict.set(PDFName.of(key), array);
}

const write = (updates: Updates, holder: { ref: PDFRef; dict: PDFDict }) =>
  updates.set(holder.ref.objectNumber, { generation: holder.ref.generationNumber, body: serialise(holder.dict) });

function xrefSection(entries: { number: number; generation: number; offset: number }[]): string {
  const sorted = [...entries].sort((left, right) => left.number - right.number);
  let text = 'xref\n';
  let index = 0;
  while (index < sorted.length) {
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1]!.number === sorted[end]!.number + 1) end += 1;
    text += `${sorted[index]!.number} ${end - index + 1}\n`;
    for (let at = index; at <= end; at += 1) {
      const entry = sorted[at]!;
      text += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n\r\n`;
    }
    index = end + 1;
  }
  return text;
}

export async function preparePdfForSignature(pdf: Uint8Array, request: PlaceholderRequest): Promise<PreparedPdf> {
  const prevXref = previousXrefOffset(pdf);
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    throw new PdfStructureError(`not a readable PDF: ${(error as Error).message}`);
  }
  const { context } = document;
  const rootRef = context.trailerInfo.Root;
  const catalog = rootRef instanceof PDFRef ? context.lookup(rootRef) : undefined;
  if (!(rootRef instanceof PDFRef) || !(catalog instanceof PDFDict)) throw new PdfStructureError('no document catalog');

  const updates: Updates = new Map();
  let next = context.largestObjectNumber + 1;
  const signatureNumber = next++;
  const widgetNumber = next++;
  const widgetRef = PDFRef.of(widgetNumber);
  const page = firstPage(document);

  // AcroForm: an indirect object, a dictionary inside the catalog, or absent. `holder` is the object to rewrite.
  const acroFormRaw = catalog.get(PDFName.of('AcroForm'));
  let acroForm: PDFDict;
  let holder: { ref: PDFRef; dict: PDFDict };
  if (acroFormRaw instanceof PDFRef) {
    const dict = context.lookup(acroFormRaw);
    if (!(dict instanceof PDFDict)) throw new PdfStructureError('/AcroForm is not a dictionary');
    acroForm = dict;
    holder = { ref: acroFormRaw, dict };
  } else if (acroFormRaw instanceof PDFDict) {
    acroForm = acroFormRaw;
    holder = { ref: rootRef, dict: catalog };
  } else {
    const ref = PDFRef.of(next++);
    acroForm = context.obj({});
    holder = { ref, dict: acroForm };
    catalog.set(PDFName.of('AcroForm'), ref);
    write(updates, { ref: rootRef, dict: catalog });
  }
  const fieldsRaw = acroForm.lookup(PDFName.of('Fields'));
  const taken = existingFieldNames(fieldsRaw instanceof PDFArray ? fieldsRaw : undefined, document);
  let fieldName = request.fieldName ?? '';
  for (let counter = taken.size + 1; fieldName === '' || taken.has(fieldName); counter += 1) fieldName = `Signature${counter}`;
  addToArray(document, acroForm, 'Fields', widgetRef, updates);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3)); // signatures exist; append only
  write(updates, holder);
  addToArray(document, page.dict, 'Annots', widgetRef, updates);
  write(updates, page);

  const capacity = request.capacity ?? DEFAULT_SIGNATURE_CAPACITY;
  const optional = (key: string, value: string | undefined) => (value ? ` /${key} ${pdfTextString(value)}` : '');
  const signatureBody =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${request.subFilter} /ByteRange ${BYTE_RANGE_PLACEHOLDER}` +
    ` /Contents <${'0'.repeat(capacity * 2)}> /M (${pdfDate(request.signingTime)})` +
    `${optional('Name', request.name)}${optional('Reason', request.reason)}` +
    `${optional('Location', request.location)}${optional('ContactInfo', request.contactInfo)}` +
    ` /Prop_Build << /App << /Name /MotCua >> >> >>`;
  updates.set(signatureNumber, { generation: 0, body: signatureBody });
  updates.set(widgetNumber, {
    generation: 0,
    body:
      `<< /Type /Annot /Subtype /Widget /FT /Sig /F 132 /Rect [0 0 0 0] /T ${pdfTextString(fieldName)}` +
      ` /V ${signatureNumber} 0 R /P ${page.ref.objectNumber} ${page.ref.generationNumber} R >>`,
  });

  // Serialise the update after the original bytes (a newline first if the file does not end with one).
  const endsWithNewline = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d;
  let text = endsWithNewline ? '' : '\n';
  const entries: { number: number; generation: number; offset: number }[] = [];
  for (const [number, { generation, body }] of [...updates].sort(([left], [right]) => left - right)) {
    entries.push({ number, generation, offset: pdf.length + text.length });
    text += `${number} ${generation} obj\n${body}\nendobj\n`;
  }
  const xrefOffset = pdf.length + text.length;
  const trailer = context.trailerInfo;
  const optionalRef = (key: string, value: PDFObject | undefined) => (value ? ` /${key} ${serialise(value)}` : '');
  text +=
    xrefSection(entries) +
    `trailer\n<< /Size ${next} /Root ${rootRef.objectNumber} ${rootRef.generationNumber} R` +
    `${optionalRef('Info', trailer.Info)}${optionalRef('ID', trailer.ID)}${optionalRef('Encrypt', trailer.Encrypt)}` +
    ` /Prev ${prevXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;

  const update = latin1(text);
  const bytes = new Uint8Array(pdf.length + update.length);
  bytes.set(pdf, 0);
  bytes.set(update, pdf.length);
  return fillByteRange(bytes, pdf.length, fieldName);
}

/** Finds this update's placeholder (after `from`) and writes the real /ByteRange in its place, same width. */
function fillByteRange(bytes: Uint8Array, from: number, fieldName: string): PreparedPdf {
  const text = Buffer.from(bytes.subarray(from)).toString('latin1');
  const rangeAt = text.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsAt = text.indexOf('/Contents <', rangeAt);
  if (rangeAt < 0 || contentsAt < 0) throw new PdfStructureError('signature placeholder not found');
  const open = from + contentsAt + '/Contents '.length;
  const close = bytes.indexOf(0x3e, open);
  const range = [0, open, close + 1, bytes.length - close - 1] as const;
  const written = `[${range.join(' ')}]`;
  if (written.length > BYTE_RANGE_PLACEHOLDER.length) throw new PdfStructureError('file too large for /ByteRange');
  bytes.set(latin1(written.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ')), from + rangeAt);
  return {
    bytes,
    byteRange: range,
    contentsOffset: open + 1,
    contentsHexLength: close - open - 1,
    fieldName,
  };
}
