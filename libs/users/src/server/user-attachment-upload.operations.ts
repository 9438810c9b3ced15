import { randomUUID } from 'node:crypto';
import { parseInput, ValidationError } from '@ulms/platform';
import type { UserPartsService } from '../contracts/user-parts-service.js';
import { addAttachmentInput, attachmentUploadInput } from '../contracts/user-parts.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { AttachmentTooLargeError } from './attachment-too-large.error.js';
import { createContentSniffer, sniffContentType } from './sniff-content-type.js';
import { writeAttachmentRow } from './user-attachment.rows.js';
import type { UserPartsServiceDeps } from './user-parts.deps.js';
import type { UserPartsReader } from './user-parts.reader.js';
import { USERS_MODULE } from './users-module.js';

/** Adding a file to a user: whole (base64) or streamed, held to the institution's maximum size and allowed types. */
export function createAttachmentUploadOperations(
  deps: Pick<UserPartsServiceDeps, 'transactions' | 'modules' | 'storage'> & { reader: UserPartsReader },
): Pick<UserPartsService, 'addAttachment' | 'addAttachmentStream'> {
  const { userOf } = deps.reader;
  return {
    async addAttachment(by, input) {
      const attachment = parseInput(addAttachmentInput, input);
      const user = await userOf(by.institutionId, attachment.userId);
      const config = await deps.modules.config<UsersConfig>(by.institutionId, USERS_MODULE);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(attachment.contentBase64))
        throw ValidationError.of('contentBase64', 'is not base64');
      const content = new Uint8Array(Buffer.from(attachment.contentBase64, 'base64'));
      if (content.byteLength > config.attachments.maxSizeBytes) {
        throw ValidationError.of(
          'contentBase64',
          `the file is larger than the ${config.attachments.maxSizeBytes} bytes allowed`,
        );
      }
      const mimeType = sniffContentType(content);
      if (!config.attachments.allowedTypes.includes(mimeType)) {
        throw ValidationError.of(
          'contentBase64',
          `files of type ${mimeType} are not allowed (allowed: ${config.attachments.allowedTypes.join(', ')})`,
        );
      }
      const storage = await deps.storage(by.institutionId);
      const storageKey = `${by.institutionId}/${user.id}/${randomUUID()}`;
      await storage.put(storageKey, content);
      return writeAttachmentRow(deps, by, storage, storageKey, {
        userId: user.id,
        fileName: attachment.fileName,
        note: attachment.note ?? null,
        mimeType,
        size: content.byteLength,
      });
    },
    async addAttachmentStream(by, input, content) {
      const attachment = parseInput(attachmentUploadInput, input);
      const user = await userOf(by.institutionId, attachment.userId);
      const { maxSizeBytes, allowedTypes } = (await deps.modules.config<UsersConfig>(by.institutionId, USERS_MODULE))
        .attachments;
      const notAllowed = (mimeType: string) =>
        ValidationError.of('file', `files of type ${mimeType} are not allowed (allowed: ${allowedTypes.join(', ')})`);
      const sniffer = createContentSniffer();
      let size = 0;
      let mimeType = '';
      // The checks run as the bytes pass: a file is refused at its first byte over the maximum, or as soon as
      // its first bytes show a type not allowed, and the storage drops what it had written.
      async function* checked(): AsyncIterable<Uint8Array> {
        for await (const chunk of content) {
          size += chunk.byteLength;
          if (size > maxSizeBytes) throw new AttachmentTooLargeError(maxSizeBytes);
          sniffer.push(chunk);
          const early = sniffer.early();
          if (early && !allowedTypes.includes(early)) throw notAllowed(early);
          yield chunk;
        }
        mimeType = sniffer.result();
        if (!allowedTypes.includes(mimeType)) throw notAllowed(mimeType);
      }
      const storage = await deps.storage(by.institutionId);
      const storageKey = `${by.institutionId}/${user.id}/${randomUUID()}`;
      try {
        if (storage.putStream) {
          await storage.putStream(storageKey, checked());
        } else {
          const chunks: Uint8Array[] = [];
          for await (const chunk of checked()) chunks.push(chunk);
          await storage.put(storageKey, new Uint8Array(Buffer.concat(chunks)));
        }
      } catch (error) {
        await storage.delete(storageKey).catch(() => undefined);
        throw error;
      }
      return writeAttachmentRow(deps, by, storage, storageKey, {
        userId: user.id,
        fileName: attachment.fileName,
        note: attachment.note ?? null,
        mimeType,
        size,
      });
    },
  };
}
