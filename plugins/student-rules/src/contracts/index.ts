import { z } from 'zod';

/** The id institutions enable this plugin by. */
export const studentRulesModule = 'student-rules';

/** What this plugin lets staff do, by permission name (`<plugin>.<resource>.<action>`). */
export const studentRulesPermissions = {
  settingsRead: 'student-rules.settings.read',
} as const;

/** Per-institution configuration, edited on the Modules page; the defaults fill what an institution leaves out. */
export const studentRulesConfig = z.object({
  /** The user groups whose members are students. */
  studentGroups: z.array(z.string().min(1)).default(['UNDERGRAD', 'GRAD']),
  /** The identifier type every student must have. */
  identifierType: z.string().min(1).default('UNIV_ID'),
  /** How far ahead a student's expiry date may be, in years. */
  maxYearsToExpiry: z.number().int().min(1).max(20).default(5),
});
export type StudentRulesConfig = z.output<typeof studentRulesConfig>;
