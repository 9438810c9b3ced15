import { Link, useLocation } from '@tanstack/react-router';
import { adminPlugins } from '../admin-plugins.js';
import { activeNavPath, navigationFor } from '../navigation/navigation.js';
import { useSessionInfo } from '../session/session-context.js';

export interface SideNavProps {
  readonly id: string;
  /** Unfolded on narrow screens, where it is otherwise hidden behind the Menu button; wide screens always show it. */
  readonly open: boolean;
  /** Folds it with Escape, giving focus back to the Menu button. */
  readonly onClose: () => void;
  /** Folds it after a link is chosen, also one of the current page (which changes no location). */
  readonly onChoose: () => void;
}

/** The navigation built from the enabled modules' plugins and the staff member's permissions. */
export function SideNav({ id, open, onClose, onChoose }: SideNavProps) {
  const session = useSessionInfo();
  const path = useLocation({ select: (location) => location.pathname });
  const sections = navigationFor(adminPlugins, session);
  const active = activeNavPath(sections, path);
  return (
    <nav
      id={id}
      className={open ? 'side-nav side-nav--open' : 'side-nav'}
      aria-label="Main"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) onClose();
      }}
      onClick={(event) => {
        if (open && (event.target as Element).closest('a')) onChoose();
      }}
    >
      <Link to="/" className="side-nav__link" aria-current={path === '/' ? 'page' : undefined}>
        Start
      </Link>
      {sections.map((section) => (
        <section key={section.id} className="side-nav__section" aria-labelledby={`nav-${section.id}`}>
          <h2 id={`nav-${section.id}`} className="side-nav__title">
            {section.title}
          </h2>
          <ul>
            {section.routes.map((route) => (
              <li key={route.path}>
                <Link
                  to={route.path}
                  className="side-nav__link"
                  aria-current={route.path === active ? 'page' : undefined}
                >
                  {route.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
