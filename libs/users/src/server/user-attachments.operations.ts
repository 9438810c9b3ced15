import { NotFoundError } from '@ulms/platform';
import type { UserPartsService } from '../contracts/user-parts-service.js';
import { attachmentSelect } from './user-attachment.rows.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';
import type { UserPartsReader } from './user-parts.reader.js';

/** A user's stored files: listed, read whole (base64) or as a stream, and removed with their bytes. */
export function createUserAttachmentsOperations(
  deps: Pick<UserPartsServiceDeps, 'prisma' | 'storage'> & { reader: UserPartsReader },
): Pick<UserPartsService, 'listAttachments' | 'downloadAttachment' | 'openAttachment' | 'removeAttachment'> {
  const { prisma } = deps;
  return {
    async listAttachments(institutionId, userId) {
      await deps.reader.userOf(institutionId, userId);
      return prisma.userAttachment.findMany({
        where: { userId, institutionId },
        select: attachmentSelect,
        orderBy: { createdAt: 'desc' },
      });
    },
    async downloadAttachment(institutionId, userId, id) {
      const row = await prisma.userAttachment.findFirst({
        where: { id, userId, institutionId },
        select: { ...attachmentSelect, storageKey: true },
      });
      if (!row) throw new NotFoundError('attachment');
      const { storageKey, ...info } = row;
      const content = await (await deps.storage(institutionId)).get(storageKey);
      return {
        ...info,
        contentBase64: Buffer.from(content).toString('base64'),
      };
    },
    async openAttachment(institutionId, userId, id) {
      const row = await prisma.userAttachment.findFirst({
        where: { id, userId, institutionId },
        select: { ...attachmentSelect, storageKey: true },
      });
      if (!row) throw new NotFoundError('attachment');
      const { storageKey, ...info } = row;
      const storage = await deps.storage(institutionId);
      if (storage.getStream) return { ...info, content: await storage.getStream(storageKey) };
      const bytes = await storage.get(storageKey);
      return {
        ...info,
        content: (async function* () {
          yield bytes;
        })(),
      };
    },
    async removeAttachment(by, userId, id) {
      const row = await prisma.userAttachment.findFirst({
        where: { id, userId, institutionId: by.institutionId },
        select: { storageKey: true },
      });
      if (!row) throw new NotFoundError('attachment');
      await prisma.userAttachment.delete({ where: { id } });
      await (await deps.storage(by.institutionId)).delete(row.storageKey);
    },
  };
}
