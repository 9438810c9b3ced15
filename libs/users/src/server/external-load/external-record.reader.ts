import type { FieldError } from '@ulms/platform/contracts';
import type { ExternalLoadOptions } from '../../contracts/external-user-load.js';
import {
  type NoteFields,
  noteFieldsInput,
  type StatisticFields,
  statisticFieldsInput,
} from '../../contracts/user-parts.schema.js';
import { createUserInput, type UserFields } from '../../contracts/user.schema.js';
import { almaUserToFields } from '../alma/alma-user.mapper.js';

type ParsedNote = ReturnType<typeof noteFieldsInput.parse>;
type ParsedStatistic = ReturnType<typeof statisticFieldsInput.parse>;

/** A SIS record read into a user's fields, with its external notes and statistics; or why it cannot be. */
export type ReadRecord =
  | {
      readonly fields: UserFields & { primaryId: string };
      readonly notes: ParsedNote[];
      readonly statistics: ParsedStatistic[];
      /** Other modules' segmented parts the record carries (`user_block`), as the document has them. */
      readonly parts: { readonly field: string; readonly value: unknown }[];
      readonly errors?: undefined;
    }
  | { readonly errors: FieldError[]; readonly primaryId: string | null };

const issuesOf = (prefix: string, issues: readonly { path: PropertyKey[]; message: string }[]): FieldError[] =>
  issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));

/** Other modules' parts of the record that have External and Internal entries, as blocks do: the SIS loads them. */
export const SEGMENTED_PARTS: ReadonlySet<string> = new Set(['user_block']);

/** Fields a SIS record must not carry: roles are the institution's, other modules' parts are not loaded. */
const NOT_LOADED: Readonly<Record<string, string>> = {
  user_role: 'roles are not loaded from the SIS: the role assignment rules give new users theirs',
  password: 'is not kept for users who sign in through the institution',
};

/** Reads an Alma user document as the profile loads it: its record type, external, owned by the profile. */
export function readExternalRecord(document: Record<string, unknown>, options: ExternalLoadOptions): ReadRecord {
  const primaryId = typeof document['primary_id'] === 'string' ? document['primary_id'].trim() || null : null;
  const errors: FieldError[] = [];
  for (const [field, message] of Object.entries(NOT_LOADED)) {
    if (document[field] !== undefined && document[field] !== null && document[field] !== '')
      errors.push({ field, message });
  }
  const accountType = document['account_type'];
  const accountCode =
    typeof accountType === 'object' && accountType ? (accountType as { value?: unknown }).value : accountType;
  if (typeof accountCode === 'string' && accountCode.toUpperCase() === 'INTERNAL')
    errors.push({ field: 'account_type', message: 'User is not external' });
  const { user_role: _roles, password: _password, ...rest } = document;
  let mapped;
  try {
    mapped = almaUserToFields(rest);
  } catch (error) {
    return { errors: [...errors, { field: 'user', message: (error as Error).message }], primaryId };
  }
  errors.push(...mapped.errors);
  for (const field of mapped.unmapped) errors.push({ field, message: 'is not a field of the Alma user record' });
  for (const { field } of mapped.foreign.filter((f) => !SEGMENTED_PARTS.has(f.field)))
    errors.push({ field, message: 'is not loaded from the SIS' });
  if (!primaryId) errors.push({ field: 'primary_id', message: 'is required' });

  const d = options.defaults;
  const external = <T extends object>(list: readonly T[] | undefined) =>
    (list ?? []).map((item) => ({ ...item, segmentType: 'EXTERNAL' }));
  const parsed = createUserInput.safeParse({
    ...mapped.fields,
    identifiers: external(mapped.fields.identifiers),
    emails: external(mapped.fields.emails),
    addresses: external(mapped.fields.addresses),
    phones: external(mapped.fields.phones),
    recordType: options.recordType,
    accountType: 'EXTERNAL',
    externalId: options.owner,
    userGroup: mapped.fields.userGroup ?? d.userGroup ?? null,
    campusCode: mapped.fields.campusCode ?? d.campusCode ?? null,
    preferredLanguage: mapped.fields.preferredLanguage ?? d.preferredLanguage ?? null,
    jobCategory: mapped.fields.jobCategory ?? d.jobCategory ?? null,
    expiryDate: mapped.fields.expiryDate ?? d.expiryDate ?? null,
    purgeDate: mapped.fields.purgeDate ?? d.purgeDate ?? null,
    roles: [],
  });
  if (!parsed.success) errors.push(...issuesOf('', parsed.error.issues));
  const notes = parseParts<NoteFields, ParsedNote>(mapped.notes, 'user_note', noteFieldsInput, errors);
  const statistics = parseParts<StatisticFields, ParsedStatistic>(
    mapped.statistics,
    'user_statistic',
    statisticFieldsInput,
    errors,
  );
  if (errors.length > 0 || !parsed.success || !primaryId) return { errors, primaryId };
  return {
    fields: { ...parsed.data, primaryId },
    notes,
    statistics,
    parts: mapped.foreign.filter((f) => SEGMENTED_PARTS.has(f.field)),
  };
}

function parseParts<I, O>(
  list: readonly I[] | undefined,
  name: string,
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: O } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  errors: FieldError[],
): O[] {
  return (list ?? []).flatMap((item, index) => {
    const result = schema.safeParse({ ...item, segmentType: 'EXTERNAL' });
    if (result.success) return [result.data];
    errors.push(...issuesOf(`${name}[${index}]`, result.error.issues));
    return [];
  });
}
