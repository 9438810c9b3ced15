import type { FieldError } from '@ulms/platform/contracts';
import type { UserFields } from '../contracts/user.schema.js';

/** The owner an internal user made external gets until a SIS loads it. */
export const SIS_TEMP_OWNER = 'SIS_temp';

/** The reference's account-type and external-id rules for a save that is not the SIS's. */
export function accountTypeErrors(
  existing: { accountType: string } | null,
  user: UserFields,
  accountTypeChange: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  // Internal, with a password kept here or with the institution's sign-in: how one signs in, not who owns the record.
  const betweenInternalKinds = [existing?.accountType, user.accountType].every(
    (type) => type === 'INTERNAL' || type === 'INTERNAL_WITH_EXTERNAL_AUTH',
  );
  if (existing && existing.accountType !== user.accountType && !betweenInternalKinds) {
    if (!accountTypeChange) {
      errors.push({
        field: 'accountType',
        message: 'changes only through Toggle Account Type',
      });
    } else if (existing.accountType === 'EXTERNAL') {
      errors.push({
        field: 'accountType',
        message: 'an external user cannot be made internal by an update; use Toggle Account Type',
      });
    }
  }
  if (user.accountType === 'INTERNAL' && user.externalId) {
    errors.push({
      field: 'externalId',
      message: 'must be empty for an internal user',
    });
  }
  if (user.accountType === 'EXTERNAL' && !user.externalId) {
    errors.push({
      field: 'externalId',
      message: 'is mandatory for an external user (the system that owns it)',
    });
  }
  return errors;
}
