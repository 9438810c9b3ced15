import { authPlugin, platformPlugin } from '@ulms/platform';
import { usersPlugin } from '@ulms/users';

/** The plugins this installation runs, in any order (start-up orders them by dependsOn). */
export const installedPlugins = [platformPlugin, authPlugin, usersPlugin] as const;
