import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SisSourceRecord } from '../../contracts/sis-extension-points.js';
import { sisProfileSettings } from '../../contracts/sis-profile.schema.js';
import { syntheticUser, writeJsonUsers, writeZip } from '../../testing/sis-files.js';
import { sisJsonFormat } from './sis-json.format.js';

const profile = sisProfileSettings.parse({ name: 'Test', format: 'sis.json' });
const samples = join(import.meta.dirname, '../../../../users/src/testing/alma-samples');
const users = [1, 2, 3].map((i) => syntheticUser(i));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ulms-sis-json-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(path: string, fileName = path, signal?: AbortSignal): Promise<SisSourceRecord[]> {
  const records: SisSourceRecord[] = [];
  for await (const record of sisJsonFormat.read({ path, fileName, profile, signal })) records.push(record);
  return records;
}

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('sisJsonFormat', () => {
  it("reads Alma's user list", async () => {
    const path = await writeJsonUsers(dir, 'list.json', users);
    expect(await readAll(path)).toStrictEqual(users.map((user) => ({ user })));
  });

  it('reads a list of users, with an error record for an item that is not an object', async () => {
    const path = await write('array.json', JSON.stringify([users[0], 'x', null, [1], users[1]]));
    expect(await readAll(path)).toStrictEqual([
      { user: users[0] },
      { error: 'user 2 is string, not a JSON object' },
      { error: 'user 3 is null, not a JSON object' },
      { error: 'user 4 is a list, not a JSON object' },
      { user: users[1] },
    ]);
  });

  it('reads a user list whose other keys come before and after the list', async () => {
    const text = `\ufeff{"total_record_count": 2, "user": [${JSON.stringify(users[0])}, ${JSON.stringify(users[1])}], "next": {"user": 1}}`;
    expect(await readAll(await write('around.json', text))).toStrictEqual([{ user: users[0] }, { user: users[1] }]);
  });

  it('reads a single user document, and nothing from an empty list', async () => {
    const single = join(samples, 'tulibraries_single_user.json');
    const expected = JSON.parse(await readFile(single, 'utf8')) as unknown;
    expect(await readAll(single)).toStrictEqual([{ user: expected }]);
    expect(await readAll(await write('empty.json', '{"total_record_count":0}'))).toStrictEqual([]);
  });

  it('reads JSON Lines by the file name, with an error record naming a bad line', async () => {
    const lines = `${JSON.stringify(users[0])}\n{"primary_id": \n\n42\r\n${JSON.stringify(users[2])}`;
    const path = await write('upload-1234', lines);
    expect(await readAll(path, 'users.ndjson')).toStrictEqual([
      { user: users[0] },
      { error: expect.stringMatching(/^line 2 is not valid JSON: /) as unknown },
      { error: 'line 4 is number, not a JSON object' },
      { user: users[2] },
    ]);
  });

  it('fails on a file that is not valid JSON, after the users before', async () => {
    const path = await write('bad.json', `[${JSON.stringify(users[0])}, {"a": tru]`);
    const records: SisSourceRecord[] = [];
    const reading = (async () => {
      for await (const record of sisJsonFormat.read({ path, fileName: 'bad.json', profile })) records.push(record);
    })();
    await expect(reading).rejects.toThrow(/^bad\.json is not valid JSON: /);
    expect(records).toStrictEqual([{ user: users[0] }]);
    await expect(readAll(await write('scalar.json', '"x"'))).rejects.toThrow(/neither a list of users/);
    await expect(readAll(await write('cut.json', '[{"a": 1}, {"b": '))).rejects.toThrow(
      /^\S+cut\.json is not valid JSON: /,
    );
  });

  it('reads the JSON files of a zip in turn', async () => {
    const path = await writeZip(dir, 'users.zip', [
      { name: 'a.json', content: JSON.stringify([users[0]]) },
      { name: 'b.jsonl', content: `${JSON.stringify(users[1])}\n` },
      { name: 'c.json', content: JSON.stringify({ user: [users[2]] }) },
    ]);
    expect(await readAll(path)).toStrictEqual(users.map((user) => ({ user })));
  });

  it('stops reading when aborted', async () => {
    const path = await writeJsonUsers(dir, 'abort.json', users);
    const controller = new AbortController();
    const read: unknown[] = [];
    const reading = (async () => {
      for await (const record of sisJsonFormat.read({
        path,
        fileName: 'abort.json',
        profile,
        signal: controller.signal,
      })) {
        read.push(record.user?.['primary_id']);
        controller.abort(new Error('stopped'));
      }
    })();
    await expect(reading).rejects.toThrow('stopped');
    expect(read).toStrictEqual(['SIS1']);
  });
});
