import { builtInRoleCodes } from '@ulms/platform/contracts';
import { z } from 'zod';
import { accountTypeCodes, genders, recordTypeCodes, segmentTypes, userStatuses } from './user-codes.js';
import { MAX_IDENTIFIER_LENGTH, normalizeIdentifier } from './identifiers.js';
import { invalidEmailMessage, isEmailAddress } from './user-field-checks.js';

/** An identifier as stored: normalised (look-alikes are the same text), then at most the maximum length. */
const identifierText = z
  .string()
  .transform(normalizeIdentifier)
  .pipe(z.string().max(MAX_IDENTIFIER_LENGTH, `must be at most ${MAX_IDENTIFIER_LENGTH} characters`));

const optionalText = (max = 255) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((v) => (v === '' ? null : v))
    .nullish();

/** A calendar date of the years 0001 to 9999 (a database date has no year 0) as YYYY-MM-DD. */
export function isRealIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const at = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(isRealIsoDate, 'is not a real date (years 0001 to 9999)');

const segmentType = z.enum(Object.keys(segmentTypes) as [string, ...string[]]).default('INTERNAL');
/** A list of a user record with a sensible maximum, so no record can grow without bound. */
const boundedList = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `at most ${max} are allowed`);

const typeList = boundedList(z.string().min(1).max(50), 20).min(1, 'choose at least one type');

export const identifierInput = z.object({
  /** The existing segment this entry keeps; omitted for a new one. */
  id: z.uuid().optional(),
  idType: z.string().min(1, 'is required'),
  value: identifierText.pipe(z.string().min(1, 'is required')),
  note: optionalText(),
  status: z.enum(['ACTIVE', 'INACTIVE']).default('ACTIVE'),
  segmentType,
});

export const emailInput = z.object({
  /** The existing segment this entry keeps; omitted for a new one. */
  id: z.uuid().optional(),
  // Checked here, beside the types, so a missing type does not hide a malformed address.
  emailAddress: z.string().trim().min(1, 'is required').max(255).refine(isEmailAddress, invalidEmailMessage),
  emailTypes: typeList,
  preferred: z.boolean().default(false),
  description: optionalText(),
  segmentType,
});

export const addressInput = z.object({
  /** The existing segment this entry keeps; omitted for a new one. */
  id: z.uuid().optional(),
  line1: optionalText(),
  line2: optionalText(),
  line3: optionalText(),
  line4: optionalText(),
  line5: optionalText(),
  city: optionalText(),
  stateProvince: optionalText(),
  postalCode: optionalText(50),
  country: optionalText(50),
  addressNote: optionalText(1000),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  addressTypes: typeList,
  preferred: z.boolean().default(false),
  segmentType,
});

export const phoneInput = z.object({
  /** The existing segment this entry keeps; omitted for a new one. */
  id: z.uuid().optional(),
  phoneNumber: z.string().trim().min(1, 'is required').max(50),
  phoneTypes: typeList,
  preferred: z.boolean().default(false),
  preferredSms: z.boolean().default(false),
  segmentType,
});

export const roleInput = z.object({
  /** The existing role this entry keeps; omitted for a new one. */
  id: z.uuid().optional(),
  role: z.enum(builtInRoleCodes as [string, ...string[]]),
  scope: z.string().nullish(),
  status: z.enum(['ACTIVE', 'INACTIVE']).default('ACTIVE'),
  expiryDate: isoDate.nullish(),
});

/** Every field of the user record that staff edit; names follow the Alma user format in camelCase. */
export const userFields = z.object({
  recordType: z.enum(recordTypeCodes as [string, ...string[]]),
  accountType: z.enum(accountTypeCodes as [string, ...string[]]).default('INTERNAL'),
  externalId: optionalText(),
  primaryId: identifierText.transform((v) => (v === '' ? null : v)).nullish(),
  userTitle: optionalText(),
  firstName: optionalText(),
  middleName: optionalText(),
  lastName: optionalText(),
  prefFirstName: optionalText(),
  prefMiddleName: optionalText(),
  prefLastName: optionalText(),
  jobCategory: optionalText(),
  jobDescription: optionalText(1000),
  gender: z.enum(Object.keys(genders) as [string, ...string[]]).nullish(),
  userGroup: optionalText(),
  campusCode: optionalText(),
  webSiteUrl: z
    .string()
    .trim()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.url('is not a web address such as https://example.org').nullable())
    .nullish(),
  preferredLanguage: optionalText(20),
  birthDate: isoDate.nullish(),
  expiryDate: isoDate.nullish(),
  purgeDate: isoDate.nullish(),
  status: z.enum(Object.keys(userStatuses) as [string, ...string[]]).default('ACTIVE'),
  rsLibraries: boundedList(z.string().min(1).max(50), 100).default([]),
  purchaseRequestLibraries: boundedList(z.string().min(1).max(50), 100).default([]),
  catalogerLevel: optionalText(20),
  libraryNotices: boundedList(z.string().min(1).max(50), 100).default([]),
  /** Four digits; omitted to keep the current PIN, null to clear it. */
  pinNumber: z
    .string()
    .regex(/^\d{4}$/, 'must be four digits')
    .nullish(),
  /** Omitted to keep the current password, null to clear it. */
  password: z.string().max(1000).nullish(),
  forcePasswordChange: z.boolean().default(false),
  identifiers: boundedList(identifierInput, 50).default([]),
  emails: boundedList(emailInput, 20).default([]),
  addresses: boundedList(addressInput, 20).default([]),
  phones: boundedList(phoneInput, 20).default([]),
  roles: boundedList(roleInput, 100).default([]),
});
export type UserFields = z.output<typeof userFields>;

