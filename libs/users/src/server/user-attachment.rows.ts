import type { AttachmentDto } from '../contracts/user-parts.schema.js';
import type { UserChangeActor } from '../contracts/service-callers.js';
import type { AttachmentStorage } from '../contracts/users-extension-points.js';
import { recordPartChange } from './user-part-change.writer.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';

export const attachmentSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
  note: true,
  createdBy: true,
  createdAt: true,
} as const;

/** The row of a file just stored under `storageKey`; the file is deleted again when the row cannot be written. */
export async function writeAttachmentRow(
  deps: Pick<UserPartsServiceDeps, 'transactions'>,
  by: UserChangeActor,
  storage: AttachmentStorage,
  storageKey: string,
  file: {
    userId: string;
    fileName: string;
    note: string | null;
    mimeType: string;
    size: number;
  },
): Promise<AttachmentDto> {
  try {
    return await deps.transactions.run(async ({ tx }) => {
      const created = await tx.userAttachment.create({
        data: {
          institutionId: by.institutionId,
          ...file,
          storageKey,
          createdBy: by.actor,
        },
        select: attachmentSelect,
      });
      await recordPartChange(tx, by, file.userId, null);
      return created;
    });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
}
