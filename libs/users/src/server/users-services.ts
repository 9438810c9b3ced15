import { createServiceRef } from '@ulms/platform';
import type { CodeTableService } from './code-table.service.js';
import type { UserSearchService } from './user-search.service.js';
import type { UserService } from './user.service.js';

/** Services of the users module. */
export const usersServices = {
  users: createServiceRef<UserService>({ id: 'users.users' }),
  search: createServiceRef<UserSearchService>({ id: 'users.search' }),
  codeTables: createServiceRef<CodeTableService>({ id: 'users.codeTables' }),
};
