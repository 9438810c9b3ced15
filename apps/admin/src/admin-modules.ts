import { authPermissions, platformPermissions } from '@ulms/platform/contracts';
import {
  addUserSearch,
  BulkEditJobReport,
  PurgeJobReport,
  PurgeUsersButton,
  QuickAddUserPage,
  UserDetailsPage,
  UsersAdminContext,
  UsersConfigurationPage,
  userDetailsSearch,
  UsersPage,
  usersPaths,
  usersSearch,
} from '@ulms/users/admin';
import { usersPermissions } from '@ulms/users/contracts';
import { useParams } from '@tanstack/react-router';
import { type ComponentType, createElement, type ReactNode, useMemo } from 'react';
import { ApiKeysPage } from './api-keys/api-keys.page.js';
import { JobsPage, jobsPath, jobsSearch } from './jobs/jobs.page.js';
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

/** A users screen as a route component, inside the users module's host. */
const inUsersModule = (Page: ComponentType) =>
  function UsersModuleRoute() {
    return createElement(UsersModuleHost, null, createElement(Page));
  };

/** User Details of the user in the path; keyed by id, so moving to another user starts afresh. */
function UserDetailsRoute() {
  const { id = '' } = useParams({ strict: false });
  return createElement(UserDetailsPage, { key: id, id });
}

const PurgeUsersAction = inUsersModule(PurgeUsersButton);

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
        component: inUsersModule(UsersPage),
        validateSearch: usersSearch,
      },
      {
        path: usersPaths.add,
        label: 'Add user',
        permission: usersPermissions.userCreate,
        hiddenFromNav: true,
        component: inUsersModule(QuickAddUserPage),
        validateSearch: addUserSearch,
      },
      {
        path: usersPaths.configuration,
        label: 'User configuration',
        permission: usersPermissions.configRead,
        component: inUsersModule(UsersConfigurationPage),
      },
      {
        path: usersPaths.details,
        label: 'User details',
        permission: usersPermissions.userRead,
        hiddenFromNav: true,
        component: inUsersModule(UserDetailsRoute),
        validateSearch: userDetailsSearch,
      },
    ],
    jobReports: {
      'users.purge': (report) => createElement(PurgeJobReport, { report }),
      'users.bulkEdit': (report) => createElement(BulkEditJobReport, { report }),
    },
    jobActions: [{ permission: usersPermissions.userDelete, render: () => createElement(PurgeUsersAction) }],
  },
  {
    moduleId: 'platform',
    title: 'Administration',
    routes: [
      {
        path: '/modules',
        label: 'Modules',
        permission: platformPermissions.moduleRead,
        component: ModulesPage,
      },
      {
        path: jobsPath,
        label: 'Jobs',
        // Everyone who may start a job sees the ones they started; the Jobs permission shows every job.
        permission: platformPermissions.jobOwnRead,
        component: JobsRoute,
        validateSearch: jobsSearch,
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
        component: ApiKeysPage,
      },
    ],
  },
];
