import type { UserDto } from '@ulms/users/contracts';
import { addressKind, emailKind, phoneKind } from './contact-kinds.js';
import { ContactSection } from './contact-section.js';
import type { SaveUser } from './use-save-user.js';

/** Contact Information: the user's emails, addresses and phones. */
export function ContactTab({
  user,
  saver,
  canEdit,
}: {
  readonly user: UserDto;
  readonly saver: SaveUser;
  readonly canEdit: boolean;
}) {
  return (
    <div className="users-tab-body">
      {user.accountType === 'EXTERNAL' ? (
        <p className="notice">
          Entries from the SIS are read-only. New entries are internal unless you add them as external.
        </p>
      ) : null}
      <ContactSection kind={emailKind} user={user} entries={user.emails} saver={saver} canEdit={canEdit} />
      <ContactSection kind={addressKind} user={user} entries={user.addresses} saver={saver} canEdit={canEdit} />
      <ContactSection kind={phoneKind} user={user} entries={user.phones} saver={saver} canEdit={canEdit} />
    </div>
  );
}
