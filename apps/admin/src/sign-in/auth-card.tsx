import { usePageTitle } from '@ulms/ui';
import type { ReactNode } from 'react';

/** The centred card the sign-in steps are drawn in. */
export function AuthCard({
  title,
  intro,
  children,
}: {
  readonly title: string;
  readonly intro?: ReactNode;
  readonly children: ReactNode;
}) {
  usePageTitle(title);
  return (
    <main className="auth-screen">
      <div className="auth-card">
        <div className="auth-card__brand">
          <span className="app-header__logo" aria-hidden="true">
            U
          </span>
          ULMS Admin
        </div>
        <h1 className="auth-card__title" tabIndex={-1}>
          {title}
        </h1>
        {intro ? <div className="auth-card__intro">{intro}</div> : null}
        {children}
      </div>
    </main>
  );
}
