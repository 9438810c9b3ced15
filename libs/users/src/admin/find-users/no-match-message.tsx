import { describeSearch, isNarrowed } from './search-description.js';
import type { SearchState } from './search-state.js';

export interface NoMatchMessageProps {
  readonly state: SearchState;
  readonly onClear: () => void;
}

/** "No users match …" with a way back to every user; "No users yet." only when nothing narrows the list. */
export function NoMatchMessage({ state, onClear }: NoMatchMessageProps) {
  if (!isNarrowed(state)) return <>No users yet.</>;
  return (
    <span className="users-no-match">
      No users match {describeSearch(state)}.{' '}
      <button type="button" className="ui-button ui-button--small" onClick={onClear}>
        Clear search and filters
      </button>
    </span>
  );
}
