import type { EnabledExtensions } from '@ulms/platform';
import type { DocumentParts } from '../contracts/users-services.js';
import { usersExtensionPoints } from '../contracts/users-extension-points.js';

// Moved to the contracts; kept here for those who import it from here.
export type { DocumentParts } from '../contracts/users-services.js';

export function createDocumentParts(deps: { extensions: EnabledExtensions }): DocumentParts {
  return async (institutionId) => [...(await deps.extensions.for(usersExtensionPoints.documentParts, institutionId))];
}
