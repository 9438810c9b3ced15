import type { PreferenceKey } from '@ulms/platform/contracts';
import { z } from 'zod';

export const findUsersPageSizes = [10, 20, 50, 100] as const;

/** What a staff member chose on Find and Manage Users: which columns show (by column id) and the page size. */
export const findUsersPreferencesSchema = z.object({
  columnVisibility: z
    .record(z.string().min(1).max(100), z.boolean())
    .refine((columns) => Object.keys(columns).length <= 50, 'has more than 50 columns'),
  pageSize: z.union(findUsersPageSizes.map((size) => z.literal(size))),
});
export type FindUsersPreferences = z.output<typeof findUsersPreferencesSchema>;

export const findUsersPreferences: PreferenceKey<FindUsersPreferences> = {
  id: 'users.findColumns',
  schema: findUsersPreferencesSchema,
};
