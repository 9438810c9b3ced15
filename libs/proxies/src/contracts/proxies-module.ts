/** The id institutions enable the module by; also its tRPC router's key. */
export const PROXIES_MODULE = 'proxies';

/** Permissions of the proxies module. */
export const proxiesPermissions = {
  proxyRead: 'proxies.proxy.read',
  proxyManage: 'proxies.proxy.manage',
} as const;
