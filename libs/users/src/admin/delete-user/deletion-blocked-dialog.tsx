import { Dialog, Link, useAdminExtensions } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { userDetailsLink } from '../shared/users-paths.js';

export interface DeletionBlockedDialogProps {
  readonly user: { readonly id: string; readonly name: string } | null;
  readonly reasons: readonly string[];
  /** Already on the user's page: View User just closes the dialog. */
  readonly onUserPage: boolean;
  readonly onClose: () => void;
}

/** Why a user cannot be deleted: every reason the guards gave, with Cancel, other modules' actions and View User. */
export function DeletionBlockedDialog({ user, reasons, onUserPage, onClose }: DeletionBlockedDialogProps) {
  const actions = useAdminExtensions(usersAdminExtensionPoints.deletionBlockedActions);
  return (
    <Dialog
      open={user !== null}
      title={`${user?.name ?? 'The user'} cannot be deleted`}
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose} data-autofocus>
            Cancel
          </button>
          {user
            ? actions.map(({ id, component: Action }) => (
                <Action key={id} user={user} reasons={reasons} onDone={onClose} />
              ))
            : null}
          {user ? (
            onUserPage ? (
              <button type="button" className="ui-button ui-button--primary" onClick={onClose}>
                View user
              </button>
            ) : (
              <Link {...userDetailsLink(user.id)} className="ui-button ui-button--primary" onClick={onClose}>
                View user
              </Link>
            )
          ) : null}
        </>
      }
    >
      <p>The user can be deleted once nothing below applies any more:</p>
      <ul className="users-reasons">
        {reasons.map((reason) => (
          <li key={reason}>{reason.charAt(0).toUpperCase() + reason.slice(1)}</li>
        ))}
      </ul>
    </Dialog>
  );
}
