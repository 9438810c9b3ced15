import { type EnabledExtensions, type ModuleService, NotFoundError } from '@ulms/platform';
import { type LetterType, lettersExtensionPoints } from '../contracts/letter-type.js';

/** The letter types that apply in an institution: their plugin's enabled, and the module they need too. */
export interface LetterTypeRegistry {
  list(institutionId: string): Promise<readonly LetterType[]>;
  /** The letter type, or a NotFoundError naming it when it is unknown or does not apply here. */
  get(institutionId: string, letterTypeId: string): Promise<LetterType>;
}

export function createLetterTypeRegistry(deps: {
  extensions: EnabledExtensions;
  modules: ModuleService;
}): LetterTypeRegistry {
  const registry: LetterTypeRegistry = {
    async list(institutionId) {
      const types = await deps.extensions.for(lettersExtensionPoints.letterTypes, institutionId);
      const applies = await Promise.all(
        types.map((t) => (t.requiresModule ? deps.modules.isEnabled(institutionId, t.requiresModule) : true)),
      );
      return types.filter((_, i) => applies[i]);
    },
    async get(institutionId, letterTypeId) {
      const type = (await registry.list(institutionId)).find((t) => t.id === letterTypeId);
      if (!type) throw new NotFoundError(`letter type "${letterTypeId}"`);
      return type;
    },
  };
  return registry;
}
