import { describe, expect, it } from 'vitest';
import { parseAlmaQuery, rowFilterOfClause, searchOfClause } from './alma-query.js';

describe("the reference's q", () => {
  it('reads field~value conditions joined with AND', () => {
    expect(parseAlmaQuery('primary_id~abc AND last_name~"van Dyke" AND all~x')).toEqual([
      { field: 'primary_id', value: 'abc' },
      { field: 'last_name', value: 'van Dyke' },
      { field: 'ALL', value: 'x' },
    ]);
    expect(parseAlmaQuery(undefined)).toEqual([]);
    expect(() => parseAlmaQuery('shoe_size~44')).toThrow(/not field~value/);
  });

  it('maps each field onto a search, a row filter, or both', () => {
    expect(searchOfClause({ field: 'email', value: 'a@b' })).toEqual({ query: 'a@b', searchBy: 'email' });
    expect(searchOfClause({ field: 'job_category', value: 'X' })).toBeUndefined();
    const row = { fullName: 'Dyke, Anna Maria', jobCategory: 'Cataloger' } as Parameters<NonNullable<ReturnType<typeof rowFilterOfClause>>>[0];
    expect(rowFilterOfClause({ field: 'first_name', value: 'maria' })?.(row)).toBe(true);
    expect(rowFilterOfClause({ field: 'last_name', value: 'anna' })?.(row)).toBe(false);
    expect(rowFilterOfClause({ field: 'job_category', value: 'cataloger' })?.(row)).toBe(true);
  });
});
