import { Dialog, Link } from '@ulms/ui';
import type { PossibleDuplicate } from '@ulms/users/contracts';
import { userDetailsLink } from '../shared/users-paths.js';

export interface DuplicateWarningDialogProps {
  readonly duplicates: readonly PossibleDuplicate[] | null;
  readonly busy: boolean;
  readonly onSaveAnyway: () => void;
  readonly onCancel: () => void;
}

/** Users with the same first name, last name and birth date: open one of them, or save anyway. */
export function DuplicateWarningDialog({ duplicates, busy, onSaveAnyway, onCancel }: DuplicateWarningDialogProps) {
  return (
    <Dialog
      open={duplicates !== null}
      title="Possible duplicate users"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="ui-button" onClick={onCancel} data-autofocus>
            Cancel
          </button>
          <button
            type="button"
            className="ui-button ui-button--primary"
            onClick={onSaveAnyway}
            disabled={busy}
            aria-busy={busy}
          >
            Save anyway
          </button>
        </>
      }
    >
      <p>Nothing has been saved yet. These users have the same first name, last name and birth date:</p>
      <ul className="users-duplicates">
        {(duplicates ?? []).map((duplicate) => (
          <li key={duplicate.id}>
            <Link {...userDetailsLink(duplicate.id)} target="_blank" rel="noopener">
              {duplicate.fullName}
            </Link>{' '}
            <span className="muted">({duplicate.primaryId}, opens in a new tab)</span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
