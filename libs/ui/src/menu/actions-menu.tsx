import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { createContext, type ReactNode, useContext, useRef } from 'react';

/** Runs an item's action once the menu has closed and handed focus back to its button. */
const DeferContext = createContext<(action: () => void) => void>((action) => action());

export interface ActionsMenuProps {
  /** Names the button for assistive technology, such as "Actions for Ada Lovelace". */
  readonly label: string;
  /** `ActionsMenuItem`s. */
  readonly children: ReactNode;
}

/**
 * A "⋯" button opening a menu of a row's actions (Radix DropdownMenu: arrow keys, Esc, typeahead). An item's
 * action runs after the menu has closed, so a dialog it opens returns focus to this button.
 */
export function ActionsMenu({ label, children }: ActionsMenuProps) {
  const pending = useRef<(() => void) | null>(null);
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="ui-button ui-button--small ui-actions-menu__trigger"
        aria-label={label}
        title={label}
      >
        <span aria-hidden="true">⋯</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          className="ui-menu__content"
          align="end"
          sideOffset={4}
          onCloseAutoFocus={() => {
            const action = pending.current;
            pending.current = null;
            // After Radix has focused the trigger (its own handler runs after this one).
            if (action) setTimeout(action, 0);
          }}
        >
          <DeferContext.Provider value={(action) => (pending.current = action)}>{children}</DeferContext.Provider>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export interface ActionsMenuItemProps {
  readonly children: ReactNode;
  readonly onSelect?: () => void;
  /** Renders the one child (a link) as the item instead of a plain item. */
  readonly asChild?: boolean;
  readonly disabled?: boolean;
  /** Styles a destructive action. */
  readonly danger?: boolean;
}

/** One action of an `ActionsMenu`. */
export function ActionsMenuItem({ children, onSelect, asChild, disabled, danger }: ActionsMenuItemProps) {
  const defer = useContext(DeferContext);
  return (
    <DropdownMenu.Item
      className={danger ? 'ui-menu__item ui-menu__item--danger' : 'ui-menu__item'}
      asChild={asChild}
      disabled={disabled}
      onSelect={onSelect ? () => defer(onSelect) : undefined}
    >
      {children}
    </DropdownMenu.Item>
  );
}
