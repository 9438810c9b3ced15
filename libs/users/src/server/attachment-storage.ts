import { type ModuleService, ValidationError } from '@ulms/platform';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import type { AttachmentStorage } from '../contracts/users-extension-points.js';
import { attachmentsFolder, localFolderStorage } from './local-folder.storage.js';
import { USERS_MODULE } from './users-module.js';

/** Picks the storage an institution configured: the local folder, or a contributed one by id. */
export function createStoragePicker(deps: {
  modules: ModuleService;
  dataDir: string;
  contributed: readonly AttachmentStorage[];
}): (institutionId: string) => Promise<AttachmentStorage> {
  const local = localFolderStorage(attachmentsFolder(deps.dataDir));
  return async (institutionId) => {
    const config = await deps.modules.config<UsersConfig>(institutionId, USERS_MODULE);
    if (config.attachments.storage === local.id) return local;
    const storage = deps.contributed.find((s) => s.id === config.attachments.storage);
    if (!storage)
      throw ValidationError.of(
        'attachments.storage',
        `no attachment storage "${config.attachments.storage}" is installed`,
      );
    return storage;
  };
}
