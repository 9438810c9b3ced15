import { definePlugin, pluginConfigRef } from '@ulms/platform';
import { usersExtensionPoints } from '@ulms/users/contracts';
import {
  type StudentRulesConfig,
  studentRulesConfig,
  studentRulesModule,
  studentRulesPermissions,
} from '../contracts/index.js';
import { studentRecordValidator } from './student-record.validator.js';
import { studentRulesRouter } from './student-rules.router.js';

export const studentRulesPlugin = definePlugin({
  id: studentRulesModule,
  title: 'Student record rules',
  dependsOn: ['users'],
  configSchema: studentRulesConfig,
  permissions: {
    [studentRulesPermissions.settingsRead]: {
      description: "See this institution's student rules settings",
      roles: ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR', 'USER_MANAGER'],
    },
  },
  router: studentRulesRouter,
  register(env) {
    env.contributeWith(usersExtensionPoints.validators, {
      deps: { config: pluginConfigRef<StudentRulesConfig>() },
      factory: ({ config }) => studentRecordValidator(config),
    });
  },
});
