import { builtInRoleCodes } from '@ulms/platform/contracts';
import { z } from 'zod';
import { linearPattern } from './linear-pattern.js';
import type { IdentifierFormat } from './user-field-checks.js';

const regex = z
  .string()
  .max(1000)
  .refine(
    (source) => linearPattern(source) !== null,
    'is not a regular expression that runs in linear time (RE2 syntax: no backreferences or lookaround)',
  )
  .optional();

/** Fields a registration form may require, per record type. */
export const mandatoryFieldNames = [
  'primaryId',
  'firstName',
  'lastName',
  'userGroup',
  'jobCategory',
  'userTitle',
  'birthDate',
  'expiryDate',
  'campusCode',
  'preferredLanguage',
  'email',
  'identifier',
  'address',
  'phone',
] as const;
const mandatoryFields = z.array(z.enum(mandatoryFieldNames));

/** The users module's per-institution configuration (the reference's "Other Settings" and rules). */
export const usersConfigSchema = z.object({
  registrationForm: z
    .object({
      STAFF: mandatoryFields.default(['primaryId', 'firstName', 'lastName', 'userGroup']),
      PUBLIC: mandatoryFields.default(['primaryId', 'firstName', 'lastName', 'userGroup']),
      CONTACT: mandatoryFields.default(['primaryId', 'lastName']),
    })
    .default({
      STAFF: ['primaryId', 'firstName', 'lastName', 'userGroup'],
      PUBLIC: ['primaryId', 'firstName', 'lastName', 'userGroup'],
      CONTACT: ['primaryId', 'lastName'],
    }),
  primaryIdentifierRegex: regex.meta({
    title: 'Primary identifier format',
    description: 'A regular expression new primary identifiers must match; empty: any.',
  }),
  emailRegex: regex
    .default('^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$')
    .meta({ title: 'Email address format', description: 'A regular expression email addresses must match.' }),
  phoneRegex: regex.meta({
    title: 'Phone number format',
    description: 'A regular expression phone numbers must match; empty: any.',
  }),
  postalCodeRegex: regex.meta({
    title: 'Postal code format',
    description: 'A regular expression postal codes must match; empty: any.',
  }),
  addressLine1Regex: regex.meta({ title: 'Address line 1 format' }),
  addressLine2Regex: regex.meta({ title: 'Address line 2 format' }),
  addressLine3Regex: regex.meta({ title: 'Address line 3 format' }),
  addressLine4Regex: regex.meta({ title: 'Address line 4 format' }),
  addressLine5Regex: regex.meta({ title: 'Address line 5 format' }),
  /** Per identifier type (its code): a pattern its values must match and/or a check digit they carry. */
  identifierFormats: z
    .record(
      z.string().min(1).max(60),
      z.object({
        pattern: regex,
        checksum: z.enum(['orcid']).optional(),
      }) satisfies z.ZodType<IdentifierFormat>,
    )
    .refine((formats) => Object.keys(formats).length <= 100, 'at most 100 identifier types')
    .optional(),
  /** Identifier type codes, separated by commas, that staff may sign in with besides the primary identifier. */
  signInIdentifierTypes: z
    .string()
    .trim()
    .regex(/^([A-Za-z0-9_-]+(\s*,\s*[A-Za-z0-9_-]+)*)?$/, 'is a list of identifier type codes separated by commas')
    .default('')
    .meta({
      title: 'Sign-in identifiers',
      description:
        'Identifier types people may also sign in with, besides the primary identifier, e.g. BARCODE, UNIV_ID.',
    }),
  restrictedRoles: z.array(z.string().min(1).max(100)).max(50).default([]).meta({
    title: 'Users restricted for editing',
    description:
      'Roles that make their holder restricted: staff without the permission to handle restricted users (the reference\'s "Can\'t edit restricted users") cannot email them.',
  }),
  pinNumberMethod: z.enum(['none', 'fourDigit']).default('none').meta({
    title: 'PIN numbers',
    description: 'Four digit: staff can generate a four-digit PIN for self-check machines.',
  }),
  userIdGeneration: z
    .object({
      enabled: z.boolean().default(false).meta({
        title: 'Generate user IDs',
        description: 'New users left without a primary identifier get the next one.',
      }),
      generator: z.string().default('prefix-sequence'),
      prefix: z.string().max(20).default('').meta({ title: 'Prefix', description: 'Put before the number, e.g. LIB.' }),
      digits: z
        .number()
        .int()
        .min(1)
        .max(20)
        .default(8)
        .meta({ title: 'Digits', description: 'The number is padded with zeros to this length.' }),
    })
    .default({
      enabled: false,
      generator: 'prefix-sequence',
      prefix: '',
      digits: 8,
    }),
  /** Record the last patron activity date; switching it off deletes the dates of every user. */
  recordLastPatronActivity: z.boolean().default(false).meta({
    title: 'Record last patron activity',
    description:
      'Keep the date of each user’s last loan, renewal or visit. Switching it off deletes every user’s date.',
  }),
  photoServerUrl: z
    .url()
    .refine((u) => u.startsWith('https://'), 'must use HTTPS')
    .refine((u) => u.endsWith('/'), 'must end with a forward slash (/)')
    .optional()
    .meta({
      title: 'Photo server address',
      description: 'Where user pictures are, e.g. https://photos.example.org/users/ (HTTPS, ending in /).',
    }),
  /** USERNAME (the primary identifier) or an identifier type code. */
  photoIdentifierType: z.string().default('USERNAME').meta({
    title: 'Picture file name',
    description: 'USERNAME for the primary identifier, or an identifier type code such as BARCODE.',
  }),
  photoSuffix: z
    .string()
    .regex(/^[A-Za-z0-9]{1,10}$/, 'is a file suffix such as png')
    .default('jpg')
    .meta({ title: 'Picture file suffix', description: 'Such as jpg or png.' }),
  attachments: z
    .object({
      /** `local-folder` (under the installation's data folder) or the id of a contributed storage. */
      storage: z.string().default('local-folder'),
      maxSizeBytes: z
        .number()
        .int()
        .min(1)
        .max(100 * 1024 * 1024)
        .default(5 * 1024 * 1024),
      allowedTypes: z
        .array(z.string())
        .default(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/plain', 'application/zip']),
    })
    .default({
      storage: 'local-folder',
      maxSizeBytes: 5 * 1024 * 1024,
      allowedTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'text/plain', 'application/zip'],
    }),
  roleAssignmentRules: z
    .array(
      z.object({
        jobCategory: z.string().optional(),
        userGroup: z.string().optional(),
        roles: z.array(z.enum(builtInRoleCodes as [string, ...string[]])).min(1),
      }),
    )
    .default([]),
});
export type UsersConfig = z.output<typeof usersConfigSchema>;