export const createUserInput = userFields.extend({
  /** Generate a four-digit PIN (when the institution's pin_number_method allows it); it is returned once. */
  generatePin: z.boolean().default(false),
  /** Save even though users with the same first name, last name and birth date exist. */
  confirmDuplicate: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = createUserInput.extend({
  id: z.uuid(),
  /** The record's version as the caller read it: a save over a newer one is refused (no lost update). */
  version: z.number().int().min(0).optional(),
  /** External users: edit any field ("Open for Update"), not only the protected ones. */
  openForUpdate: z.boolean().default(false),
  /** With Open for Update: per protected field changed, whether the next SIS synchronisation keeps it. */
  keepOnSync: z.record(z.string(), z.boolean()).default({}),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const userIdInput = z.object({ id: z.uuid() });

export const searchUsersInput = z.object({
  query: z.string().trim().max(200).default(''),
  searchBy: z.enum(['name', 'primaryId', 'identifier', 'email', 'all']).default('all'),
  tab: z.enum(['ALL', ...recordTypeCodes] as [string, ...string[]]).default('ALL'),
  account: z.enum(['ALL', ...accountTypeCodes] as [string, ...string[]]).default('ALL'),
  role: z.string().nullish(),
  status: z.enum(['ALL', 'ACTIVE_NOT_EXPIRED', 'INACTIVE_OR_EXPIRED']).default('ALL'),
  sortBy: z
    .enum(['name', 'primaryId', 'recordType', 'userGroup', 'jobCategory', 'status', 'expiryDate'])
    .default('name'),
  sortDirection: z.enum(['asc', 'desc']).default('asc'),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
  /** Count every match (the REST API's total_record_count); the list stops counting at 1,000. */
  exactTotal: z.boolean().default(false),
  /**
   * The other modules' columns to fill, by id (the ones shown); every one when left out. The page still lists
   * every column, so that a list can offer the others.
   */
  columns: z.array(z.string().min(1).max(100)).max(50).optional(),
  /** Other modules' filters by id (`courses.enrolledIn`: a course code); an empty value filters nothing. */
  filters: z.record(z.string().min(1).max(100), z.string().trim().max(200)).optional(),
});
export type SearchUsersInput = z.input<typeof searchUsersInput>;

/** What one condition of a field-specific search looks at: the search's own kinds, single name parts, and the REST API's other fields. */
export const userConditionFields = [
  'name',
  'primaryId',
  'identifier',
  'email',
  'all',
  'firstName',
  'middleName',
  'lastName',
  'jobCategory',
  'phone',
  'birthDate',
  'generalInfo',
] as const;
export type UserConditionField = (typeof userConditionFields)[number];

/**
 * A search by several field conditions joined with AND, paged by offset (the REST API's `q`). An empty value
 * matches everyone; `_` in a value stands for a space (as Alma clients write it); a birthDate is YYYY-MM-DD.
 */
export const findUsersInput = z.object({
  conditions: z
    .array(
      z
        .object({
          field: z.enum(userConditionFields),
          value: z.string().trim().max(200),
        })
        .refine((c) => c.field !== 'birthDate' || c.value === '' || isRealIsoDate(c.value), {
          message: 'is not a date (YYYY-MM-DD)',
          path: ['value'],
        }),
    )
    .max(10)
    .default([]),
  orderBy: z.enum(['name', 'givenName', 'primaryId']).default('name'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(0).max(100).default(10),
});
export type FindUsersInput = z.input<typeof findUsersInput>;

export const revertOverrideInput = z.object({
  id: z.uuid(),
  field: z.string().min(1),
});

/** A change applied to every user a search finds, as a job, with the rules of a single edit. */
export const bulkEditInput = z.object({
  search: searchUsersInput.omit({
    page: true,
    pageSize: true,
    sortBy: true,
    sortDirection: true,
  }),
  changes: z
    .object({
      userGroup: z.string().min(1).optional(),
      jobCategory: z.string().min(1).optional(),
      campusCode: z.string().min(1).optional(),
      status: z.enum(['ACTIVE', 'INACTIVE']).optional(),
      expiryDate: isoDate.nullable().optional(),
      purgeDate: isoDate.nullable().optional(),
    })
    .refine((c) => Object.keys(c).length > 0, 'choose at least one change'),
});
export type BulkEditInput = z.input<typeof bulkEditInput>;

export const historyInput = z.object({
  id: z.uuid(),
  field: z.string().optional(),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200).default(50),
});
