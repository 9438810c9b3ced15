import type { ReactNode } from 'react';
import { usePageTitle } from '../routing/use-page-title.js';

export interface PageHeaderProps {
  readonly title: ReactNode;
  readonly description?: ReactNode;
  /** Buttons on the right, such as "Create API key". */
  readonly actions?: ReactNode;
  /** The browser tab's title; the heading's text when it is plain text. */
  readonly documentTitle?: string;
}

/** The title row of a page; its heading takes focus after navigation (see the app's layout). */
export function PageHeader({ title, description, actions, documentTitle }: PageHeaderProps) {
  usePageTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <div className="page-header">
      <div>
        <h1 tabIndex={-1}>{title}</h1>
        {description ? <p className="page-header__description">{description}</p> : null}
      </div>
      {actions ? <div className="page-header__actions">{actions}</div> : null}
    </div>
  );
}
