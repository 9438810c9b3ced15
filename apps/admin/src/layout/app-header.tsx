import { useSessionInfo } from '../session/session-context.js';
import { AccountMenu } from './account-menu.js';
import { InstitutionSwitcher } from './institution-switcher.js';

/** The top bar: product, institution (with the switcher when there is a choice) and the account menu. */
export function AppHeader() {
  const session = useSessionInfo();
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__logo" aria-hidden="true">
          U
        </span>
        <span>ULMS Admin</span>
      </div>
      <div className="app-header__institution">
        {session.institutions.length > 1 ? (
          <InstitutionSwitcher />
        ) : (
          <span className="app-header__institution-name">{session.institution.name}</span>
        )}
      </div>
      <AccountMenu />
    </header>
  );
}
