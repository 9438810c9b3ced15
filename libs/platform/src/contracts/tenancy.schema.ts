import { z } from 'zod';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const currencies = new Set(Intl.supportedValuesOf('currency'));

export const institutionCode = z.string().regex(/^[A-Za-z0-9_]{2,40}$/, 'use 2 to 40 letters, digits or underscores');
export const libraryCode = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'use 1 to 40 letters, digits, dots, underscores or hyphens');

/** What an institution is created with; the defaults suit a library that has not decided yet. */
export const createInstitutionInput = z.object({
  code: institutionCode,
  name: z.string().trim().min(1, 'is required').max(200),
  timeZone: z.string().refine(isTimeZone, 'is not an IANA time zone such as Europe/Oslo').default('UTC'),
  defaultCurrency: z
    .string()
    .refine((c) => currencies.has(c), 'is not an ISO 4217 currency code such as USD')
    .default('USD'),
  defaultLanguage: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a language tag such as en or nb-NO')
    .default('en'),
  libraryIndependence: z.boolean().default(false),
});
export type CreateInstitutionInput = z.input<typeof createInstitutionInput>;

export const updateInstitutionInput = createInstitutionInput.omit({ code: true }).partial();
export type UpdateInstitutionInput = z.input<typeof updateInstitutionInput>;

export const createLibraryInput = z.object({
  code: libraryCode,
  name: z.string().trim().min(1, 'is required').max(200),
});
export type CreateLibraryInput = z.input<typeof createLibraryInput>;

export const moduleIdInput = z.object({ moduleId: z.string().min(1) });
export const enableModuleInput = moduleIdInput.extend({ config: z.unknown().optional() });
export const configureModuleInput = moduleIdInput.extend({ config: z.unknown() });

/** A module as an administrator sees it for their institution. */
export interface ModuleStatus {
  readonly id: string;
  readonly title: string;
  readonly core: boolean;
  readonly dependsOn: readonly string[];
  readonly enabled: boolean;
  readonly config: unknown;
  /** JSON Schema of the configuration, from which the admin app builds its form. */
  readonly configJsonSchema: unknown;
}
