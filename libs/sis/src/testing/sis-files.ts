import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { toXml } from '@ulms/platform';
import { almaXmlShape } from '@ulms/users/contracts';
import { ZipFile } from 'yazl';
import type { AlmaUserJson } from '../contracts/sis-extension-points.js';

/** One file of a zip written by `writeZip`. */
export interface ZipEntryFixture {
  readonly name: string;
  readonly content: string | Buffer;
}

const xmlDeclaration = /^<\?xml[^>]*\?>/;

/** One user as a `<user>` element (no XML declaration), as `toXml` writes it. */
export function userXml(user: AlmaUserJson): string {
  return toXml('user', user, almaXmlShape).replace(xmlDeclaration, '');
}

/** The `<users>` document of the reference's SIS format holding `users`. */
export function sisXml(users: readonly AlmaUserJson[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<users total_record_count="${users.length}">\n${users.map((u) => `${userXml(u)}\n`).join('')}</users>\n`;
}

/** Writes `users` as a SIS XML file `dir/name`; returns its path. */
export async function writeSisXml(dir: string, name: string, users: readonly AlmaUserJson[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, sisXml(users));
  return path;
}

/** Writes a SIS XML file of `count` users made by `userOf`, as a stream (for large files); returns its path. */
export async function writeLargeSisXml(
  dir: string,
  name: string,
  count: number,
  userOf: (i: number) => AlmaUserJson = syntheticUser,
): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write(`<?xml version="1.0" encoding="UTF-8"?>\n<users total_record_count="${count}">\n`);
  for (let from = 1; from <= count; from += 1000) {
    const to = Math.min(count, from + 999);
    await write(Array.from({ length: to - from + 1 }, (_, k) => `${userXml(userOf(from + k))}\n`).join(''));
  }
  out.end('</users>\n');
  await finished(out);
  return path;
}

/** Writes a zip `dir/name` holding `entries` in order (a name ending with `/` is a folder); returns its path. */
export async function writeZip(dir: string, name: string, entries: readonly ZipEntryFixture[]): Promise<string> {
  const path = join(dir, name);
  const zip = new ZipFile();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) zip.addEmptyDirectory(entry.name);
    else zip.addBuffer(typeof entry.content === 'string' ? Buffer.from(entry.content) : entry.content, entry.name);
  }
  zip.end();
  const out = createWriteStream(path);
  zip.outputStream.pipe(out);
  await finished(out);
  return path;
}

const csvCell = (cell: string, delimiter: string): string =>
  cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;

/** Writes `rows` (the header first) as a CSV file `dir/name`, quoting cells where needed; returns its path. */
export async function writeCsv(dir: string, name: string, rows: readonly string[][], delimiter = ','): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, rows.map((row) => row.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n');
  return path;
}

/**
 * Writes `users` to `dir/name` as Alma's user list JSON (`{ total_record_count, user: […] }`), or as JSON Lines
 * when the name ends with `.jsonl` or `.ndjson`; returns its path.
 */
export async function writeJsonUsers(dir: string, name: string, users: readonly AlmaUserJson[]): Promise<string> {
  const path = join(dir, name);
  const text = /\.(jsonl|ndjson)$/i.test(name)
    ? users.map((user) => `${JSON.stringify(user)}\n`).join('')
    : JSON.stringify({ total_record_count: users.length, user: users }, null, 2);
  await writeFile(path, text);
  return path;
}

/** A realistic external PUBLIC Alma user, `SIS<i>`, with `overrides` applied over its top-level fields. */
export function syntheticUser(i: number, overrides: AlmaUserJson = {}): AlmaUserJson {
  return {
    record_type: { value: 'PUBLIC' },
    account_type: { value: 'EXTERNAL' },
    primary_id: `SIS${i}`,
    first_name: `First${i}`,
    last_name: `Last${i}`,
    user_group: { value: 'UNDERGRAD' },
    expiry_date: '2030-06-30',
    status: { value: 'ACTIVE' },
    contact_info: {
      email: [
        {
          email_address: `s${i}@example.edu`,
          email_type: [{ value: 'personal' }],
          preferred: true,
          segment_type: 'External',
        },
      ],
    },
    user_identifier: [{ id_type: { value: 'BARCODE' }, value: `B${i}`, status: 'ACTIVE', segment_type: 'External' }],
    ...overrides,
  };
}
