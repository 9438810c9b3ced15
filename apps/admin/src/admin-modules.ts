import { authPermissions, platformPermissions } from '@ulms/platform/contracts';
import { createElement } from 'react';
import { ApiKeysPage } from './api-keys/api-keys.page.js';
import { ModulesPage } from './modules/modules.page.js';
import type { AdminModule } from './navigation/admin-module.js';
import { UsersPlaceholderPage } from './users/users-placeholder.page.js';

/** The screens each module contributes; the navigation shows those of enabled modules the caller may use. */
export const adminModules: readonly AdminModule[] = [
  {
    moduleId: 'users',
    title: 'Users',
    routes: [
      {
        path: '/users',
        label: 'Find and Manage Users',
        permission: 'users.user.read',
        render: () => createElement(UsersPlaceholderPage),
      },
    ],
  },
  {
    moduleId: 'platform',
    title: 'Administration',
    routes: [
      {
        path: '/modules',
        label: 'Modules',
        permission: platformPermissions.moduleRead,
        render: () => createElement(ModulesPage),
      },
    ],
  },
  {
    moduleId: 'auth',
    title: 'Access',
    routes: [
      {
        path: '/api-keys',
        label: 'API keys',
        permission: authPermissions.apiKeyManage,
        render: () => createElement(ApiKeysPage),
      },
    ],
  },
];
