import { z } from 'zod';

export const lettersConfigurationPath = '/letters/configuration';

/** The letter type and language being edited, in the address: Back, links and the unsaved-changes guard see them. */
export const lettersConfigurationSearch = z.object({
  type: z.string().optional().catch(undefined),
  language: z.string().optional().catch(undefined),
});

/** Link options to the editor of one letter type's wording in one language, or to the list without them. */
export function wordingLink(type?: string, language?: string) {
  return { to: lettersConfigurationPath, search: type ? { type, language } : {} };
}
