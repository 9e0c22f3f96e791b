import { describe, expect, it } from 'vitest';
import { onlineSlots } from './document-slots';

describe('online upload slots', () => {
  // Khai tử (1.000656) as seeded: the paper declaration for counter/post, the e-form online, then the papers.
  const documents = [
    { code: null, name: 'Tờ khai đăng ký khai tử', requirement: 'mandatory', channels: ['counter', 'postal'] },
    { code: null, name: 'Mẫu hộ tịch điện tử tương tác', requirement: 'mandatory', channels: ['online'] },
    { code: null, name: 'Giấy báo tử hoặc giấy tờ thay thế', requirement: 'mandatory', channels: null },
    { code: null, name: 'Giấy tờ xuất trình', requirement: 'mandatory', isPresentOnly: true },
    { code: 'GT-UQ', name: 'Văn bản ủy quyền', requirement: 'conditional', condition: 'Trường hợp ủy quyền' },
  ] as const;

  it('keeps the code the dossier engine numbers over all the documents, not over the ones asked online', () => {
    expect(onlineSlots('1.000656', documents)).toEqual([
      { code: 'tp-2', name: 'Mẫu hộ tịch điện tử tương tác', requirement: 'mandatory', condition: null },
      { code: 'tp-3', name: 'Giấy báo tử hoặc giấy tờ thay thế', requirement: 'mandatory', condition: null },
      { code: 'GT-UQ', name: 'Văn bản ủy quyền', requirement: 'conditional', condition: 'Trường hợp ủy quyền' },
    ]);
  });

  it('leaves out the declaration the wizard fills for a procedure with its own form, keeping the others’ codes', () => {
    const birth = [
      { code: null, name: 'Tờ khai đăng ký khai sinh theo mẫu', requirement: 'mandatory' },
      { code: null, name: 'Giấy chứng sinh', requirement: 'mandatory' },
    ] as const;
    const slots = onlineSlots('1.001193', birth);
    expect(slots.map((s) => s.code)).toEqual(['tp-2']);
  });
});
