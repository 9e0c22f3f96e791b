/**
 * Every reason the catalogue's content checks can give (the contract's list, kept equal to the core's by
 * apps/server/test/catalog-issue-reasons.test.ts) has a Vietnamese and an English message, said with its params;
 * the draft editor shows it at the field, in the page's language, and the server's message when the reason is unknown.
 */
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contentIssueReasons } from '@motcua/contracts/catalog-issues';
import { apiErrorFromProblem } from '../../api';
import { loadNamespaces, switchLanguage } from '../../i18n';
import vi from '../../i18n/vi/catalog.json';
import en from '../../i18n/en/catalog.json';
import { useIssueText } from './issue-text';
import { fieldErrorOf, saveErrorText } from './save-error';

const params = { value: 'mac-dinh', id: 'x1', code: '1.001193', channel: 'counter', role: 'janitor', workflow: 'Quy trình chuẩn', totalHours: 12, limitHours: 8, excessHours: 4, name: 'TTPVHCC', found: 2 };

describe('content problems in the officer’s language', () => {
  it('has a Vietnamese and an English message for every reason', () => {
    const messages = { vi: vi.issues as Record<string, string>, en: en.issues as Record<string, string> };
    for (const reason of contentIssueReasons) {
      for (const language of ['vi', 'en'] as const) expect(messages[language][reason]?.trim(), `${language}: ${reason}`).toBeTruthy();
    }
    expect(Object.keys(messages.vi).sort()).toEqual([...contentIssueReasons].sort());
    expect(Object.keys(messages.en).sort()).toEqual([...contentIssueReasons].sort());
  });

  it('says each reason with its params, in Vietnamese and in English', async () => {
    await loadNamespaces('catalog');
    const { result } = renderHook(() => useIssueText());
    for (const reason of contentIssueReasons) {
      const text = result.current({ path: 'name', reason, message: 'english', params });
      expect(text, reason).not.toMatch(/{{|issues\./);
      expect(text).not.toBe('english');
    }
    expect(result.current({ path: 'levels', reason: 'duplicate', message: 'Level "commune" appears more than once', params: { value: 'commune' } })).toBe(
      '“commune” xuất hiện nhiều lần.',
    );
    expect(result.current({ path: 'x', reason: 'fromANewerServer', message: 'as the server said' })).toBe('as the server said');
    await switchLanguage('en');
    const { result: english } = renderHook(() => useIssueText());
    expect(english.current({ path: 'x', reason: 'condition', message: '…' })).toBe('A conditional document needs its condition.');
  });

  it('shows the Vietnamese message at the field and in the summary', async () => {
    await loadNamespaces('catalog');
    const { result } = renderHook(() => useIssueText());
    const failed = apiErrorFromProblem(422, {
      type: 'urn:x',
      title: 'Nội dung thủ tục chưa hợp lệ',
      status: 422,
      code: 'PROCEDURE_CONTENT_INVALID',
      requestId: 'r',
      details: { issues: [{ path: 'cases[mac-dinh].documents[0].condition', code: 'INVALID', reason: 'condition', message: 'a conditional document needs its condition' }] },
    });
    expect(fieldErrorOf(failed, 'documents.0.condition', result.current)).toBe('Giấy tờ có điều kiện phải ghi rõ điều kiện.');
    expect(saveErrorText(failed, 'Nội dung thủ tục chưa hợp lệ', result.current)).toContain('Giấy tờ có điều kiện phải ghi rõ điều kiện.');
  });
});
