import { describe, expect, it } from 'vitest';
import { attachmentMediaTypes, checkAttachment, detectMediaType, mayAttach, safeFileName } from './attachments';
import { citizen, dossierAt, leader, receptionist, specialist } from './dossier.test-builders';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('attachments', () => {
  it('judges the type by content, not by name', () => {
    expect(detectMediaType(bytes('%PDF-1.7\n...'))).toBe(attachmentMediaTypes.pdf);
    expect(detectMediaType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe(attachmentMediaTypes.jpeg);
    expect(detectMediaType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))).toBe(attachmentMediaTypes.png);
    expect(detectMediaType(bytes('PK', [3, 4], '....[Content_Types].xml....word/document.xml'))).toBe(attachmentMediaTypes.docx);
    expect(detectMediaType(bytes('PK', [3, 4], '....[Content_Types].xml....xl/workbook.xml'))).toBe(attachmentMediaTypes.xlsx);
    expect(detectMediaType(bytes('PK', [3, 4], 'a plain zip'))).toBeNull();
    expect(detectMediaType(bytes('MZ executable renamed to .pdf'))).toBeNull();
    expect(detectMediaType(bytes('<html>'))).toBeNull();
  });

  it('limits each file and the dossier total', () => {
    const limits = { maxFileBytes: 20, maxDossierBytes: 50 };
    expect(checkAttachment({ sizeBytes: 10, mediaType: null }, limits, 0)?.code).toBe('DOSSIER_ATTACHMENT_TYPE');
    expect(checkAttachment({ sizeBytes: 21, mediaType: attachmentMediaTypes.pdf }, limits, 0)?.code).toBe('DOSSIER_ATTACHMENT_TOO_LARGE');
    expect(checkAttachment({ sizeBytes: 20, mediaType: attachmentMediaTypes.pdf }, limits, 31)?.code).toBe('DOSSIER_ATTACHMENTS_TOO_LARGE');
    expect(checkAttachment({ sizeBytes: 20, mediaType: attachmentMediaTypes.pdf }, limits, 30)).toBeNull();
  });

  it('lets the owner, the desk and the agency attach documents, and only the agency a result while processing', () => {
    const processing = dossierAt('processing');
    expect(mayAttach(citizen('citizen-1'), processing, 'document')).toBeNull();
    expect(mayAttach(citizen('citizen-2'), processing, 'document')?.code).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(mayAttach(receptionist, processing, 'supplement')).toBeNull();
    expect(mayAttach(receptionist, processing, 'result')?.code).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
    expect(mayAttach(leader, processing, 'result')).toBeNull();
    expect(mayAttach(specialist, processing, 'result')).toBeNull();
    expect(mayAttach(leader, dossierAt('returned'), 'result')?.code).toBe('DOSSIER_INVALID_STATE');
  });

  it('tells the agency a result waits for processing (a state), not that its role is wrong', () => {
    // the dossier left processing while the officer's page was open (a supplement request, say)
    expect(mayAttach(leader, dossierAt('supplement_requested'), 'result')).toMatchObject({ code: 'DOSSIER_INVALID_STATE', details: { state: 'supplement_requested' } });
    expect(mayAttach(leader, dossierAt('result_ready'), 'result')?.code).toBe('DOSSIER_INVALID_STATE');
    expect(mayAttach(receptionist, dossierAt('supplement_requested'), 'result')?.code).toBe('DOSSIER_ACTOR_NOT_ALLOWED');
  });

  it('keeps only a display name', () => {
    expect(safeFileName('C:\\Users\\an\\giấy khai sinh.pdf')).toBe('giấy khai sinh.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('\u0000')).toBe('tep');
  });
});
