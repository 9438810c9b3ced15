import { createServiceRef } from '@ulms/platform';
import type { AttachmentStorage } from '../contracts/users-extension-points.js';
import type { CodeTableService } from './code-table.service.js';
import type { DocumentParts } from './document-parts.js';
import type { UserBulkUpdater } from './user-bulk-update.js';
import type { UserDeletionService } from './user-deletion.service.js';
import type { UserPartsService } from './user-parts.service.js';
import type { UserSearchService } from './user-search.service.js';
import type { UserService } from './user.service.js';

/** Services of the users module. */
export const usersServices = {
  users: createServiceRef<UserService>({ id: 'users.users' }),
  search: createServiceRef<UserSearchService>({ id: 'users.search' }),
  codeTables: createServiceRef<CodeTableService>({ id: 'users.codeTables' }),
  deletion: createServiceRef<UserDeletionService>({ id: 'users.deletion' }),
  parts: createServiceRef<UserPartsService>({ id: 'users.parts' }),
  bulkUpdater: createServiceRef<UserBulkUpdater>({ id: 'users.bulkUpdater' }),
  /** The attachment storage an institution's configuration picks. */
  storage: createServiceRef<(institutionId: string) => Promise<AttachmentStorage>>({ id: 'users.storage' }),
  /** The parts of the Alma user document other modules enabled for an institution contribute. */
  documentParts: createServiceRef<DocumentParts>({ id: 'users.documentParts' }),
};
