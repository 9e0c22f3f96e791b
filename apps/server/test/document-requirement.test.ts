/**
 * Which reference-catalogue documents apply only in a case (seed/document-requirement.ts), over the real names of
 * the Huế records (seed/data/procedures-hue.json, the same records as the shared research file): a document whose name says its case is seeded conditional, with the case said once, so that the
 * desk is not told a mandatory document is missing when the case does not apply; the documents every dossier needs
 * (the declaration of the channel, the identity paper, a document with its substitute) stay mandatory.
 */
import { describe, expect, it } from 'vitest';
import { caseInName, channelsOfDocument, requirementOfDocument } from '../src/seed/document-requirement';
import { referenceRecords } from '../src/seed/catalog-reference';

const names = referenceRecords.flatMap((r) => r.requiredDocuments.map((d) => ({ code: r.nationalCode, name: d.name })));
const read = (code: string) => referenceRecords.find((r) => r.nationalCode === code)!.requiredDocuments.map((d) => requirementOfDocument(d.name));

describe('conditional documents of the reference catalogue', () => {
  it('marks 156 of the 416 documents conditional: the 36 that open with "Trường hợp" and 120 more that were seeded mandatory', () => {
    const conditional = names.filter((n) => requirementOfDocument(n.name).requirement === 'conditional');
    const before = names.filter((n) => /^Trường hợp\b/.test(n.name));
    expect(names).toHaveLength(416);
    expect(before).toHaveLength(36);
    expect(conditional).toHaveLength(156);
    for (const n of before) expect(requirementOfDocument(n.name).requirement).toBe('conditional');
  });

  it('birth registration (1.001193): the authorisation and the residence papers are conditional; the declaration, the birth certificate and the identity paper stay mandatory', () => {
    const documents = read('1.001193');
    const authorisation = documents.find((d) => d.name.startsWith('Văn bản ủy quyền'))!;
    expect(authorisation).toMatchObject({ requirement: 'conditional', condition: 'Trường hợp ủy quyền thực hiện việc đăng ký khai sinh' });
    expect(authorisation.name).toMatch(/^Văn bản ủy quyền \(được chứng thực\) theo quy định của pháp luật\. Trường hợp người được ủy quyền là ông, bà/);
    expect(documents.find((d) => d.name.startsWith('Giấy tờ có giá trị chứng minh thông tin về cư trú'))).toMatchObject({
      requirement: 'conditional',
      condition: expect.stringMatching(/^Trường hợp cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú/),
    });
    const mandatory = documents.filter((d) => d.requirement === 'mandatory').map((d) => d.name.slice(0, 30));
    expect(mandatory).toEqual(['Giấy chứng sinh; trường hợp kh', 'Hộ chiếu/Thẻ căn cước công dân', 'Tờ khai đăng ký khai sinh theo', 'Mẫu hộ tịch điện tử tương tác ']);
  });

  it('reads "(nếu có)", "Đối với …:" and "… đối với trường hợp …" as cases, the case said once', () => {
    expect(requirementOfDocument('Mảnh trích đo bản đồ địa chính thửa đất (nếu có).')).toEqual({
      requirement: 'conditional',
      condition: 'Nếu có',
      name: 'Mảnh trích đo bản đồ địa chính thửa đất.',
    });
    expect(requirementOfDocument('(1.4) Đối với công trình tín ngưỡng: - Ý kiến của cơ quan chuyên môn về tín ngưỡng.')).toEqual({
      requirement: 'conditional',
      condition: 'Đối với công trình tín ngưỡng',
      name: 'Ý kiến của cơ quan chuyên môn về tín ngưỡng.',
    });
    expect(requirementOfDocument('Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự đối với trường hợp đăng ký giám hộ cử.')).toEqual({
      requirement: 'conditional',
      condition: 'Trường hợp đăng ký giám hộ cử',
      name: 'Văn bản cử người giám hộ theo quy định của Bộ luật Dân sự.',
    });
    // no recognisable split: the whole name, and a condition that does not cut it at a comma
    const unsplit = 'Đối với trường hợp thay đổi số hiệu hoặc địa chỉ của thửa đất Bản gốc Giấy chứng nhận đã cấp.';
    expect(requirementOfDocument(unsplit)).toEqual({ requirement: 'conditional', condition: caseInName, name: unsplit });
    for (const d of names.map((n) => requirementOfDocument(n.name)).filter((d) => d.requirement === 'conditional')) {
      expect(d.name.trim().length).toBeGreaterThan(0);
      expect(d.condition && d.name.startsWith(d.condition)).toBe(false);
    }
  });

  it('keeps mandatory what every dossier of the case needs', () => {
    const keep = [
      // a document with its substitute, or an exemption that follows it
      'Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh.',
      'Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp. Trường hợp người yêu cầu đã nộp bản điện tử Giấy báo tử thì không phải nộp bản giấy.',
      // a case inside a list
      'Hồ sơ thiết kế xây dựng: 02 bộ bản vẽ; báo cáo kết quả thẩm tra thiết kế xây dựng trong trường hợp pháp luật về xây dựng có yêu cầu',
      'Quyết định phê duyệt dự án; văn bản thông báo kết quả thẩm định (nếu có); báo cáo kết quả thẩm tra (nếu có)',
      // the declaration of the channel the applicant chose
      'Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);',
      // a legal term, not a case
      '5. Giấy tờ chứng minh người từ đủ 16 tuổi đến dưới 18 tuổi là người bị tố giác, người bị giữ trong trường hợp khẩn cấp',
    ];
    for (const name of keep) expect(requirementOfDocument(name), name).toEqual({ requirement: 'mandatory', condition: null, name });
    for (const code of ['1.001193', '1.000656', '1.004873']) {
      const declarations = read(code).filter((d) => /^(Tờ khai|Mẫu (hộ tịch )?điện tử tương tác)/.test(d.name));
      expect(declarations.length, code).toBe(2);
      for (const d of declarations) expect(d.requirement, d.name).toBe('mandatory');
    }
  });

  it('reads the channel of a channel\'s own form: 14 paper declarations for counter and postal, 14 e-forms online, in 14 procedures', () => {
    const paper = names.filter((n) => channelsOfDocument(n.name)?.join() === 'counter,postal');
    const online = names.filter((n) => channelsOfDocument(n.name)?.join() === 'online');
    expect(paper).toHaveLength(14);
    expect(online).toHaveLength(14);
    expect(names.filter((n) => channelsOfDocument(n.name) !== null)).toHaveLength(28);
    expect(new Set([...paper, ...online].map((n) => n.code)).size).toBe(14);
    // every procedure with a paper declaration has its e-form, and the other way round
    expect([...new Set(paper.map((n) => n.code))].sort()).toEqual([...new Set(online.map((n) => n.code))].sort());
    for (const n of paper) expect(n.name).toMatch(/^Tờ khai|^Văn bản|^Tờ khai đề nghị/);
    for (const n of online) expect(n.name).toMatch(/^Mẫu (hộ tịch )?điện tử tương tác/);
    // the 24 that the seed kept mandatory for their channel phrase ("lựa chọn nộp hồ sơ theo hình thức") all get a channel
    const choice = names.filter((n) => /lựa chọn nộp hồ sơ theo hình thức/.test(n.name));
    expect(choice).toHaveLength(24);
    for (const n of choice) expect(channelsOfDocument(n.name)).not.toBeNull();
    // an electronic identity paper or the post in a case of authorisation is no channel choice
    expect(channelsOfDocument('Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước')).toBeNull();
    expect(channelsOfDocument('(iii) Trường hợp ủy quyền cho đơn vị cung cấp dịch vụ bưu chính công ích thực hiện thủ tục')).toBeNull();
    expect(channelsOfDocument('Tờ khai đăng ký khai tử theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp);')).toEqual(['counter', 'postal']);
    expect(channelsOfDocument('Mẫu hộ tịch điện tử tương tác đăng ký lại kết hôn')).toEqual(['online']);
  });
});
