import { describe, expect, it } from 'vitest';
import { parsePlainSearch, stringifyPlainSearch } from './search-serialization.js';

describe('plain search serialization', () => {
  it('keeps numbers-looking values as text when reading an address', () => {
    expect(parsePlainSearch('?q=12345&page=2&tab=notes')).toEqual({ q: '12345', page: '2', tab: 'notes' });
  });

  it('writes values without JSON quoting', () => {
    expect(stringifyPlainSearch({ q: '12345', page: 2, tab: 'notes' })).toBe('?q=12345&page=2&tab=notes');
    expect(stringifyPlainSearch({ next: '/users/1?tab=notes' })).toBe('?next=%2Fusers%2F1%3Ftab%3Dnotes');
  });

  it('leaves out empty searches', () => {
    expect(stringifyPlainSearch({})).toBe('');
  });
});
