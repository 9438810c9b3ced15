import { TextField, useDebouncedValue } from '@ulms/ui';
import { useEffect, useState } from 'react';

const DEBOUNCE_MS = 300;

export interface SearchFilterFieldProps {
  readonly label: string;
  readonly placeholder: string | null;
  /** The filter's value in the search, '' when it filters nothing. */
  readonly value: string;
  readonly error?: string;
  readonly onChange: (value: string) => void;
}

/** A text filter another module adds to the search; it applies once typing pauses. */
export function SearchFilterField({ label, placeholder, value, error, onChange }: SearchFilterFieldProps) {
  const [text, setText] = useState(value);
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    // The search changed (Back, "Clear search and filters"): show its value, unless it is what was typed here.
    if (text.trim() !== value) setText(value);
  }
  const settled = useDebouncedValue(text, DEBOUNCE_MS).trim();
  useEffect(() => {
    // Only once the pause has caught up with the text: an older pause would undo a change made elsewhere.
    if (settled === text.trim() && settled !== value) onChange(settled);
  }, [settled, text, value, onChange]);
  return (
    <TextField
      label={label}
      type="search"
      placeholder={placeholder ?? undefined}
      maxLength={200}
      value={text}
      error={error}
      onChange={(e) => setText(e.target.value)}
    />
  );
}
