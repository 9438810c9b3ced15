import { definePlugin, pluginConfigRef } from '@ulms/platform';
import { usersExtensionPoints } from '@ulms/users/contracts';
import {
  type CampusCardConfig,
  campusCardConfig,
  campusCardModule,
  campusCardPermissions,
} from '../contracts/index.js';
import { lastNameLengthValidator } from './last-name-length.validator.js';
import { campusCardRouter } from './campus-card.router.js';

export const campusCardPlugin = definePlugin({
  id: campusCardModule,
  title: 'Campus card',
  dependsOn: ['users'],
  configSchema: campusCardConfig,
  permissions: {
    [campusCardPermissions.settingsRead]: {
      description: "See this institution's campus card settings",
      roles: ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR', 'USER_MANAGER'],
    },
  },
  router: campusCardRouter,
  register(env) {
    env.contributeWith(usersExtensionPoints.validators, {
      deps: { config: pluginConfigRef<CampusCardConfig>() },
      factory: ({ config }) => lastNameLengthValidator(config),
    });
  },
});
