import { authPlugin, platformPlugin } from '@ulms/platform';

/** The plugins this installation runs, in any order (start-up orders them by dependsOn). */
export const installedPlugins = [platformPlugin, authPlugin] as const;
