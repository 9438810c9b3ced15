import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { type Entry, open as openZipFile, type ZipFile } from 'yauzl';

/** One file to read: the uploaded file itself, or a file of the uploaded zip. */
export interface SourceEntry {
  readonly name: string;
  readonly stream: Readable;
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Whether the file starts with the bytes of a zip's first local file header. */
async function isZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(zipMagic.length);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(zipMagic);
  } finally {
    await file.close();
  }
}

const damaged = (error: unknown): Error =>
  new Error(`the zip file is damaged: ${error instanceof Error ? error.message : String(error)}`, { cause: error });

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    openZipFile(path, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(damaged(error)) : resolve(zip),
    );
  });
}

/** The zip's next entry, or null after the last. */
function nextEntry(zip: ZipFile): Promise<Entry | null> {
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
    };
    const onEntry = (entry: Entry): void => (settle(), resolve(entry));
    const onEnd = (): void => (settle(), resolve(null));
    const onError = (error: Error): void => (settle(), reject(damaged(error)));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

function openEntry(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(damaged(error)) : resolve(stream)));
  });
}

/** The entry's bytes, with a read error (bad compressed data, wrong CRC) reported as a damaged zip. */
async function* entryBytes(stream: Readable): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw damaged(error);
  }
}

/** Whether a zip entry is a file to read: not a folder, not macOS metadata, with one of the extensions. */
function isWanted(fileName: string, extensions: readonly string[]): boolean {
  const name = fileName.toLowerCase();
  if (name.endsWith('/') || name.startsWith('__macosx/')) return false;
  return extensions.some((ext) => ext.toLowerCase() !== '.zip' && name.endsWith(ext.toLowerCase()));
}

async function* zipEntries(
  path: string,
  extensions: readonly string[],
  signal: AbortSignal | undefined,
): AsyncGenerator<SourceEntry> {
  const zip = await openZip(path);
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      signal?.throwIfAborted();
      if (!isWanted(entry.fileName, extensions)) continue;
      const stream = Readable.from(entryBytes(await openEntry(zip, entry)), { objectMode: false });
      try {
        yield { name: entry.fileName, stream };
      } finally {
        stream.destroy();
      }
    }
  } finally {
    zip.close();
  }
}

/**
 * The files to read from an upload, one at a time: the entries of a zip (its files with one of `extensions`, in
 * the zip's order; the next opened once the previous was read), or the file itself, named `fileName`.
 */
export async function* sourceEntries(
  path: string,
  extensions: readonly string[],
  signal?: AbortSignal,
  fileName: string = basename(path),
): AsyncGenerator<SourceEntry> {
  signal?.throwIfAborted();
  if (await isZip(path)) {
    yield* zipEntries(path, extensions, signal);
    return;
  }
  const stream = createReadStream(path);
  try {
    yield { name: fileName, stream };
  } finally {
    stream.destroy();
  }
}
