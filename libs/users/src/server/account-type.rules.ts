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
  if (existing && existing.accountType !== user.accountType) {
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
