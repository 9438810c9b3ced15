import { PROXIES_MODULE, proxiesPermissions } from '@ulms/proxies/contracts';
import { contribute, defineAdminPlugin } from '@ulms/ui';
import { usersAdminExtensionPoints } from '@ulms/users/contracts';
import { FulfillmentProxyOption } from './fulfillment-proxy-option.js';
import { ProxiesTab } from './proxies-tab.js';
import { takesPartInProxies } from './takes-part-in-proxies.js';

/**
 * The proxies module's admin screens: the Proxy For tab of User Details, and "Add as Fulfillment Proxy" on Quick
 * User Management.
 */
export const proxiesAdminPlugin = defineAdminPlugin({
  moduleId: PROXIES_MODULE,
  title: 'Proxies',
  routes: [],
  contributions: [
    // Opens with /users/<id>?tab=proxies.
    contribute(usersAdminExtensionPoints.userRecordTabs, {
      id: 'proxies',
      label: 'Proxy For',
      permission: proxiesPermissions.proxyRead,
      shownFor: takesPartInProxies,
      component: ProxiesTab,
    }),
    // Creating a fulfillment proxy needs users.user.create too, which Quick User Management itself asks for.
    contribute(usersAdminExtensionPoints.createUserOptions, {
      id: 'fulfillment-proxy',
      label: 'Proxy settings',
      permission: proxiesPermissions.proxyManage,
      component: FulfillmentProxyOption,
    }),
  ],
});
