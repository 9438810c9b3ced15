import type { OutboxEntryDto } from '@ulms/letters/contracts';
import { describe, expect, it } from 'vitest';
import { defaultSorting, sortedEntries } from './outbox-rows.js';

const entry = (id: string, createdAt: string, subject: string, attempts: number): OutboxEntryDto => ({
  id,
  letterTypeId: 'letters.generalMail',
  letterTypeName: 'General mail',
  userId: null,
  toAddress: `${id}@example.org`,
  fromAddress: 'library@example.org',
  subject,
  language: 'en',
  status: 'HELD',
  attempts,
  lastError: null,
  createdAt: new Date(createdAt),
  createdBy: 'Staff',
  sentAt: null,
  nextAttemptAt: null,
});

const a = entry('a', '2026-01-01T10:00:00Z', 'welcome', 10);
const b = entry('b', '2026-01-02T10:00:00Z', 'Your card', 2);
const c = entry('c', '2026-01-03T10:00:00Z', 'Welcome', 2);
const ids = (entries: readonly OutboxEntryDto[]) => entries.map((e) => e.id).join('');

describe('sortedEntries', () => {
  it('keeps the newest first by default', () => {
    expect(ids(sortedEntries([a, b, c], defaultSorting))).toBe('cba');
  });

  it('sorts text without regard to case, ties newest first', () => {
    expect(ids(sortedEntries([a, b, c], [{ id: 'subject', desc: false }]))).toBe('cab');
    expect(ids(sortedEntries([a, b, c], [{ id: 'subject', desc: true }]))).toBe('bca');
  });

  it('sorts numbers as numbers', () => {
    expect(ids(sortedEntries([a, b, c], [{ id: 'attempts', desc: false }]))).toBe('cba');
    expect(ids(sortedEntries([a, b, c], [{ id: 'attempts', desc: true }]))).toBe('acb');
  });
});
