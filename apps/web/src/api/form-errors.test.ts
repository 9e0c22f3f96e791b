import { describe, expect, it } from 'vitest';
import { apiErrorFromProblem } from './errors';
import { formErrorsFrom } from './form-errors';

const text = (e: unknown) => (e as { title: string }).title;
const base = { type: 'about:blank', status: 409, requestId: 'r1' };

describe('formErrorsFrom', () => {
  it('puts a domain problem naming its field (details.field) under that field, linked from the summary', () => {
    const error = apiErrorFromProblem(409, { ...base, code: 'AGENCY_CODE_TAKEN', title: 'Mã định danh cơ quan đã được sử dụng', details: { field: 'code' } });
    const errors = formErrorsFrom(error, { code: 'agency-code', name: 'agency-name' }, text);
    expect(errors.fields).toEqual({ code: 'Mã định danh cơ quan đã được sử dụng' });
    expect(errors.summary).toEqual([{ fieldId: 'agency-code', message: 'Mã định danh cơ quan đã được sử dụng' }]);
  });

  it('keeps validation errors by request field, and ignores a details.field the form does not have', () => {
    const invalid = apiErrorFromProblem(400, { ...base, status: 400, code: 'VALIDATION_FAILED', title: 'Dữ liệu không hợp lệ', errors: [{ field: 'body.name', message: 'Bắt buộc' }], details: { field: 'code' } });
    expect(formErrorsFrom(invalid, { code: 'c', name: 'n' }, text).fields).toEqual({ name: 'Bắt buộc' });
    const elsewhere = apiErrorFromProblem(404, { ...base, status: 404, code: 'AGENCY_NOT_FOUND', title: 'Không tìm thấy', details: { field: 'code' } });
    expect(formErrorsFrom(elsewhere, { successors: 's' }, text)).toEqual({ fields: {}, summary: [{ message: 'Không tìm thấy' }] });
  });
});
