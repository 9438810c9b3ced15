import { parseAlmaQueryOf, ValidationError } from '@ulms/platform';
import type { FindUsersInput, UserConditionField } from '../contracts/user.schema.js';

/** The fields the reference's `q` parameter searches. */
export const almaQueryFields = [
  'primary_id',
  'first_name',
  'last_name',
  'middle_name',
  'email',
  'phone_number',
  'job_category',
  'identifiers',
  'birth_date',
  'general_info',
  'ALL',
] as const;
type AlmaQueryField = (typeof almaQueryFields)[number];

/** What each `q` field finds, for the route's summary, the OpenAPI document and the README. */
export const almaQueryHelp =
  'q: field~value conditions joined with upper-case AND (no OR, NOT or lower-case and); `_` in a value stands for a space (last_name~Van_Dyke). ' +
  'first_name, middle_name, last_name: whole words of that name, in order, accents and case ignored (last_name looks at the surname shown, preferred where given). ' +
  'primary_id, identifiers, email: the whole value, any case. phone_number: the same digits. birth_date: a date, 1979-01-11 or 1979-01-11Z. job_category: the code. ' +
  'general_info: the general information of the record: any name or preferred name (any part of it, as the admin search box), the primary or any other identifier, an email address, the job category or user group code, or a word of the job description. ' +
  'ALL: general_info and phone numbers.';

/** The orders GET /users offers. */
export const almaOrderBy = ['last_name', 'first_name', 'primary_id'] as const;
export type AlmaOrderBy = (typeof almaOrderBy)[number];

/** One `field~value` condition of `q`. */
export interface AlmaQueryClause {
  readonly field: AlmaQueryField;
  readonly value: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})Z?$/;

/** `1979-01-11` or `1979-01-11Z` (the reference's date format) as `1979-01-11`, or null when it is no date. */
export function almaDateOf(value: string): string | null {
  const match = DATE.exec(value);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? value.slice(0, 10)
    : null;
}

/** A birth_date's value in the reference's format, checked. */
function valueOf(field: AlmaQueryField, value: string): string {
  if (field !== 'birth_date') return value;
  const date = almaDateOf(value);
  if (!date)
    throw ValidationError.of('q', `birth_date~${value}: "${value}" is not a date such as 1979-01-11 or 1979-01-11Z`);
  return date;
}

/**
 * Reads `q` (`field~value` conditions joined with upper-case ` AND `); an empty `q` finds everyone. Any other
 * operator (OR, NOT, a lower-case and) is refused rather than read as part of a value and matching nothing.
 */
export function parseAlmaQuery(q: string | undefined): AlmaQueryClause[] {
  return parseAlmaQueryOf(q, almaQueryFields, valueOf);
}

const conditionFieldOf: Record<AlmaQueryField, UserConditionField> = {
  primary_id: 'primaryId',
  first_name: 'firstName',
  last_name: 'lastName',
  middle_name: 'middleName',
  email: 'email',
  phone_number: 'phone',
  job_category: 'jobCategory',
  identifiers: 'identifier',
  birth_date: 'birthDate',
  general_info: 'generalInfo',
  ALL: 'all',
};

/** The clauses as the users search's field conditions (`_` stands for a space: the search reads it so). */
export function conditionsOf(clauses: readonly AlmaQueryClause[]): FindUsersInput['conditions'] {
  return clauses.map((c) => ({
    field: conditionFieldOf[c.field],
    value: c.value,
  }));
}

/** The search's order for an `order_by` (last name first is the reference's default). */
export function orderOf(orderBy: AlmaOrderBy | undefined): NonNullable<FindUsersInput['orderBy']> {
  if (orderBy === 'primary_id') return 'primaryId';
  if (orderBy === 'first_name') return 'givenName';
  return 'name';
}
