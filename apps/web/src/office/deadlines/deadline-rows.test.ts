import { describe, expect, it } from 'vitest';
import { pageQuery } from '../inbox/inbox-rows';
import { fromVietnamInput, toVietnamInput } from '../leader/office-time';
import { deadlinesPageSize, kindTone } from './deadline-rows';

describe('deadline rows', () => {
  it('tells a passed due time from a near one and a drafted apology', () => {
    expect(kindTone('overdue')).toBe('danger');
    expect(kindTone('step_overdue')).toBe('danger');
    expect(kindTone('consultation_overdue')).toBe('danger');
    expect(kindTone('due_soon')).toBe('warning');
    expect(kindTone('step_due_soon')).toBe('warning');
    expect(kindTone('reception_check_due')).toBe('warning');
    expect(kindTone('apology_drafted')).toBe('info');
  });

  it('asks the server for one page at a time', () => {
    expect(pageQuery(1, deadlinesPageSize)).toBe('limit=50&offset=0');
    expect(pageQuery(3, deadlinesPageSize)).toBe('limit=50&offset=100');
    expect(pageQuery(0, 20)).toBe('limit=20&offset=0');
  });

  it('reads datetime-local values as Vietnam time whatever the browser’s zone', () => {
    expect(fromVietnamInput('2026-03-05T09:00')).toBe('2026-03-05T02:00:00.000Z');
    expect(toVietnamInput('2026-03-05T17:30:00.000Z')).toBe('2026-03-06T00:30');
    expect(fromVietnamInput('2026-03-05')).toBeNull();
  });
});
