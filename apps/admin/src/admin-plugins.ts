import { blocksAdminPlugin } from '@ulms/blocks/admin';
import { coursesAdminPlugin } from '@ulms/courses/admin';
import { finesAdminPlugin } from '@ulms/fines/admin';
import { proxiesAdminPlugin } from '@ulms/proxies/admin';
import { lettersAdminPlugin } from '@ulms/letters/admin';
import { sisAdminPlugin } from '@ulms/sis/admin';
import { authPermissions, platformPermissions } from '@ulms/platform/contracts';
import { type AdminPlugin, defineAdminPlugin } from '@ulms/ui';
import { usersAdminPlugin } from '@ulms/users/admin';
import { createElement, useMemo } from 'react';
import { ApiKeysPage } from './api-keys/api-keys.page.js';
import { JobsPage, jobsPath, jobsSearch } from './jobs/jobs.page.js';
import { ModulesPage } from './modules/modules.page.js';
import { jobContributionsFor } from './navigation/navigation.js';
import { useSessionInfo } from './session/session-context.js';

/** The Jobs page with the report views and actions of the enabled modules the staff member may use. */
function JobsRoute() {
  const session = useSessionInfo();
  const contributions = useMemo(() => jobContributionsFor(adminPlugins, session), [session]);
  return createElement(JobsPage, contributions);
}

/** The kernel's screens: modules and jobs. */
const platformAdminPlugin = defineAdminPlugin({
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
});

/** The auth module's screens. */
const authAdminPlugin = defineAdminPlugin({
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
});

/**
 * Institution plugins, found by folder: every `plugins/<name>/src/admin/index.ts` exporting `adminPlugin`.
 * Without such folders the glob is empty.
 */
const institutionModules = import.meta.glob<{ readonly adminPlugin?: AdminPlugin }>(
  '../../../plugins/*/src/admin/index.ts',
  { eager: true },
);

const institutionPlugins = Object.entries(institutionModules)
  .sort(([a], [b]) => a.localeCompare(b))
  .flatMap(([, module]) => (module.adminPlugin ? [module.adminPlugin] : []));

/**
 * Every admin plugin the app carries, in navigation order: the shipped modules' then the institutions'. Each
 * shows only where the server reports its module enabled for the staff member's institution and, entry by
 * entry, to holders of the permission.
 */
export const adminPlugins: readonly AdminPlugin[] = [
  usersAdminPlugin,
  finesAdminPlugin,
  blocksAdminPlugin,
  proxiesAdminPlugin,
  lettersAdminPlugin,
  sisAdminPlugin,
  coursesAdminPlugin,
  platformAdminPlugin,
  authAdminPlugin,
  ...institutionPlugins,
];
