import { describe, expect, it } from 'vitest';
import { apiErrorFromProblem } from '../../api';
import { fieldErrorOf, issueKey } from './save-error';

const problem = (extra: object) => ({ type: 'urn:x', title: 'Nội dung thủ tục chưa hợp lệ', status: 422, code: 'PROCEDURE_CONTENT_INVALID', requestId: 'r', ...extra });

describe('server problems at the draft editor’s fields', () => {
  it('spells request-validation fields and content-issue paths alike', () => {
    expect(issueKey('general.receivingDesks[1]')).toBe('receivingDesks.1');
    expect(issueKey('case.fees.0.exemptions.0')).toBe('fees.0.exemptions.0');
    expect(issueKey('cases[mac-dinh].documents[0].formTemplates[2].url')).toBe('documents.0.formTemplates.2.url');
  });

  it('finds the message for a field or anything under it', () => {
    const validation = apiErrorFromProblem(400, problem({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'body.general.source.url', message: 'địa chỉ http(s)://' }] }));
    expect(fieldErrorOf(validation, 'source.url')).toBe('địa chỉ http(s)://');
    expect(fieldErrorOf(validation, 'source')).toBe('địa chỉ http(s)://');
    expect(fieldErrorOf(validation, 'competentAgency')).toBeNull();
    const content = apiErrorFromProblem(
      422,
      problem({ details: { issues: [{ path: 'general.competentAgency', code: 'INVALID', message: 'outside the agencies you administer' }] } }),
    );
    expect(fieldErrorOf(content, 'competentAgency')).toBe('outside the agencies you administer');
    expect(fieldErrorOf(content, 'receivingDesks.0')).toBeNull();
    expect(fieldErrorOf(new Error('network'), 'competentAgency')).toBeNull();
  });
});
