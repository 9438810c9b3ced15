import { useSessionInfo } from '../session/session-context.js';
import { AccountMenu } from './account-menu.js';

export interface AppHeaderProps {
  readonly navId: string;
  readonly navOpen: boolean;
  readonly onToggleNav: () => void;
}

/**
 * The top bar: the Menu button (narrow screens only), product, institution (with the switcher when there is a
 * choice) and the account menu.
 */
export function AppHeader({ navId, navOpen, onToggleNav }: AppHeaderProps) {
  const session = useSessionInfo();
  return (
    <header className="app-header">
      <button
        type="button"
        className="app-header__menu"
        aria-expanded={navOpen}
        aria-controls={navId}
        onClick={onToggleNav}
      >
        <span aria-hidden="true">☰</span> Menu
      </button>
      <div className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          U
        </span>
        <span>ULMS Admin</span>
      </div>
      <div className="app-header__institution">
        <span className="app-header__institution-name">{session.institution.name}</span>
      </div>
      <AccountMenu />
    </header>
  );
}
