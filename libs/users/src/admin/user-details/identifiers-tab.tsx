import type { UserDto } from '@ulms/users/contracts';
import { identifierKind } from './contact-kinds.js';
import { ContactSection } from './contact-section.js';
import type { SaveUser } from './use-save-user.js';

/** Identifiers: barcodes, university IDs and the like, besides the primary identifier. */
export function IdentifiersTab({ user, saver, canEdit }: { readonly user: UserDto; readonly saver: SaveUser; readonly canEdit: boolean }) {
  return (
    <div className="users-tab-body">
      <ContactSection kind={identifierKind} user={user} entries={user.identifiers} saver={saver} canEdit={canEdit} />
    </div>
  );
}
