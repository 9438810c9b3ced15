import type { UserDto } from '@ulms/users/contracts';
import { useMemo } from 'react';
import { useRegistrationRules } from '../shared/use-users-config.js';
import { identifierFormSchemaFor } from '../user-form/user-form.schema.js';
import { identifierKind } from './contact-kinds.js';
import { ContactSection } from './contact-section.js';
import type { SaveUser } from './use-save-user.js';

/** Identifiers: barcodes, university IDs and the like, besides the primary identifier. */
export function IdentifiersTab({
  user,
  saver,
  canEdit,
}: {
  readonly user: UserDto;
  readonly saver: SaveUser;
  readonly canEdit: boolean;
}) {
  const { identifierFormats } = useRegistrationRules(user.recordType);
  const kind = useMemo(
    () => ({ ...identifierKind, schema: identifierFormSchemaFor(identifierFormats) }),
    [identifierFormats],
  );
  return (
    <div className="users-tab-body">
      <ContactSection kind={kind} user={user} entries={user.identifiers} saver={saver} canEdit={canEdit} />
    </div>
  );
}
