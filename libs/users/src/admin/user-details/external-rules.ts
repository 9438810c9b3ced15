import { protectedExternalFields, type UserDto } from '@ulms/users/contracts';

/** Whether staff may change a field of an external user without "Open for Update". */
export function isProtectedField(field: string): boolean {
  return (protectedExternalFields as readonly string[]).includes(field);
}

/** Fields the SIS owns are read-only on an external user until it is opened for update. */
export function isSisOwned(user: UserDto, openForUpdate: boolean, field: string): boolean {
  return user.accountType === 'EXTERNAL' && !openForUpdate && !isProtectedField(field);
}

/** The value the SIS sent for a field changed locally, if it was. */
export function overrideOf(user: UserDto, field: string): { readonly sisValue: unknown } | undefined {
  return user.overrides.find((override) => override.field === field);
}

/** An override's SIS value in words. */
export function sisValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (Array.isArray(value)) return value.join(', ') || 'empty';
  return String(value);
}
