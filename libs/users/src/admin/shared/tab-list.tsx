import { type KeyboardEvent, useRef } from 'react';

export interface TabItem<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface TabListProps<T extends string> {
  readonly label: string;
  readonly tabs: readonly TabItem<T>[];
  readonly selected: T;
  readonly onSelect: (value: T) => void;
  /** Id of the panel the tabs control. */
  readonly panelId: string;
}

/** ARIA tabs: one tab stop, arrow keys, Home and End move between tabs and select them. */
export function TabList<T extends string>({ label, tabs, selected, onSelect, panelId }: TabListProps<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.value);
    refs.current[target]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="users-tabs">
      {tabs.map((tab, index) => (
        <button
          key={tab.value}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          role="tab"
          className="users-tabs__tab"
          aria-selected={tab.value === selected}
          aria-controls={panelId}
          tabIndex={tab.value === selected ? 0 : -1}
          onClick={() => onSelect(tab.value)}
          onKeyDown={(event) => move(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
