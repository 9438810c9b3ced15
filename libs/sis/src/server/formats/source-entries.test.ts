import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../testing/sis-files.js';
import { sourceEntries } from './source-entries.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ulms-sis-entries-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function contents(path: string, extensions: readonly string[]): Promise<[string, string][]> {
  const read: [string, string][] = [];
  for await (const entry of sourceEntries(path, extensions, undefined, 'upload.xml')) {
    read.push([entry.name, await text(entry.stream)]);
  }
  return read;
}

describe('sourceEntries', () => {
  it('gives a file that is not a zip as itself, under the name given', async () => {
    const path = join(dir, 'plain');
    await writeFile(path, 'PK but not a zip');
    expect(await contents(path, ['.xml'])).toStrictEqual([['upload.xml', 'PK but not a zip']]);
  });

  it("gives a zip's files with the extensions in order, skipping folders and macOS metadata", async () => {
    const path = await writeZip(dir, 'files.zip', [
      { name: 'b.XML', content: 'one' },
      { name: 'folder/', content: '' },
      { name: '__MACOSX/._b.XML', content: 'junk' },
      { name: 'notes.txt', content: 'skip' },
      { name: 'inner.zip', content: 'skip' },
      { name: 'folder/a.xml', content: Buffer.from('two') },
    ]);
    expect(await contents(path, ['.xml', '.zip'])).toStrictEqual([
      ['b.XML', 'one'],
      ['folder/a.xml', 'two'],
    ]);
  });

  it('opens the next entry only once the previous one was read, and closes one left unread', async () => {
    const path = await writeZip(dir, 'lazy.zip', [
      { name: '1.csv', content: 'a'.repeat(100_000) },
      { name: '2.csv', content: 'b' },
    ]);
    const names: string[] = [];
    for await (const entry of sourceEntries(path, ['.csv'])) {
      names.push(entry.name);
      if (names.length === 2) expect(await text(entry.stream)).toBe('b');
    }
    expect(names).toStrictEqual(['1.csv', '2.csv']);
  });

  it('fails on a damaged zip', async () => {
    const zip = await readFile(await writeZip(dir, 'ok.zip', [{ name: 'a.xml', content: 'x'.repeat(1000) }]));
    const truncated = join(dir, 'truncated.zip');
    await writeFile(truncated, zip.subarray(0, 100));
    await expect(contents(truncated, ['.xml'])).rejects.toThrow(/^the zip file is damaged: /);
  });

  it('fails when a zip entry cannot be read', async () => {
    const zip = await writeZip(dir, 'data.zip', [{ name: 'a.xml', content: 'hello '.repeat(1000) }]);
    const bytes = await readFile(zip);
    // Garble the compressed data (after the 30-byte header and the 5-byte name).
    bytes.fill(0xff, 35, 60);
    const garbled = join(dir, 'garbled.zip');
    await writeFile(garbled, bytes);
    await expect(contents(garbled, ['.xml'])).rejects.toThrow(/^the zip file is damaged: /);
  });

  it('stops when aborted', async () => {
    const path = await writeZip(dir, 'abort.zip', [
      { name: '1.xml', content: 'a' },
      { name: '2.xml', content: 'b' },
    ]);
    const controller = new AbortController();
    const names: string[] = [];
    const reading = (async () => {
      for await (const entry of sourceEntries(path, ['.xml'], controller.signal)) {
        names.push(entry.name);
        controller.abort(new Error('stopped'));
      }
    })();
    await expect(reading).rejects.toThrow('stopped');
    expect(names).toStrictEqual(['1.xml']);
  });
});
