import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { AttachmentStorage } from '../contracts/users-extension-points.js';

/** Attachments as files under a folder (by default `<data>/attachments`), written atomically enough: one write per file. */
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
  };
}

export const attachmentsFolder = (dataDir: string) => join(dataDir, 'attachments');
