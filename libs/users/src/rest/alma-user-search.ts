import type { InstitutionRef } from '@ulms/platform';
import type { UserSearchService } from '../server/user-search.service.js';
import { type AlmaOrderBy, conditionsOf, orderOf, parseAlmaQuery } from './alma-query.js';

/** GET /users's paging and order. */
export interface AlmaSearchOptions {
  readonly q?: string;
  readonly limit: number;
  readonly offset: number;
  readonly orderBy?: AlmaOrderBy;
}

/** Runs the reference's `q`: every condition in one database search, paged there. */
export function searchAlmaUsers(
  search: UserSearchService,
  institution: InstitutionRef,
  options: AlmaSearchOptions,
): Promise<{ total: number; ids: string[] }> {
  return search.find(institution, {
    conditions: conditionsOf(parseAlmaQuery(options.q)),
    orderBy: orderOf(options.orderBy),
    offset: options.offset,
    limit: options.limit,
  });
}
