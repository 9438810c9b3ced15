import type { UserPartsService } from '../contracts/user-parts-service.js';
import { createAttachmentUploadOperations } from './user-attachment-upload.operations.js';
import { createUserAttachmentsOperations } from './user-attachments.operations.js';
import { createUserHistoryReadOperation } from './user-history-read.operation.js';
import { createUserNotesOperations } from './user-notes.operations.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';
import { createUserPartsReader } from './user-parts.reader.js';
import { createUserStatisticsOperations } from './user-statistics.operations.js';

// Kept at this path for those who import them from here.
export type { UserPartsService } from '../contracts/user-parts-service.js';
export type { PartsViewer } from '../contracts/service-callers.js';
export type { UserPartsServiceDeps } from './user-parts.deps.js';
export { AttachmentTooLargeError } from './attachment-too-large.error.js';

/** A user's notes, statistics, attachments and history: each concern in its own file, over one reader. */
export function createUserPartsService(deps: UserPartsServiceDeps): UserPartsService {
  const reader = createUserPartsReader(deps);
  return {
    ...createUserNotesOperations({ ...deps, reader }),
    ...createUserStatisticsOperations({ ...deps, reader }),
    ...createUserAttachmentsOperations({ ...deps, reader }),
    ...createAttachmentUploadOperations({ ...deps, reader }),
    ...createUserHistoryReadOperation({ ...deps, reader }),
  };
}
