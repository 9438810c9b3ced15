import { NotFoundError, type ServiceContainer } from '@ulms/platform';
import { type UserChangeActor, usersServices } from '@ulms/users/contracts';
import { proxyOperationsRef } from '../proxy-operations.js';

const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Makes one demo patron a proxy for two others, one relation ending in three months. Idempotent: when the proxy
 * acts for someone already, nothing is added. Needs the users demo and the proxies module enabled.
 */
export async function seedProxiesDemo(
  services: ServiceContainer,
  institutionId: string,
): Promise<{ relations: number }> {
  const idOf = async (primaryId: string) => {
    const found = await services.get(usersServices.users).findByIdentifier(institutionId, primaryId);
    if (!found) throw new NotFoundError(`demo patron ${primaryId}`);
    return found.user.id;
  };
  const proxies = services.get(proxyOperationsRef);
  const by: UserChangeActor = { institutionId, actor: 'Demo seed' };
  const proxy = await idOf('s1000106');
  if ((await proxies.list(by, { userId: proxy })).proxyFor.length > 0) return { relations: 0 };
  await proxies.add(by, { proxyUserId: proxy, patronUserId: await idOf('s1000101'), expiryDate: dayOffset(90) });
  await proxies.add(by, { proxyUserId: proxy, patronUserId: await idOf('s1000102') });
  return { relations: 2 };
}
