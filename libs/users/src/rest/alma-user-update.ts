import { ValidationError } from '@ulms/platform';
import { type ProtectedExternalField, protectedExternalFields } from '../contracts/user-codes.js';
import type { UserDto } from '../contracts/user.dto.js';
import type { CreateUserInput, UpdateUserInput } from '../contracts/user.schema.js';

/** The reference's names for the protected fields of an external user, as `override=` lists them. */
const overrideNames: Readonly<Record<string, ProtectedExternalField>> = {
  user_title: 'userTitle',
  pin_number: 'pinNumber',
  job_category: 'jobCategory',
  user_group: 'userGroup',
  campus_code: 'campusCode',
  preferred_language: 'preferredLanguage',
  rs_libraries: 'rsLibraries',
  rs_library: 'rsLibraries',
  cataloger_level: 'catalogerLevel',
  library_notices: 'libraryNotices',
  library_notice: 'libraryNotices',
  pref_first_name: 'prefFirstName',
  pref_middle_name: 'prefMiddleName',
  pref_last_name: 'prefLastName',
};

/** Reads `override=user_group,job_category` into our field names; unknown names are refused. */
export function parseOverride(override: string | undefined): Set<ProtectedExternalField> {
  const names = (override ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !Object.hasOwn(overrideNames, n.toLowerCase()));
  if (unknown.length)
    throw ValidationError.of(
      'override',
      `not protected fields: ${unknown.join(', ')} (known: ${Object.keys(overrideNames).join(', ')})`,
    );
  return new Set(names.map((n) => overrideNames[n.toLowerCase()] as ProtectedExternalField));
}

/**
 * PUT's "swap all": the incoming record replaces the user, lists included, except that no roles keeps
 * the roles, account type and owner stay unless given, and on an external user each protected field keeps
 * its value unless `override` names it (a named one is kept by the next SIS synchronisation).
 */
export function almaUpdateInput(
  existing: UserDto,
  incoming: CreateUserInput,
  document: Readonly<Record<string, unknown>>,
  override: ReadonlySet<ProtectedExternalField>,
): UpdateUserInput {
  const fields: Record<string, unknown> = { ...incoming };
  if (!incoming.roles?.length) {
    fields['roles'] = existing.roles.map(({ role, scope, status, expiryDate }) => ({
      role,
      scope,
      status,
      expiryDate,
    }));
  }
  if (!('account_type' in document)) fields['accountType'] = existing.accountType;
  if (!('external_id' in document)) fields['externalId'] = existing.externalId;

  const keepOnSync: Record<string, boolean> = {};
  if (existing.accountType === 'EXTERNAL') {
    for (const field of protectedExternalFields) {
      if (override.has(field)) keepOnSync[field] = true;
      else if (field === 'pinNumber') delete fields['pinNumber'];
      else fields[field] = existing[field];
    }
  }
  return { ...(fields as CreateUserInput), id: existing.id, openForUpdate: true, keepOnSync, confirmDuplicate: true };
}
