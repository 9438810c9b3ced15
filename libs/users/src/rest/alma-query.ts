import { ValidationError } from '@ulms/platform';
import type {
  FindUsersInput,
  UserConditionField,
} from '../contracts/user.schema.js';

/** The fields the reference's `q` parameter searches. */
export const almaQueryFields = [
  'primary_id',
  'first_name',
  'last_name',
  'email',
  'identifiers',
  'job_category',
  'ALL',
] as const;
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
      const field = almaQueryFields.find(
        (f) => f.toLowerCase() === match?.[1]?.toLowerCase(),
      );
      if (!match || !field) {
        throw ValidationError.of(
          `q.${index}`,
          `"${condition}" is not field~value with field one of ${almaQueryFields.join(', ')}`,
        );
      }
      return {
        field,
        value: (match[2] ?? '').replace(/^"(.*)"$/, '$1').trim(),
      };
    });
}

const conditionFieldOf: Record<AlmaQueryField, UserConditionField> = {
  primary_id: 'primaryId',
  first_name: 'firstName',
  last_name: 'lastName',
  email: 'email',
  identifiers: 'identifier',
  job_category: 'jobCategory',
  ALL: 'all',
};

/** The clauses as the users search's field conditions: first_name and last_name look at the given names and the surname displayed. */
export function conditionsOf(
  clauses: readonly AlmaQueryClause[],
): FindUsersInput['conditions'] {
  return clauses.map((c) => ({
    field: conditionFieldOf[c.field],
    value: c.value,
  }));
}

/** The search's order for an `order_by` (last name first is the reference's default). */
export function orderOf(
  orderBy: AlmaOrderBy | undefined,
): NonNullable<FindUsersInput['orderBy']> {
  if (orderBy === 'primary_id') return 'primaryId';
  if (orderBy === 'first_name') return 'givenName';
  return 'name';
}
