import { useDebouncedValue } from '@ulms/ui';
import type { ProxyPartyDto } from '@ulms/proxies/contracts';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { nameOf } from './proxy-format.js';
import { minSearchLength, useUserSearch } from './use-user-search.js';

export interface PatronPickerProps {
  readonly label: string;
  readonly value: ProxyPartyDto | null;
  readonly onChange: (user: ProxyPartyDto | null) => void;
  /** Left out of the results (the user whose record is open). */
  readonly excludeId?: string;
  readonly hint?: string;
  readonly error?: string | null;
  readonly required?: boolean;
}

/**
 * A user found by name, identifier or email (Find and Manage Users' search) and picked from the results: a
 * combobox whose list the arrow keys walk and Enter picks from. Once picked, the user shows with "Change".
 */
export function PatronPicker({ label, value, onChange, excludeId, hint, error, required }: PatronPickerProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // Picking swaps the search box for the user picked and "Change" swaps it back: the focus follows.
  const [focusNext, setFocusNext] = useState<'search' | 'change' | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const changeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusNext) return;
    (focusNext === 'search' ? searchRef : changeRef).current?.focus();
    setFocusNext(null);
  }, [focusNext, value]);
  const settled = useDebouncedValue(text, 250);
  const search = useUserSearch(settled);
  const options = search.rows.filter((row) => row.id !== excludeId);
  const typed = text.trim().length >= minSearchLength;
  const shown = open && typed;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  const pick = (index: number) => {
    const row = options[index];
    if (!row) return;
    onChange({ id: row.id, primaryId: row.primaryId, fullName: row.fullName });
    setOpen(false);
    setFocusNext('change');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => Math.min(Math.max(current + step, 0), Math.max(options.length - 1, 0)));
    } else if (event.key === 'Enter' && shown && options.length > 0) {
      // Picks rather than submitting the form around the field.
      event.preventDefault();
      pick(Math.min(active, options.length - 1));
    }
  };

  return (
    <div className={['ui-field', 'proxies-picker', error ? 'ui-field--invalid' : ''].join(' ').trim()}>
      <label className="ui-field__label" htmlFor={`${id}-input`}>
        {label}
        {required ? (
          <span className="ui-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {value ? (
        <div className="proxies-picker__picked">
          <output id={`${id}-input`} aria-describedby={describedBy}>
            <strong>{nameOf(value)}</strong> <span className="muted">{value.primaryId}</span>
          </output>
          <button
            ref={changeRef}
            type="button"
            className="ui-button ui-button--small"
            onClick={() => {
              onChange(null);
              setOpen(true);
              setFocusNext('search');
            }}
          >
            Change {label.toLowerCase()}
          </button>
        </div>
      ) : (
        <>
          <input
            ref={searchRef}
            id={`${id}-input`}
            className="ui-input"
            type="search"
            role="combobox"
            autoComplete="off"
            placeholder="Name, identifier or email"
            aria-expanded={shown}
            aria-controls={`${id}-list`}
            aria-autocomplete="list"
            aria-activedescendant={shown && options[active] ? `${id}-option-${active}` : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onKeyDown={onKeyDown}
          />
          <div className="proxies-picker__results" hidden={!shown}>
            <ul id={`${id}-list`} role="listbox" aria-label={`Users matching “${text.trim()}”`}>
              {options.map((row, index) => (
                <li
                  key={row.id}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="proxies-picker__option"
                  // Keeps the focus in the search box, so the keys go on working after a click.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => pick(index)}
                >
                  <span className="proxies-picker__name">{row.fullName || row.primaryId}</span>
                  <span className="muted">{row.primaryId}</span>
                </li>
              ))}
            </ul>
            <p className="muted proxies-picker__status" role="status">
              {search.loading || settled !== text
                ? 'Searching…'
                : options.length === 0
                  ? 'No user matches. Contact users cannot take part in proxies.'
                  : `${options.length} user${options.length === 1 ? '' : 's'} found: use the arrow keys and Enter, or click one.`}
            </p>
          </div>
        </>
      )}
      {hint ? (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="ui-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
