import { SIS_MODULE, sisPermissions } from '@ulms/sis/contracts';
import { defineAdminPlugin } from '@ulms/ui';
import { SisRunReport } from './jobs/sis-run-report.js';
import { SisProfilesPage } from './profiles/sis-profiles.page.js';
import { sisProfilesPath, sisProfilesSearch } from './profiles/sis-profiles.search.js';
import { SisRunPage } from './run/sis-run.page.js';
import { SisRunsPage } from './runs/sis-runs.page.js';

/** The SIS module's admin screens: the runs with their reports and dry-run differences, and the integration profiles. */
export const sisAdminPlugin = defineAdminPlugin({
  moduleId: SIS_MODULE,
  title: 'SIS synchronisation',
  routes: [
    { path: '/sis/runs', label: 'SIS runs', permission: sisPermissions.runRead, component: SisRunsPage },
    {
      path: '/sis/runs/$runId',
      label: 'SIS run',
      permission: sisPermissions.runRead,
      hiddenFromNav: true,
      component: SisRunPage,
    },
  ],
  configurationPages: [
    {
      path: sisProfilesPath,
      label: 'SIS integration profiles',
      permission: sisPermissions.profileRead,
      component: SisProfilesPage,
      validateSearch: sisProfilesSearch,
    },
  ],
  jobReports: { 'sis.run': (report) => <SisRunReport report={report} /> },
});
