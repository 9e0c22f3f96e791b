/**
 * Renders every form of both sets from the sample data (test-support/documents.ts) and writes a PNG of each first
 * page to docs/forms/ with poppler's pdftoppm (72 dpi, grey), the reviewable fixtures of the layouts. Run after a
 * layout change and look at the diff:
 *
 *   npx tsx scripts/render-form-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPdf } from '@motcua/adapters/documents';
import {
  controlSheetDefinition,
  dossierFormDefinition,
  ledgerDefinition,
  resultDocumentDefinition,
  type DocumentDefinition,
} from '@motcua/core/documents';
import type { FormKind } from '@motcua/core/dossiers';
import { sampleControlSheetInput, sampleFormInput, sampleLedgerInput } from '../test-support/documents';

const out = path.resolve(import.meta.dirname, '../docs/forms');
const work = mkdtempSync(path.join(tmpdir(), 'motcua-fixtures-'));
mkdirSync(out, { recursive: true });

const definitions: [string, DocumentDefinition][] = [];
const eventForms: [FormKind, ('tt03-2025' | 'tt01-2018')[]][] = [
  ['receipt', ['tt03-2025', 'tt01-2018']],
  ['supplement_request', ['tt03-2025', 'tt01-2018']],
  ['refusal', ['tt03-2025', 'tt01-2018']],
  ['apology_extension', ['tt03-2025', 'tt01-2018']],
  ['stop_notice', ['tt03-2025']],
];
for (const [kind, sets] of eventForms) {
  for (const set of sets) {
    const input = sampleFormInput(kind, set);
    definitions.push([`${set}-${input.form.number}-${kind.replace(/_/g, '-')}`, dossierFormDefinition(input)]);
  }
}
definitions.push(['tt03-2025-06-control-sheet', controlSheetDefinition(sampleControlSheetInput('tt03-2025'))]);
definitions.push(['tt01-2018-05-control-sheet', controlSheetDefinition(sampleControlSheetInput('tt01-2018'))]);
definitions.push(['tt03-2025-07-ledger', ledgerDefinition(sampleLedgerInput('tt03-2025', 8))]);
definitions.push(['tt01-2018-06-ledger', ledgerDefinition(sampleLedgerInput('tt01-2018', 8))]);
const receipt = sampleFormInput('receipt');
const resultBase = {
  issuer: { name: 'Ủy ban nhân dân phường Phú Xuân', parentName: null, place: 'Huế' },
  signerTitle: 'CHỦ TỊCH',
  signerName: 'Nguyễn Văn Chủ Tịch',
  documentNumber: '12/KQ-BPTNTKQ',
  issuedAt: new Date('2026-03-09T07:00:00Z'),
  verificationUrl: receipt.verificationUrl,
  dossierCode: '000.00.25.H33-260305-0007',
  applicantName: 'Nguyễn Thị Hường',
  procedureName: 'Đăng ký khai sinh',
  receivedAt: new Date('2026-03-05T02:30:00Z'),
};
definitions.push(['result-birth-extract', resultDocumentDefinition({ ...resultBase, template: 'birth_extract', resultText: '', fields: {
  fullName: 'Trần Gia Bảo', birthDate: '01/03/2026', birthDateInWords: 'Ngày một, tháng ba, năm hai nghìn không trăm hai mươi sáu', sex: 'Nam',
  ethnicity: 'Kinh', nationality: 'Việt Nam', birthPlace: 'Bệnh viện Trung ương Huế', hometown: 'Phường Phú Xuân, thành phố Huế',
  personalIdentityNumber: '046226001234', motherName: 'Nguyễn Thị Hường', motherBirthYear: '1990', motherResidence: '12 Lê Lợi, phường Phú Xuân, Huế',
  fatherName: 'Trần Văn Đức', fatherBirthYear: '1988', fatherResidence: '12 Lê Lợi, phường Phú Xuân, Huế', registrationPlace: 'Ủy ban nhân dân phường Phú Xuân',
  registrationDate: '09/03/2026', registerBook: 'Số 12, Quyển số 01/2026' } })]);
definitions.push(['result-letter', resultDocumentDefinition({ ...resultBase, template: 'result_letter', resultText: 'Cấp Giấy khai sinh bản chính và 02 bản sao Trích lục khai sinh.', fields: {} })]);

for (const [name, definition] of definitions) {
  const pdf = path.join(work, `${name}.pdf`);
  writeFileSync(pdf, await renderPdf(definition));
  execFileSync('pdftoppm', ['-r', '72', '-gray', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, path.join(out, name)]);
  console.log(`docs/forms/${name}.png`);
}
rmSync(work, { recursive: true, force: true });
