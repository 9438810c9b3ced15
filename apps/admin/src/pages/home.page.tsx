import { Link } from '@tanstack/react-router';
import { PageHeader } from '@ulms/ui';
import { adminPlugins } from '../admin-plugins.js';
import { navigationFor } from '../navigation/navigation.js';
import { useSessionInfo } from '../session/session-context.js';

/** The start page: a greeting and the screens this staff member can open. */
export function HomePage() {
  const session = useSessionInfo();
  const sections = navigationFor(adminPlugins, session);
  return (
    <>
      <PageHeader
        title={`Welcome, ${session.account.displayName}`}
        description={session.institution.name}
        documentTitle="Start"
      />
      {sections.length === 0 ? (
        <div className="panel">
          <p>Your roles give you no administration screens at {session.institution.name} yet.</p>
        </div>
      ) : (
        <ul className="card-grid">
          {sections.flatMap((section) =>
            section.routes.map((route) => (
              <li key={route.path}>
                <Link to={route.path} className="card-link">
                  <span className="card-link__module">{section.title}</span>
                  <span className="card-link__label">{route.label}</span>
                </Link>
              </li>
            )),
          )}
        </ul>
      )}
    </>
  );
}
