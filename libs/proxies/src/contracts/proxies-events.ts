import { defineEvent } from '@ulms/platform/contracts';

export interface ProxyAddedPayload {
  readonly institutionId: string;
  readonly proxyUserId: string;
  readonly patronUserId: string;
  /** A fulfillment proxy made with its sponsor. */
  readonly fulfillment: boolean;
  readonly actor: string;
}

/** Domain events of the proxies module, raised after the commit; any plugin may subscribe (the letters module does). */
export const proxiesEvents = {
  proxyAdded: defineEvent<ProxyAddedPayload>('proxy.added'),
};
