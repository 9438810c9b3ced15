import { describe, expect, it } from 'vitest';
import type { HistoryEntryDto } from '../contracts/user-parts.schema.js';
import { type HistoryWords, readableHistoryEntry } from './user-history.js';

const at = new Date('2026-12-01T10:00:00Z');
const entry = (over: Partial<HistoryEntryDto>): HistoryEntryDto => ({
  id: 'e1',
  field: 'firstName',
  fieldLabel: 'First name',
  oldValue: null,
  newValue: null,
  actorKind: 'staff',
  actor: 'Jane Smith',
  at,
  ...over,
});

const descriptions: Record<string, string> = {
  'USER_GROUP UG': 'Undergraduate',
  'IDENTIFIER_TYPE BARCODE': 'Barcode',
  'IDENTIFIER_TYPE UNIV_ID': 'University ID',
};
const words: HistoryWords = {
  description: (table, code) => descriptions[`${table} ${code}`],
  jobs: [
    {
      type: 'users.bulkEdit',
      title: 'Bulk edit users',
      createdBy: 'Old Olav',
      startedAt: new Date('2026-11-01T10:00:00Z'),
      finishedAt: new Date('2026-11-01T10:05:00Z'),
    },
    {
      type: 'users.bulkEdit',
      title: 'Bulk edit users',
      createdBy: 'Jane Smith',
      startedAt: new Date('2026-12-01T09:59:00Z'),
      finishedAt: new Date('2026-12-01T10:01:00Z'),
    },
  ],
};

describe('readableHistoryEntry', () => {
  it('names the job and who started it instead of the job type', () => {
    expect(readableHistoryEntry(entry({ actorKind: 'job', actor: 'job:users.bulkEdit' }), words).actor).toBe(
      'Bulk edit by Jane Smith',
    );
  });

  it('names the job alone when the job that wrote the entry is gone', () => {
    const old = entry({ actorKind: 'job', actor: 'job:users.purge', at: new Date('2020-01-01') });
    expect(readableHistoryEntry(old, words).actor).toBe('Purge');
  });

  it('keeps staff names as they are', () => {
    expect(readableHistoryEntry(entry({}), words).actor).toBe('Jane Smith');
  });

  it('shows code-table descriptions instead of codes, and the code when it has none', () => {
    const group = readableHistoryEntry(entry({ field: 'userGroup', oldValue: 'UG', newValue: 'GONE' }), words);
    expect([group.oldValue, group.newValue]).toEqual(['Undergraduate', 'GONE']);
  });

  it('describes identifier types, contact types, record types and roles', () => {
    const read = (field: string, value: string) =>
      readableHistoryEntry(entry({ field, newValue: value }), words).newValue;
    expect(read('identifiers', 'BARCODE 12345; UNIV_ID 99 (external)')).toBe(
      'Barcode 12345; University ID 99 (external)',
    );
    expect(read('phones', '+47 1234 (home/mobile, preferred)')).toBe('+47 1234 (Home/Mobile, preferred)');
    expect(read('addresses', 'Main St 1, Oslo (work)')).toBe('Main St 1, Oslo (Work)');
    expect(read('recordType', 'PUBLIC')).toBe('Public');
    expect(read('preferredLanguage', 'nb')).toBe('Norwegian Bokmål');
    expect(read('roles', 'USER_MANAGER @ MAIN; PATRON (inactive)')).toBe('User Manager @ MAIN; Patron (inactive)');
  });

  it('leaves free text and empty values alone', () => {
    const note = readableHistoryEntry(
      entry({ field: 'notes', oldValue: null, newValue: 'BARCODE lost (home)' }),
      words,
    );
    expect([note.oldValue, note.newValue]).toEqual([null, 'BARCODE lost (home)']);
  });
});
