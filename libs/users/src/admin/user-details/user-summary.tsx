import { accountTypes, recordTypes, type UserDto, userStatuses } from '@ulms/users/contracts';
import { type ReactNode, useState } from 'react';
import { formatDateTime } from '../shared/format.js';
import { labelOf } from '../shared/options.js';

/** The user's picture, or their initials when there is none or it does not load (never a broken image). */
function UserPicture({ user }: { readonly user: UserDto }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const initials = (user.firstName?.[0] ?? '') + (user.lastName?.[0] ?? user.primaryId[0] ?? '');
  if (user.pictureUrl && user.pictureUrl !== failedUrl) {
    return (
      <img
        className="users-summary__picture"
        src={user.pictureUrl}
        alt={`Picture of ${user.fullName || user.primaryId}`}
        onError={() => setFailedUrl(user.pictureUrl)}
      />
    );
  }
  return (
    <span className="users-summary__picture users-summary__initials" aria-hidden="true">
      {initials.toUpperCase()}
    </span>
  );
}

/** The User Details header: picture, name, identifier, types, status and who changed the record when. */
export function UserSummary({ user, actions }: { readonly user: UserDto; readonly actions?: ReactNode }) {
  return (
    <div className="users-summary panel">
      <UserPicture user={user} />
      <div className="users-summary__main">
        <h1 tabIndex={-1}>{user.fullName || user.primaryId}</h1>
        <p className="users-summary__id">
          Primary identifier <code>{user.primaryId}</code>
        </p>
        <ul className="users-summary__badges" aria-label="Record">
          <li className="badge badge--off">{labelOf(recordTypes, user.recordType)}</li>
          <li className={user.accountType === 'EXTERNAL' ? 'badge users-badge--external' : 'badge badge--off'}>
            {labelOf(accountTypes, user.accountType)}
          </li>
          <li className={user.status === 'ACTIVE' ? 'badge badge--on' : 'badge users-badge--inactive'}>
            {labelOf(userStatuses, user.status)}
          </li>
        </ul>
        <p className="users-summary__audit muted">
          Created by {user.createdBy} on {formatDateTime(user.createdAt)} · Updated by {user.updatedBy} on{' '}
          {formatDateTime(user.updatedAt)}
        </p>
      </div>
      {actions ? <div className="users-summary__actions">{actions}</div> : null}
    </div>
  );
}
