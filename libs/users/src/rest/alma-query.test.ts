import { describe, expect, it } from 'vitest';
import { almaDateOf, conditionsOf, orderOf, parseAlmaQuery } from './alma-query.js';

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

  it("maps each field onto one of the users search's conditions, and order_by onto its order", () => {
    expect(conditionsOf(parseAlmaQuery('email~a@b AND job_category~X AND first_name~Anna AND identifiers~B1'))).toEqual(
      [
        { field: 'email', value: 'a@b' },
        { field: 'jobCategory', value: 'X' },
        { field: 'firstName', value: 'Anna' },
        { field: 'identifier', value: 'B1' },
      ],
    );
    expect([orderOf(undefined), orderOf('last_name'), orderOf('first_name'), orderOf('primary_id')]).toEqual([
      'name',
      'name',
      'givenName',
      'primaryId',
    ]);
  });

  it('reads every field the reference lists, and birth_date as a date with or without Z', () => {
    expect(
      conditionsOf(
        parseAlmaQuery(
          'middle_name~Ann AND phone_number~555_1234 AND birth_date~1979-01-11Z AND general_info~x AND last_name~Van_Dyke',
        ),
      ),
    ).toEqual([
      { field: 'middleName', value: 'Ann' },
      { field: 'phone', value: '555_1234' },
      { field: 'birthDate', value: '1979-01-11' },
      { field: 'generalInfo', value: 'x' },
      { field: 'lastName', value: 'Van_Dyke' },
    ]);
    expect([
      almaDateOf('1979-01-11'),
      almaDateOf('2024-02-29Z'),
      almaDateOf('2023-02-29'),
      almaDateOf('79-01-11'),
    ]).toEqual(['1979-01-11', '2024-02-29', null, null]);
    expect(() => parseAlmaQuery('birth_date~1979-13-01')).toThrow(/birth_date.*not a date/);
  });

  it('refuses operators other than upper-case AND, naming q and the operator', () => {
    for (const [q, operator] of [
      ['last_name~a OR last_name~b', 'OR'],
      ['last_name~a or last_name~b', 'or'],
      ['last_name~a and email~b', 'and'],
      ['NOT last_name~a', 'NOT'],
    ] as const) {
      expect(() => parseAlmaQuery(q)).toThrow(`q: "${q}": the operator ${operator} is not supported`);
    }
    expect(() => parseAlmaQuery('last_name~a AND')).toThrow(/AND must join/);
    expect(parseAlmaQuery('first_name~Or AND last_name~"Smith and Sons"')).toEqual([
      { field: 'first_name', value: 'Or' },
      { field: 'last_name', value: 'Smith and Sons' },
    ]);
  });
});
