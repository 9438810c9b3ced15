import type { ServiceContainer } from '@ulms/platform';
import { type FeeEventPayload, finesServices } from '@ulms/fines/contracts';
import type { ProxyAddedPayload } from '@ulms/proxies/contracts';
import { usersServices } from '@ulms/users/contracts';
import { lettersServices } from '../contracts/letters-services.js';
import { feeNotification, proxyNotification } from './letter-types/module-letter-types.js';

/** The fines module added a fee: the user hears of it with their balance (unless they opted out). */
export async function notifyFeeAdded(services: ServiceContainer, fee: FeeEventPayload): Promise<void> {
  const balances = await services.get(finesServices.balances).balancesOf(fee.institutionId, [fee.userId]);
  const balance = balances.get(fee.userId);
  await services.get(lettersServices.letters).send(
    { institutionId: fee.institutionId, actor: fee.actor },
    {
      letterTypeId: feeNotification.id,
      userId: fee.userId,
      data: { amount: fee.amount, balance: balance?.active ?? fee.amount, currency: balance?.currency ?? '' },
    },
  );
}

/** A proxy relation was made: the proxy and the patron they act for each hear of it. */
export async function notifyProxyAdded(services: ServiceContainer, added: ProxyAddedPayload): Promise<void> {
  const parties = await services
    .get(usersServices.search)
    .summaries(added.institutionId, [added.proxyUserId, added.patronUserId]);
  const proxy = parties.find((u) => u.id === added.proxyUserId);
  const patron = parties.find((u) => u.id === added.patronUserId);
  if (!proxy || !patron) return;
  const letters = services.get(lettersServices.letters);
  const by = { institutionId: added.institutionId, actor: added.actor };
  await letters.send(by, {
    letterTypeId: proxyNotification.id,
    userId: proxy.id,
    data: { role: 'proxy', otherName: patron.fullName, fulfillment: added.fulfillment },
  });
  await letters.send(by, {
    letterTypeId: proxyNotification.id,
    userId: patron.id,
    data: { role: 'sponsor', otherName: proxy.fullName, fulfillment: added.fulfillment },
  });
}
