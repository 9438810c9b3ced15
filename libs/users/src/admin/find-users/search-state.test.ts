import { describe, expect, it } from 'vitest';
import { defaultSearch, findUsersSearch, paramsOfSearch, searchFromParams } from './search-state.js';

describe('Find and Manage Users search params', () => {
  it('reads the address as the router hands it (plain strings) into a typed search', () => {
    const params = findUsersSearch.parse({
      q: 'smith',
      sort: 'expiryDate',
      dir: 'desc',
      page: '2',
      size: '50',
      tab: 'STAFF',
    });
    expect(searchFromParams(params)).toEqual({
      ...defaultSearch,
      query: 'smith',
      tab: 'STAFF',
      sortBy: 'expiryDate',
      sortDirection: 'desc',
      page: 2,
      pageSize: 50,
    });
  });

  it('falls back to the defaults for unknown values, and only sorts by what the server sorts by', () => {
    const params = findUsersSearch.parse({ sort: 'accountType', dir: 'sideways', page: '-1', size: '7', tab: 'X' });
    expect(searchFromParams(params)).toEqual(defaultSearch);
  });

  it('takes the preferred page size when the address names none', () => {
    expect(searchFromParams(findUsersSearch.parse({}), 100).pageSize).toBe(100);
    expect(searchFromParams(findUsersSearch.parse({ size: '10' }), 100).pageSize).toBe(10);
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    const state = {
      ...defaultSearch,
      query: 'ada',
      sortBy: 'primaryId' as const,
      sortDirection: 'desc' as const,
      page: 3,
      pageSize: 50,
    };
    const params = paramsOfSearch(state, 20);
    expect(params).toEqual({ q: 'ada', sort: 'primaryId', dir: 'desc', page: 3, size: 50 });
    expect(searchFromParams(findUsersSearch.parse(params), 20)).toEqual(state);
    expect(paramsOfSearch(defaultSearch)).toEqual({});
  });
});
