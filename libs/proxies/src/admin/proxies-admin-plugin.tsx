import { PROXIES_MODULE } from '@ulms/proxies/contracts';
import { defineAdminPlugin } from '@ulms/ui';

/** The proxies module's admin screens. */
export const proxiesAdminPlugin = defineAdminPlugin({
  moduleId: PROXIES_MODULE,
  title: 'Proxies',
  routes: [],
  contributions: [],
});
