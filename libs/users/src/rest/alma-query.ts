import { ValidationError } from '@ulms/platform';
import type { UserListRow } from '../contracts/user.dto.js';
import type { SearchUsersInput } from '../contracts/user.schema.js';
import { normalizeName } from '../server/names.js';

/** The fields the reference's `q` parameter searches. */
export const almaQueryFields = ['primary_id', 'first_name', 'last_name', 'email', 'identifiers', 'job_category', 'ALL'] as const;
type AlmaQueryField = (typeof almaQueryFields)[number];

/** The orders GET /users offers. */
export const almaOrderBy = ['last_name', 'first_name', 'primary_id'] as const;
export type AlmaOrderBy = (typeof almaOrderBy)[number];

/** One `field~value` condition of `q`. */
export interface AlmaQueryClause {
  readonly field: AlmaQueryField;
  readonly value: string;
}

/** Reads `q` (`field~value` conditions joined with AND); an empty `q` finds everyone. */
export function parseAlmaQuery(q: string | undefined): AlmaQueryClause[] {
  if (!q?.trim()) return [];
  return q
    .trim()
    .split(/\s+AND\s+/)
    .map((condition, index) => {
      const match = /^([A-Za-z_]+)~(.*)$/.exec(condition.trim());
      const field = almaQueryFields.find((f) => f.toLowerCase() === match?.[1]?.toLowerCase());
      if (!match || !field) {
        throw ValidationError.of(`q.${index}`, `"${condition}" is not field~value with field one of ${almaQueryFields.join(', ')}`);
      }
      return { field, value: (match[2] ?? '').replace(/^"(.*)"$/, '$1').trim() };
    });
}

/** A clause as a Find and Manage Users search; job_category has none (it filters rows). */
export function searchOfClause(clause: AlmaQueryClause): SearchUsersInput | undefined {
  switch (clause.field) {
    case 'primary_id':
      return { query: clause.value, searchBy: 'primaryId' };
    case 'identifiers':
      return { query: clause.value, searchBy: 'identifier' };
    case 'email':
      return { query: clause.value, searchBy: 'email' };
    case 'first_name':
    case 'last_name':
      return { query: clause.value, searchBy: 'name' };
    case 'ALL':
      return { query: clause.value, searchBy: 'all' };
    case 'job_category':
      return undefined;
  }
}

/** "Last, Given" of a list row split into its two parts, normalised. */
function nameParts(row: Pick<UserListRow, 'fullName'>): { last: string; given: string } {
  const [last = '', given = ''] = normalizeName(row.fullName).split(/,\s*/, 2);
  return { last, given };
}

/**
 * What a list row must also satisfy. The search by name matches a word in any name; first_name and
 * last_name narrow that to the given names or the surname of the displayed name.
 */
export function rowFilterOfClause(clause: AlmaQueryClause): ((row: UserListRow) => boolean) | undefined {
  const wanted = normalizeName(clause.value);
  switch (clause.field) {
    case 'first_name':
      return (row) => nameParts(row).given.includes(wanted);
    case 'last_name':
      return (row) => nameParts(row).last.includes(wanted);
    case 'job_category':
      return (row) => (row.jobCategory ?? '').toLowerCase() === clause.value.toLowerCase();
    default:
      return undefined;
  }
}

/** The search's own order for an `order_by`, when it has one (first_name it has not). */
export function sortOfOrderBy(orderBy: AlmaOrderBy | undefined): Pick<SearchUsersInput, 'sortBy'> | undefined {
  if (orderBy === 'primary_id') return { sortBy: 'primaryId' };
  if (orderBy === 'first_name') return undefined;
  return { sortBy: 'name' };
}

/** Orders rows by their given names, then surname (the search cannot). */
export function byGivenName(a: UserListRow, b: UserListRow): number {
  const x = nameParts(a);
  const y = nameParts(b);
  return x.given.localeCompare(y.given) || x.last.localeCompare(y.last) || a.primaryId.localeCompare(b.primaryId);
}
