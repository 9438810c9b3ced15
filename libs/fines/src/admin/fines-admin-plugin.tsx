import { FINES_MODULE, finesPermissions } from '@ulms/fines/contracts';
import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { FinesTab } from './fines-tab.js';
import { holdsPatronRole } from './patrons-only.js';

/** The fines module's admin screens: the Fines/Fees tab of User Details, for patrons. */
export const finesAdminPlugin = defineAdminPlugin({
  moduleId: FINES_MODULE,
  title: 'Fines and fees',
  routes: [],
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
