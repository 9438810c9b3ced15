import { SelectField } from '@ulms/ui';
import { type FormEvent, useEffect, useId, useState } from 'react';
import type { SearchBy, SearchState } from './search-state.js';

const searchByOptions: { value: SearchBy; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'name', label: 'Name' },
  { value: 'primaryId', label: 'Primary identifier' },
  { value: 'identifier', label: 'Identifier' },
  { value: 'email', label: 'Email' },
];

export interface UserSearchFormProps {
  readonly state: SearchState;
  readonly onSearch: (query: string, searchBy: SearchBy) => void;
}

/** The search box with its "search by" choice; searching starts on Enter or the button. */
export function UserSearchForm({ state, onSearch }: UserSearchFormProps) {
  const inputId = useId();
  const [query, setQuery] = useState(state.query);
  const [searchBy, setSearchBy] = useState<SearchBy>(state.searchBy);
  useEffect(() => {
    setQuery(state.query);
    setSearchBy(state.searchBy);
  }, [state.query, state.searchBy]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(query.trim(), searchBy);
  };
  return (
    <form role="search" aria-label="Find users" className="users-search" onSubmit={submit}>
      <SelectField
        label="Search by"
        className="users-search__by"
        options={searchByOptions}
        value={searchBy}
        onChange={(e) => setSearchBy(e.target.value as SearchBy)}
      />
      <div className="ui-field users-search__query">
        <label className="ui-field__label" htmlFor={inputId}>
          Search users
        </label>
        <input
          id={inputId}
          className="ui-input"
          type="search"
          value={query}
          placeholder={
            searchBy === 'email' || searchBy === 'identifier' ? 'The whole value' : 'Name, identifier or email'
          }
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <button type="submit" className="ui-button ui-button--primary">
        Search
      </button>
    </form>
  );
}
