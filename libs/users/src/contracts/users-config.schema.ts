import { builtInRoleCodes } from '@ulms/platform/contracts';
import { z } from 'zod';
import { linearPattern } from './linear-pattern.js';

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
      STAFF: mandatoryFields.default([
        'primaryId',
        'firstName',
        'lastName',
        'userGroup',
      ]),
      PUBLIC: mandatoryFields.default([
        'primaryId',
        'firstName',
        'lastName',
        'userGroup',
      ]),
      CONTACT: mandatoryFields.default(['primaryId', 'lastName']),
    })
    .default({
      STAFF: ['primaryId', 'firstName', 'lastName', 'userGroup'],
      PUBLIC: ['primaryId', 'firstName', 'lastName', 'userGroup'],
      CONTACT: ['primaryId', 'lastName'],
    }),
  primaryIdentifierRegex: regex,
  emailRegex: regex.default('^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
  phoneRegex: regex,
  postalCodeRegex: regex,
  addressLine1Regex: regex,
  addressLine2Regex: regex,
  addressLine3Regex: regex,
  addressLine4Regex: regex,
  addressLine5Regex: regex,
  pinNumberMethod: z.enum(['none', 'fourDigit']).default('none'),
  userIdGeneration: z
    .object({
      enabled: z
        .boolean()
        .default(false)
        .meta({ title: 'Generate user IDs', description: 'New users left without a primary identifier get the next one.' }),
      generator: z.string().default('prefix-sequence'),
      prefix: z
        .string()
        .max(20)
        .default('')
        .meta({ title: 'Prefix', description: 'Put before the number, e.g. LIB.' }),
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
  recordLastPatronActivity: z.boolean().default(false),
  photoServerUrl: z
    .url()
    .refine((u) => u.startsWith('https://'), 'must use HTTPS')
    .refine((u) => u.endsWith('/'), 'must end with a forward slash (/)')
    .optional(),
  /** USERNAME (the primary identifier) or an identifier type code. */
  photoIdentifierType: z.string().default('USERNAME'),
  photoSuffix: z
    .string()
    .regex(/^[A-Za-z0-9]{1,10}$/, 'is a file suffix such as png')
    .default('jpg'),
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
        .default([
          'application/pdf',
          'image/png',
          'image/jpeg',
          'image/gif',
          'text/plain',
          'application/zip',
        ]),
    })
    .default({
      storage: 'local-folder',
      maxSizeBytes: 5 * 1024 * 1024,
      allowedTypes: [
        'application/pdf',
        'image/png',
        'image/jpeg',
        'image/gif',
        'text/plain',
        'application/zip',
      ],
    }),
  roleAssignmentRules: z
    .array(
      z.object({
        jobCategory: z.string().optional(),
        userGroup: z.string().optional(),
        roles: z
          .array(z.enum(builtInRoleCodes as [string, ...string[]]))
          .min(1),
      }),
    )
    .default([]),
});
export type UsersConfig = z.output<typeof usersConfigSchema>;
