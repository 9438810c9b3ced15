import type { UserListPage } from '@ulms/users/contracts';
import { useMemo, useState } from 'react';
import type { SearchState } from './search-state.js';

/** Another module's search filter (the courses module's "Enrolled in course"), shown as a text field. */
export type ContributedFilter = UserListPage['filters'][number];

/**
 * The fields to show: the filters the server offers, then any filter in the search it does not offer (an old
 * address, a module since switched off), labelled by its id, so that the server's refusal shows and can be cleared.
 */
export function contributedFilterFields(
  offered: readonly ContributedFilter[],
  filters: SearchState['filters'],
): ContributedFilter[] {
  const unknown = Object.keys(filters)
    .filter((id) => !offered.some((filter) => filter.id === id))
    .map((id) => ({ id, label: id, placeholder: null }));
  return [...offered, ...unknown];
}

/**
 * The contributed filter fields for the search's answer; a refused search has no answer, so the last answer's
 * filters stay, with the refusal under the field it is about.
 */
export function useContributedFilters(
  answered: readonly ContributedFilter[] | undefined,
  filters: SearchState['filters'],
): ContributedFilter[] {
  const [offered, setOffered] = useState<readonly ContributedFilter[]>([]);
  if (answered && answered !== offered) setOffered(answered);
  return useMemo(() => contributedFilterFields(offered, filters), [offered, filters]);
}

/** The key of a filter's error among the search's field errors. */
export const filterErrorKey = (id: string) => `filters.${id}`;
