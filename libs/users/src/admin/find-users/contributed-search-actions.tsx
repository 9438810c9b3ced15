import type { FindUsersAction, FindUsersActionProps } from '@ulms/users/contracts';
import { useState } from 'react';

export interface ContributedSearchActionsProps extends Omit<FindUsersActionProps, 'onClose'> {
  /** The contributions to `usersAdminExtensionPoints.findUsersActions` the staff member may use. */
  readonly actions: readonly FindUsersAction[];
  /** No search answer yet, or it found nobody. */
  readonly disabled: boolean;
}

/** The buttons other modules add to Find and Manage Users (the letters module's "Message users"), and the open one's dialog. */
export function ContributedSearchActions({ actions, search, matchedText, disabled }: ContributedSearchActionsProps) {
  const [openId, setOpenId] = useState<string | null>(null);
  const open = actions.find((action) => action.id === openId);
  return (
    <>
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          className="ui-button"
          disabled={disabled}
          onClick={() => setOpenId(action.id)}
        >
          {action.label}
        </button>
      ))}
      {open ? <open.component search={search} matchedText={matchedText} onClose={() => setOpenId(null)} /> : null}
    </>
  );
}
