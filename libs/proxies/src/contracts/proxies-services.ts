import { createServiceRef } from '@ulms/platform/contracts';

/** What fulfilment asks of the proxies module: whose account a proxy's loan or request goes on, and who hears. */
export interface ProxyFulfilment {
  /**
   * The user accountable for loans, requests and resource-sharing requests `userId` places: the sponsor when
   * `userId` is a fulfillment proxy, otherwise `userId` itself.
   */
  resolveAccountable(
    institutionId: string,
    userId: string,
  ): Promise<{ readonly accountableUserId: string; readonly viaFulfillmentProxy: boolean }>;
  /**
   * Who is told about a request `userId` placed: a fulfillment proxy and their sponsor; for a network (AFN) item
   * only the sponsor; anyone else alone.
   */
  notificationRecipients(
    institutionId: string,
    userId: string,
    options?: { readonly networkItem?: boolean },
  ): Promise<readonly string[]>;
}

export const proxiesServices = {
  fulfilment: createServiceRef<ProxyFulfilment>({ id: 'proxies.fulfilment' }),
};
