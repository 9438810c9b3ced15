import { shippedModules } from '@ulms/modules';
import { authPlugin, platformPlugin } from '@ulms/platform';

/** The plugins this installation runs, in any order (start-up orders them by dependsOn); an institution's own go last. */
export const installedPlugins = [platformPlugin, authPlugin, ...shippedModules] as const;
