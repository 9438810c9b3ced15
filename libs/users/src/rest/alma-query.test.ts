import { describe, expect, it } from 'vitest';
import { conditionsOf, orderOf, parseAlmaQuery } from './alma-query.js';

describe("the reference's q", () => {
  it('reads field~value conditions joined with AND', () => {
    expect(
      parseAlmaQuery('primary_id~abc AND last_name~"van Dyke" AND all~x'),
    ).toEqual([
      { field: 'primary_id', value: 'abc' },
      { field: 'last_name', value: 'van Dyke' },
      { field: 'ALL', value: 'x' },
    ]);
    expect(parseAlmaQuery(undefined)).toEqual([]);
    expect(() => parseAlmaQuery('shoe_size~44')).toThrow(/not field~value/);
  });

  it("maps each field onto one of the users search's conditions, and order_by onto its order", () => {
    expect(
      conditionsOf(
        parseAlmaQuery(
          'email~a@b AND job_category~X AND first_name~Anna AND identifiers~B1',
        ),
      ),
    ).toEqual([
      { field: 'email', value: 'a@b' },
      { field: 'jobCategory', value: 'X' },
      { field: 'firstName', value: 'Anna' },
      { field: 'identifier', value: 'B1' },
    ]);
    expect([
      orderOf(undefined),
      orderOf('last_name'),
      orderOf('first_name'),
      orderOf('primary_id'),
    ]).toEqual(['name', 'name', 'givenName', 'primaryId']);
  });
});
