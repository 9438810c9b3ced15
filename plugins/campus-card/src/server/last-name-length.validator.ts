import type { PluginConfig } from '@ulms/platform';
import type { UserValidator } from '@ulms/users/contracts';
import type { CampusCardConfig } from '../contracts/index.js';

/** Refuses a last name shorter than the institution's `minimumLastNameLength`. */
export function lastNameLengthValidator(config: PluginConfig<CampusCardConfig>): UserValidator {
  return {
    id: 'campus-card.last-name-length',
    async validate(user, { institutionId }) {
      const { minimumLastNameLength } = await config.for(institutionId);
      const lastName = user.lastName ?? '';
      return lastName.length < minimumLastNameLength
        ? [{ field: 'lastName', message: `must have at least ${minimumLastNameLength} characters` }]
        : [];
    },
  };
}
