import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ValidationError } from '../errors/domain-errors.js';

/** A file name safe on any disk: its base name, other characters than letters, digits, `.` and `-` as `_`. */
export const safeFileName = (fileName: string, fallback: string) =>
  basename(fileName)
    .replace(/[^\w.-]+/g, '_')
    .slice(0, 200) || fallback;

/**
 * Stores an uploaded file, as it arrives, in a new folder of `parent` (an import's file, kept for its runs), then
 * hands its path and size to `use` (which records and starts the run reading it). An empty file is refused (field
 * `file`); nothing stays behind when storing it or `use` fails.
 */
export async function storeUploadedFile<T>(
  parent: string,
  fileName: string,
  content: AsyncIterable<Uint8Array> | Readable,
  use: (file: { path: string; size: number }) => Promise<T>,
): Promise<T> {
  const dir = join(parent, crypto.randomUUID());
  await mkdir(dir, { recursive: true });
  const path = join(dir, safeFileName(fileName, 'upload'));
  try {
    await pipeline(content instanceof Readable ? content : Readable.from(content), createWriteStream(path));
    const { size } = await stat(path);
    if (size === 0) throw ValidationError.of('file', 'is empty');
    return await use({ path, size });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A CSV cell: quoted when it holds a quote, a comma or a line break. */
export const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * Lines written to a temporary file first, so that a download knows its length, then read from it; the file is
 * removed once read.
 */
export async function temporaryFileOf(
  lines: AsyncIterable<string>,
): Promise<{ size: number; content: AsyncIterable<Uint8Array> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ulms-download-'));
  const path = join(dir, 'file');
  try {
    await pipeline(Readable.from(lines), createWriteStream(path));
    const { size } = await stat(path);
    const content = createReadStream(path);
    content.once('close', () => void rm(dir, { recursive: true, force: true }));
    return { size, content };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
