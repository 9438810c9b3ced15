import { describe, expect, it } from 'vitest';
import { fullNameOf, nameSearchOf, normalizeName } from './names.js';
import { todayIn } from './dates.js';

describe('names', () => {
  it('normalises accents and Nordic letters', () => {
    expect(normalizeName('Ødegård-Müller')).toBe('odegard-muller');
    expect(normalizeName('Ærlige José')).toBe('aerlige jose');
  });

  it('indexes preferred names beside the legal ones and shows the preferred', () => {
    const names = { firstName: 'Robert', lastName: 'Smith', prefFirstName: 'Bob' };
    expect(nameSearchOf(names)).toBe('robert smith bob');
    expect(fullNameOf(names)).toBe('Smith, Bob');
  });

  it('takes today in the institution time zone', () => {
    const lateEvening = new Date('2026-11-28T23:30:00Z');
    expect(todayIn('UTC', lateEvening)).toBe('2026-11-28');
    expect(todayIn('Asia/Tokyo', lateEvening)).toBe('2026-11-29');
  });
});
