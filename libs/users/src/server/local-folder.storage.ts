import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AttachmentStorage } from '../contracts/users-extension-points.js';

/**
 * Attachments as files under a folder (by default `<data>/attachments`). A streamed file is written beside its
 * place under a temporary name and linked into place only once complete, so a failed upload leaves no file.
 */
export function localFolderStorage(root: string): AttachmentStorage {
  const pathOf = (key: string) => {
    const path = resolve(root, key);
    if (!path.startsWith(resolve(root))) throw new Error('attachment key escapes the storage folder');
    return path;
  };
  return {
    id: 'local-folder',
    async put(key, content) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content, { flag: 'wx' });
    },
    async get(key) {
      return new Uint8Array(await readFile(pathOf(key)));
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async putStream(key, content) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.${randomUUID()}.partial`;
      try {
        await pipeline(Readable.from(content), createWriteStream(partial, { flags: 'wx' }));
        // link, not rename: like put's `wx`, it never replaces a file already stored under the key.
        await link(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
    },
    async getStream(key) {
      // Opened first, so a missing file fails here rather than halfway through an answer.
      const handle = await open(pathOf(key), 'r');
      return handle.createReadStream();
    },
  };
}

export const attachmentsFolder = (dataDir: string) => join(dataDir, 'attachments');
