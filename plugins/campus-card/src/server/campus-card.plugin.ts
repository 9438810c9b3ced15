import { definePlugin, pluginConfigRef } from '@ulms/platform';
import { usersExtensionPoints, usersServices } from '@ulms/users/contracts';
import {
  type CampusCardConfig,
  campusCardConfig,
  campusCardModule,
  campusCardPermissions,
} from '../contracts/index.js';
import { campusCardServices } from './campus-card-services.js';
import { campusCardReader } from './campus-card.reader.js';
import { campusCardRouter } from './campus-card.router.js';

export const campusCardPlugin = definePlugin({
  id: campusCardModule,
  title: 'Campus card',
  dependsOn: ['users'],
  configSchema: campusCardConfig,
  permissions: {
    [campusCardPermissions.cardRead]: {
      description: "See users' campus cards",
      roles: ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR', 'USER_MANAGER', 'CIRCULATION_DESK_OPERATOR'],
    },
  },
  router: campusCardRouter,
  register(env) {
    env.provideService(campusCardServices.reader, {
      deps: { users: usersServices.users, config: pluginConfigRef<CampusCardConfig>() },
      factory: campusCardReader,
    });
    env.contributeWith(usersExtensionPoints.listColumns, {
      deps: { reader: campusCardServices.reader },
      factory: ({ reader }) => ({
        id: 'campus-card',
        title: 'Campus card',
        load: (institutionId, userIds) => reader.numbers(institutionId, userIds),
      }),
    });
  },
});
