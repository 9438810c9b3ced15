import type { PluginConfig } from '@ulms/platform';
import type { UserDto, UserService } from '@ulms/users/contracts';
import type { CampusCard, CampusCardConfig } from '../contracts/index.js';

/** The campus card of one user, read from the identifiers the users module keeps. */
export function campusCardOf(user: UserDto, identifierType: string): CampusCard {
  const cards = user.identifiers.filter((identifier) => identifier.idType === identifierType);
  return {
    identifierType,
    number: cards.find((card) => card.status === 'ACTIVE')?.value ?? null,
    inactive: cards.filter((card) => card.status !== 'ACTIVE').map((card) => card.value),
  };
}

/** Reads campus cards through the users module's service (never its tables). */
export function campusCardReader(deps: { users: UserService; config: PluginConfig<CampusCardConfig> }) {
  return {
    async card(institutionId: string, userId: string): Promise<CampusCard> {
      const { identifierType } = await deps.config.for(institutionId);
      return campusCardOf(await deps.users.get(institutionId, userId), identifierType);
    },
    async numbers(institutionId: string, userIds: readonly string[]): Promise<Map<string, string | null>> {
      const { identifierType } = await deps.config.for(institutionId);
      const users = await deps.users.getMany(institutionId, userIds);
      return new Map(users.map((user) => [user.id, campusCardOf(user, identifierType).number]));
    },
  };
}
export type CampusCardReader = ReturnType<typeof campusCardReader>;
