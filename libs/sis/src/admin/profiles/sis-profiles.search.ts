import { z } from 'zod';

export const sisProfilesPath = '/sis/profiles';

/** The profile being edited (`new` for a new one), in the address: Back, links and the unsaved-changes guard see it. */
export const sisProfilesSearch = z.object({ profile: z.string().optional().catch(undefined) });

/** Link options to a profile's editor (`new` to add one), or to the list without one. */
export function profileLink(profile?: string) {
  return { to: sisProfilesPath, search: profile ? { profile } : {} };
}
