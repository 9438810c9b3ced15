import { shippedModules } from '@ulms/modules';
import { authPlugin, platformPlugin } from '@ulms/platform';
import { campusCardPlugin } from '@ulms/campus-card';
import { studentRulesPlugin } from '@ulms/student-rules';

/** The plugins this installation runs, in any order (start-up orders them by dependsOn); an institution's own go last. */
export const installedPlugins = [
  platformPlugin,
  authPlugin,
  ...shippedModules,
  campusCardPlugin,
  studentRulesPlugin,
] as const;
