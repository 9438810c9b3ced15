import { z } from 'zod';

/** The id institutions enable this plugin by. */
export const campusCardModule = 'campus-card';

/** What this plugin lets staff do, by permission name (`<plugin>.<resource>.<action>`). */
export const campusCardPermissions = {
  cardRead: 'campus-card.card.read',
} as const;

/** Per-institution configuration, edited on the Modules page; the defaults fill what an institution leaves out. */
export const campusCardConfig = z.object({
  /** The identifier type that holds the campus card number. */
  identifierType: z.string().min(1).default('BARCODE'),
});
export type CampusCardConfig = z.output<typeof campusCardConfig>;

export const campusCardInput = z.object({ userId: z.uuid() });

/** A user's campus card as the User Details tab shows it. */
export interface CampusCard {
  readonly identifierType: string;
  /** The active card number, or null when the user has none. */
  readonly number: string | null;
  /** Other card numbers the user held, now inactive. */
  readonly inactive: readonly string[];
}
