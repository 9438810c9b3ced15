import { protectedExternalFields } from '@ulms/users/contracts';
import { z } from 'zod';

const code = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(50, 'must be at most 50 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may hold letters, digits, - and _ only');

const optionalCode = z.string().trim().max(50).nullish();

/** One CSV column and the Alma user field it fills (`primary_id`, `contact_info.email.email_address`, …). */
export const csvColumnMapping = z
  .object({
    column: z.string().trim().min(1, 'is required').max(200),
    field: z.string().trim().min(1, 'is required').max(200),
  })
  .strict();
export type CsvColumnMapping = z.output<typeof csvColumnMapping>;

/** Values a record gets where the file leaves the field empty. */
export const sisProfileDefaults = z
  .object({
    userGroup: optionalCode,
    campusCode: optionalCode,
    preferredLanguage: optionalCode,
    jobCategory: optionalCode,
    /** Days from the load to the expiry date of a user whose record has none. */
    expiryDays: z.number().int().min(1, 'must be at least 1').max(36_500, 'must be at most 36500').nullish(),
    /** Days from the load to the purge date of a user whose record has none. */
    purgeDays: z.number().int().min(1, 'must be at least 1').max(36_500, 'must be at most 36500').nullish(),
  })
  .strict();
export type SisProfileDefaults = z.output<typeof sisProfileDefaults>;

/** What a full load does with the profile's users its file no longer holds. */
export const missingUsersPolicy = z
  .object({
    action: z.enum(['NOTHING', 'DEACTIVATE', 'EXPIRE']).default('NOTHING'),
    /** For EXPIRE: the expiry date becomes the load's date plus this many days. */
    expireAfterDays: z.number().int().min(0, 'must be 0 or more').max(36_500, 'must be at most 36500').default(0),
    /** For EXPIRE: the purge date becomes the load's date plus this many days (none when left empty). */
    purgeAfterDays: z.number().int().min(0, 'must be 0 or more').max(36_500, 'must be at most 36500').nullish(),
  })
  .strict();
export type MissingUsersPolicy = z.output<typeof missingUsersPolicy>;

/** An integration profile: what a SIS file holds and how it is merged into the institution's users. */
export const sisProfileSettings = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    /** A `sis.formats` contribution: `sis.xml`, `sis.csv`, `sis.json`, or an institution plugin's. */
    format: z.string().trim().min(1, 'is required').max(100),
    recordType: z.enum(['PUBLIC', 'STAFF']).default('PUBLIC'),
    /** Match incoming users on their primary identifier, or on an identifier of this type. */
    matchBy: z.enum(['PRIMARY_ID', 'IDENTIFIER']).default('PRIMARY_ID'),
    matchIdType: optionalCode,
    /** IMPORT creates new users only; SYNCHRONIZE updates the matched ones and adds the new ones. */
    mode: z.enum(['IMPORT', 'SYNCHRONIZE']).default('SYNCHRONIZE'),
    defaults: sisProfileDefaults.default({}),
    missingUsers: missingUsersPolicy.default({ action: 'NOTHING', expireAfterDays: 0 }),
    /** Protected fields the file's value replaces even where staff changed them locally. */
    overwriteProtected: z.array(z.enum(protectedExternalFields)).max(protectedExternalFields.length).default([]),
    csvMapping: z.array(csvColumnMapping).max(200).default([]),
    csvDelimiter: z.enum([',', ';', '\t', '|']).default(','),
    /** Files dropped in the profile's inbox folder are loaded (synchronize, full load) by the watcher. */
    watchFolder: z.boolean().default(false),
  })
  .strict()
  .superRefine((profile, ctx) => {
    if (profile.matchBy === 'IDENTIFIER' && !profile.matchIdType)
      ctx.addIssue({ code: 'custom', path: ['matchIdType'], message: 'is required when matching on an identifier' });
    const columns = new Set<string>();
    profile.csvMapping.forEach((m, index) => {
      if (columns.has(m.column))
        ctx.addIssue({ code: 'custom', path: ['csvMapping', index, 'column'], message: 'is mapped twice' });
      columns.add(m.column);
    });
  });
export type SisProfileSettings = z.output<typeof sisProfileSettings>;
export type SisProfileSettingsInput = z.input<typeof sisProfileSettings>;

/** Creates a profile (no id) or saves one at the version read. */
export const saveSisProfileInput = z
  .object({
    id: z.uuid().optional(),
    version: z.number().int().min(0).optional(),
    /** The owner code of the users it loads (Alma's `external_id`): stable once users carry it. */
    code,
    settings: sisProfileSettings,
  })
  .strict();
export type SaveSisProfileInput = z.input<typeof saveSisProfileInput>;

export const sisProfileIdInput = z.object({ id: z.uuid() }).strict();
