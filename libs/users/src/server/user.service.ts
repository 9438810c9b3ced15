import type { UserService } from '../contracts/user-service.js';
import { createAccountTypeOperation } from './account-type.operation.js';
import { createPrimaryIdGeneration } from './primary-id-generation.js';
import { createSisRecordOperations } from './sis-record.operations.js';
import { createUserCreateOperation } from './user-create.operation.js';
import { createMarkUpdatedOperation } from './user-mark-updated.operation.js';
import { createUserReadOperations } from './user-read.operations.js';
import { createUserRecordLoader } from './user-record.loader.js';
import { createUserRecordWriter } from './user-record.writer.js';
import { createUserRolesOperations } from './user-roles.operations.js';
import { createUserSave } from './user-save.js';
import type { UserServiceDeps } from './user-service.deps.js';
import { createUserUpdateOperation } from './user-update.operation.js';

// Kept at this path for those who import them from here.
export type { UserService } from '../contracts/user-service.js';
export type { UserServiceDeps } from './user-service.deps.js';
export { StaleVersionError } from './stale-version.error.js';
export { SIS_TEMP_OWNER } from './account-type.rules.js';

/** The user service: its operations, each in its own file, over one record loader, writer and save. */
export function createUserService(deps: UserServiceDeps): UserService {
  const records = createUserRecordLoader(deps);
  const persist = createUserRecordWriter({
    transactions: deps.transactions,
    credentials: deps.credentials,
    loadRow: records.loadRow,
    generatePrimaryId: createPrimaryIdGeneration(deps),
  });
  const save = createUserSave({ ...deps, records, persist });
  const read = createUserReadOperations({ ...deps, records });
  return {
    ...read,
    ...createUserCreateOperation({ save }),
    ...createUserUpdateOperation({ save }),
    ...createUserRolesOperations({ save, get: read.get }),
    ...createMarkUpdatedOperation(deps),
    ...createSisRecordOperations({ records, save, persist, get: read.get }),
    ...createAccountTypeOperation({ records, persist, get: read.get }),
  };
}
