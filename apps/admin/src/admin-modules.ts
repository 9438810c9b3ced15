import { authPermissions, platformPermissions } from '@ulms/platform/contracts';
import {
  BulkEditJobReport,
  PurgeJobReport,
  PurgeUsersButton,
  QuickAddUserPage,
  UserDetailsPage,
  UsersAdminContext,
  UsersConfigurationPage,
  UsersPage,
  usersPaths,
} from '@ulms/users/admin';
import { usersPermissions } from '@ulms/users/contracts';
import { createElement, type ReactNode, useMemo } from 'react';
import { ApiKeysPage } from './api-keys/api-keys.page.js';
import { JobsPage, jobsPath } from './jobs/jobs.page.js';
import { ModulesPage } from './modules/modules.page.js';
import type { AdminModule } from './navigation/admin-module.js';
import { jobContributionsFor } from './navigation/navigation.js';
import { useSessionInfo } from './session/session-context.js';
import { useTRPC } from './trpc/trpc.js';

/** Hands the users module's screens the app's tRPC proxy and the staff member's permissions. */
function UsersModuleHost({ children }: { readonly children: ReactNode }) {
  const trpc = useTRPC();
  const { permissions } = useSessionInfo();
  const environment = useMemo(() => ({ trpc, permissions }), [trpc, permissions]);
  return createElement(UsersAdminContext.Provider, { value: environment }, children);
}

const inUsersModule = (element: ReactNode) => createElement(UsersModuleHost, null, element);

/** The Jobs page with the report views and actions of the enabled modules the staff member may use. */
function JobsRoute() {
  const session = useSessionInfo();
  const contributions = useMemo(() => jobContributionsFor(adminModules, session), [session]);
  return createElement(JobsPage, contributions);
}

/** The screens each module contributes; the navigation shows those of enabled modules the caller may use. */
export const adminModules: readonly AdminModule[] = [
  {
    moduleId: 'users',
    title: 'Users',
    routes: [
      {
        path: usersPaths.find,
        label: 'Find and Manage Users',
        permission: usersPermissions.userRead,
        render: () => inUsersModule(createElement(UsersPage)),
      },
      {
        path: usersPaths.add,
        label: 'Add user',
        permission: usersPermissions.userCreate,
        hiddenFromNav: true,
        render: () => inUsersModule(createElement(QuickAddUserPage)),
      },
      {
        path: usersPaths.configuration,
        label: 'User configuration',
        permission: usersPermissions.configRead,
        render: () => inUsersModule(createElement(UsersConfigurationPage)),
      },
      {
        path: usersPaths.details,
        label: 'User details',
        permission: usersPermissions.userRead,
        hiddenFromNav: true,
        render: ({ id = '' }) => inUsersModule(createElement(UserDetailsPage, { key: id, id })),
      },
    ],
    jobReports: {
      'users.purge': (report) => createElement(PurgeJobReport, { report }),
      'users.bulkEdit': (report) => createElement(BulkEditJobReport, { report }),
    },
    jobActions: [{ permission: usersPermissions.userDelete, render: () => inUsersModule(createElement(PurgeUsersButton)) }],
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
      {
        path: jobsPath,
        label: 'Jobs',
        permission: platformPermissions.jobRead,
        render: () => createElement(JobsRoute),
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
