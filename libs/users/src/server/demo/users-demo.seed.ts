import { NotFoundError, type ServiceContainer, tenancyServices } from '@ulms/platform';
import { todayIn } from '../dates.js';
import { USERS_MODULE } from '../users-module.js';
import type { UserChangeActor } from '../../contracts/service-callers.js';
import { usersServices } from '../users-services.js';
import { usersDemoCodeTables } from './users-demo.code-tables.js';
import { usersDemoFirstPrimaryId, usersDemoUsers } from './users-demo.users.js';

/**
 * Fills an institution (which has libraries MAIN and LAW) with the users module's demo data: code tables
 * and 300 users, all through the services and their rules. Idempotent: code tables are saved by code, and
 * when the first demo user already exists the users are left as they are and `users` is 0.
 */
export async function seedUsersDemo(services: ServiceContainer, institutionId: string): Promise<{ users: number }> {
  const institution = await services.get(tenancyServices.institutions).findById(institutionId);
  if (!institution) throw new NotFoundError('institution');
  const codeTables = services.get(usersServices.codeTables);
  for (const entry of usersDemoCodeTables) await codeTables.save(institutionId, entry);

  const seeded = await services
    .get(usersServices.search)
    .search(institution, { query: usersDemoFirstPrimaryId, searchBy: 'primaryId' });
  if (seeded.total > 0) return { users: 0 };
  // ORCID iDs carry a check digit: the demo checks it, as an institution would configure.
  if (usersDemoCodeTables.some((e) => e.table === 'IDENTIFIER_TYPE' && e.code === 'ORCID'))
    await services
      .get(tenancyServices.modules)
      .configure(institutionId, USERS_MODULE, { identifierFormats: { ORCID: { checksum: 'orcid' } } });

  const users = usersDemoUsers(todayIn(institution.timeZone));
  const by: UserChangeActor = { institutionId, actor: 'Demo seed' };
  const userService = services.get(usersServices.users);
  for (const user of users) {
    const result = await userService.create(by, user);
    if (result.status !== 'saved')
      throw new Error(`demo user ${user.primaryId} was taken for a duplicate of an existing user`);
  }
  return { users: users.length };
}
