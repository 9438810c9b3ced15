import { type EnabledExtensions, type ModuleService, ValidationError } from '@ulms/platform';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { type AttachmentStorage, usersExtensionPoints } from '../contracts/users-extension-points.js';
import { attachmentsFolder, localFolderStorage } from './local-folder.storage.js';
import { USERS_MODULE } from './users-module.js';

/** Picks the storage an institution configured: the local folder, or one of an enabled plugin by id. */
export function createStoragePicker(deps: {
  modules: ModuleService;
  dataDir: string;
  extensions: EnabledExtensions;
}): (institutionId: string) => Promise<AttachmentStorage> {
  const local = localFolderStorage(attachmentsFolder(deps.dataDir));
  return async (institutionId) => {
    const config = await deps.modules.config<UsersConfig>(institutionId, USERS_MODULE);
    if (config.attachments.storage === local.id) return local;
    const contributed = await deps.extensions.for(usersExtensionPoints.attachmentStorage, institutionId);
    const storage = contributed.find((s) => s.id === config.attachments.storage);
    if (!storage)
      throw ValidationError.of(
        'attachments.storage',
        `no attachment storage "${config.attachments.storage}" is installed and enabled`,
      );
    return storage;
  };
}
