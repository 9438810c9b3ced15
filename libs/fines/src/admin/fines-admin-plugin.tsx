import { FINES_MODULE, finesPermissions } from '@ulms/fines/contracts';
import { platformPermissions } from '@ulms/platform/contracts';
import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { FinesConfigurationPage } from './configuration/fines-configuration.page.js';
import { FinesTab } from './fines-tab.js';
import { holdsPatronRole } from './holds-patron-role.js';

/** The fines module's admin screens: the Fines/Fees tab of User Details, for patrons, and its configuration. */
export const finesAdminPlugin = defineAdminPlugin({
  moduleId: FINES_MODULE,
  title: 'Fines and fees',
  routes: [],
  configurationPages: [
    {
      path: '/fines/configuration',
      label: 'Fines and fees configuration',
      // The settings are the module's: those who may see the modules' settings see these.
      permission: platformPermissions.moduleRead,
      component: FinesConfigurationPage,
    },
  ],
  contributions: [
    // Opens with /users/<id>?tab=fines.
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: 'fines',
      label: 'Fines/Fees',
      permission: finesPermissions.feeRead,
      shownFor: holdsPatronRole,
      component: FinesTab,
    }),
  ],
});
