import type { UserDto } from '@ulms/users/contracts';
import { formatDate, formatDateTime } from '../shared/format.js';

/** Dates the system keeps on the record: when the status last changed and the patron was last active. */
export function RecordDates({ user }: { readonly user: UserDto }) {
  return (
    <dl className="users-record-dates" aria-label="Record dates">
      <div>
        <dt>Status date</dt>
        <dd>{formatDateTime(user.statusDate)}</dd>
      </div>
      <div>
        <dt>Last patron activity</dt>
        <dd>
          {user.lastPatronActivityDate ? (
            formatDate(user.lastPatronActivityDate)
          ) : (
            <span className="muted">None recorded</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
