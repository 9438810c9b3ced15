import type { SqlRunner } from '@ulms/platform';
import type { ProxyFulfilment } from '../contracts/proxies-services.js';

// Prepared once per connection: fulfilment asks it on every loan and request a proxy places.
const SPONSOR_OF = `SELECT "patronUserId" FROM "ProxyRelation"
  WHERE "institutionId" = $1::uuid AND "proxyUserId" = $2::uuid AND fulfillment LIMIT 1`;

/** A fulfillment proxy's loans and requests go on the sponsor's account; both hear of requests but network ones. */
export function createProxyFulfilment(deps: { sql: SqlRunner }): ProxyFulfilment {
  const sponsorOf = async (institutionId: string, userId: string) => {
    const rows = await deps.sql.query<{ patronUserId: string }>(SPONSOR_OF, [institutionId, userId], {
      name: 'proxies.sponsorOf',
    });
    return rows[0]?.patronUserId ?? null;
  };
  return {
    async resolveAccountable(institutionId, userId) {
      const sponsor = await sponsorOf(institutionId, userId);
      return { accountableUserId: sponsor ?? userId, viaFulfillmentProxy: sponsor !== null };
    },
    async notificationRecipients(institutionId, userId, options) {
      const sponsor = await sponsorOf(institutionId, userId);
      if (sponsor === null) return [userId];
      return options?.networkItem ? [sponsor] : [userId, sponsor];
    },
  };
}
