import { describe, expect, it } from 'vitest';
import { describeSearch, isNarrowed } from './search-description.js';
import { defaultSearch } from './search-state.js';

describe('the words for a search that found nobody', () => {
  it('names the text, the tab and how many filters narrowed it', () => {
    expect(describeSearch({ ...defaultSearch, query: 'smith' })).toBe('“smith”');
    expect(describeSearch({ ...defaultSearch, query: 'smith', tab: 'STAFF', status: 'INACTIVE_OR_EXPIRED' })).toBe(
      '“smith” among Staff users with the chosen filter',
    );
    expect(describeSearch({ ...defaultSearch, account: 'EXTERNAL', role: 'PATRON' })).toBe('the search with 2 filters');
    expect(describeSearch({ ...defaultSearch, role: 'PATRON', filters: { 'courses.enrolledIn': 'HIST101' } })).toBe(
      'the search with 2 filters',
    );
  });

  it('says "No users yet." only when nothing narrows the list', () => {
    expect(isNarrowed(defaultSearch)).toBe(false);
    expect(isNarrowed({ ...defaultSearch, sortBy: 'primaryId', page: 3 })).toBe(false);
    expect(isNarrowed({ ...defaultSearch, tab: 'CONTACT' })).toBe(true);
    expect(isNarrowed({ ...defaultSearch, filters: { 'courses.enrolledIn': 'HIST101' } })).toBe(true);
  });
});
