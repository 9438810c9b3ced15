import { describe, expect, it } from 'vitest';
import {
  defaultSearch,
  filtersOf,
  findUsersSearch,
  paramsOfSearch,
  searchFromParams,
  searchInputOf,
  withFilter,
} from './search-state.js';

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

  it("carries other modules' filters as f.<id> params, and leaves out empty or oversized ones", () => {
    const params = findUsersSearch.parse({
      q: 'ada',
      'f.courses.enrolledIn': ' HIST101 ',
      'f.other.blank': '  ',
      'f.other.long': 'x'.repeat(201),
      'f.': 'no id',
      unrelated: 'kept out',
    });
    expect(searchFromParams(params).filters).toEqual({ 'courses.enrolledIn': 'HIST101' });
  });

  it("writes other modules' filters as f.<id> params and reads back what it wrote", () => {
    const state = { ...defaultSearch, page: 2, filters: { 'courses.enrolledIn': 'HIST101' } };
    const params = paramsOfSearch(state);
    expect(params).toEqual({ page: 2, 'f.courses.enrolledIn': 'HIST101' });
    expect(searchFromParams(findUsersSearch.parse(params))).toEqual(state);
  });

  it("sends other modules' filters with the search and with the set its actions apply to", () => {
    const state = { ...defaultSearch, role: 'PATRON', filters: { 'courses.enrolledIn': 'HIST101' } };
    expect(searchInputOf(state).filters).toEqual({ 'courses.enrolledIn': 'HIST101' });
    expect(filtersOf(state)).toEqual({
      query: '',
      searchBy: 'all',
      tab: 'ALL',
      account: 'ALL',
      role: 'PATRON',
      status: 'ALL',
      filters: { 'courses.enrolledIn': 'HIST101' },
    });
  });

  it('sets one filter, trimmed, and removes it when emptied', () => {
    const one = withFilter({}, 'courses.enrolledIn', ' HIST101 ');
    expect(one).toEqual({ 'courses.enrolledIn': 'HIST101' });
    expect(withFilter({ ...one, 'other.x': 'y' }, 'courses.enrolledIn', '')).toEqual({ 'other.x': 'y' });
    expect(withFilter(one, 'courses.enrolledIn', '   ')).toEqual({});
  });
});
