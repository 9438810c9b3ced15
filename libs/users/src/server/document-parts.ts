import { contributorOf, type ModuleService } from '@ulms/platform';
import type { UserDocumentPart } from '../contracts/users-extension-points.js';

/** The parts of the Alma user document that plugins enabled for an institution contribute. */
export type DocumentParts = (institutionId: string) => Promise<UserDocumentPart[]>;

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
