import { useNavigate } from '@ulms/ui';
import { type UserDto, usersPermissions } from '@ulms/users/contracts';
import { useDeleteUser } from '../delete-user/use-delete-user.js';
import { usersPaths } from '../shared/users-paths.js';
import { useCan } from '../users-admin-context.js';
import { ToggleAccountTypeButton } from './toggle-account-type.js';

/** The User Details header buttons the staff member may use: Toggle account type and Delete. */
export function UserActions({ user }: { readonly user: UserDto }) {
  const canToggle = useCan(usersPermissions.toggleAccountType);
  const canDelete = useCan(usersPermissions.userDelete);
  const navigate = useNavigate();
  const deleter = useDeleteUser({ onUserPage: true, onDeleted: () => void navigate({ to: usersPaths.find }) });
  if (!canToggle && !canDelete) return null;
  return (
    <>
      {canToggle ? <ToggleAccountTypeButton user={user} /> : null}
      {canDelete ? (
        <button
          type="button"
          className="ui-button ui-button--danger"
          disabled={deleter.checking}
          aria-busy={deleter.checking}
          onClick={() => deleter.start({ id: user.id, name: user.fullName || user.primaryId })}
        >
          Delete
        </button>
      ) : null}
      {deleter.dialogs}
    </>
  );
}
