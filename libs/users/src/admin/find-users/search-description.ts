import type { SearchState } from './search-state.js';

const tabLabels: Record<SearchState['tab'], string> = {
  ALL: 'All',
  STAFF: 'Staff',
  PUBLIC: 'Public',
  CONTACT: 'Contact',
};

/** Whether the search narrows the list at all (text, a record type tab, or a filter). */
export function isNarrowed(state: SearchState): boolean {
  return state.query !== '' || state.tab !== 'ALL' || filterCount(state) > 0;
}

/** How many filters narrow the search, other modules' included. */
function filterCount(state: SearchState): number {
  const own = [state.account !== 'ALL', state.role !== '', state.status !== 'ALL'].filter(Boolean).length;
  return own + Object.keys(state.filters).length;
}

/** What a search that found nobody asked for, in words: `“smith” among Staff users with 2 filters`. */
export function describeSearch(state: SearchState): string {
  const filters = filterCount(state);
  return [
    state.query ? `“${state.query}”` : 'the search',
    state.tab !== 'ALL' ? `among ${tabLabels[state.tab]} users` : '',
    filters ? `with ${filters === 1 ? 'the chosen filter' : `${filters} filters`}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
