import { contributorOf, type ModuleService } from '@ulms/platform';
import type { DocumentParts } from '../contracts/users-services.js';
import type { UserDocumentPart } from '../contracts/users-extension-points.js';

// Moved to the contracts; kept here for those who import it from here.
export type { DocumentParts } from '../contracts/users-services.js';

export function createDocumentParts(deps: {
  modules: ModuleService;
  contributed: readonly UserDocumentPart[];
}): DocumentParts {
  return async (institutionId) => {
    const enabled = await Promise.all(
      deps.contributed.map((part) => deps.modules.isEnabled(institutionId, contributorOf(part) ?? '')),
    );
    return deps.contributed.filter((_, index) => enabled[index]);
  };
}
