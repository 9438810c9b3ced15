import { z } from 'zod';

/** The id institutions enable this plugin by. */
export const campusCardModule = 'campus-card';

/** What this plugin lets staff do, by permission name (`<plugin>.<resource>.<action>`). */
export const campusCardPermissions = {
  settingsRead: 'campus-card.settings.read',
} as const;

/** Per-institution configuration, edited on the Modules page; the defaults fill what an institution leaves out. */
export const campusCardConfig = z.object({
  minimumLastNameLength: z.number().int().min(1).max(50).default(2),
});
export type CampusCardConfig = z.output<typeof campusCardConfig>;
