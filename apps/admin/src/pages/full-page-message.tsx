import { usePageTitle } from '@ulms/ui';
import type { ReactNode } from 'react';

export interface FullPageMessageProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly action?: { readonly label: string; readonly onClick: () => void };
}

/** A centred card for states before the layout exists: loading, or the server being unreachable. */
export function FullPageMessage({ title, children, action }: FullPageMessageProps) {
  usePageTitle(title);
  return (
    <main className="auth-screen">
      <div className="auth-card" aria-live="polite">
        <h1 className="auth-card__title">{title}</h1>
        {children ? <p>{children}</p> : null}
        {action ? (
          <button type="button" className="ui-button ui-button--primary" onClick={action.onClick}>
            {action.label}
          </button>
        ) : null}
      </div>
    </main>
  );
}
