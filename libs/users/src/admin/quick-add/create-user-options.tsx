import { useAdminExtensions } from '@ulms/ui';
import { type CreateUserTakeover, type RecordType, usersAdminExtensionPoints } from '@ulms/users/contracts';

export interface CreateUserOptionsProps {
  readonly recordType: RecordType;
  /** An option took the submission over (its create call), or gave it back (null). */
  readonly onTakeOver: (optionId: string, create: CreateUserTakeover | null) => void;
}

/**
 * The panels enabled modules add to Quick User Management (`usersAdminExtensionPoints.createUserOptions`), such as
 * the proxies module's "Add as Fulfillment Proxy"; nothing when none is enabled.
 */
export function CreateUserOptions({ recordType, onTakeOver }: CreateUserOptionsProps) {
  const options = useAdminExtensions(usersAdminExtensionPoints.createUserOptions);
  return (
    <>
      {options.map(({ id, label, component: Option }) => (
        <section key={id} className="panel" aria-labelledby={`add-user-option-${id}`}>
          <h2 id={`add-user-option-${id}`}>{label}</h2>
          <Option recordType={recordType} onTakeOver={(create) => onTakeOver(id, create)} />
        </section>
      ))}
    </>
  );
}
