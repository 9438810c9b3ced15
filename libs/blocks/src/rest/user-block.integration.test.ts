import { startTestApi, type TestApi, serveRestForTest, type RestTestServer } from '@ulms/platform/testing';
// eslint-disable-next-line no-restricted-imports
import { finesPlugin } from '@ulms/fines';
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOCKS_MODULE } from '../contracts/blocks-module.js';
import { blocksPlugin } from '../server/blocks.plugin.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Api = TestApi<readonly [typeof usersPlugin, typeof finesPlugin, typeof blocksPlugin]>;

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: Api;
let rest: RestTestServer;
let key: string;
let users = 0;
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${rest.base}${path}`, {
    method,
    headers: { authorization: `apikey ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as Json };
}
const errorsOf = (body: Json) => (body['errorList']['error'] as Json[]).map((e) => e['errorMessage'] as string);

/** A new user, and a PUT of its document with these blocks. */
async function newUser(): Promise<{ id: string; primaryId: string }> {
  users += 1;
  const saved = await api.caller.users.create({
    recordType: 'PUBLIC',
    primaryId: `rest-block-${users}`,
    firstName: 'Rob',
    lastName: `Blocked ${users}`,
    userGroup: 'PATRONS',
  });
  if (saved.status !== 'saved') throw new Error('not saved');
  return { id: saved.user.id, primaryId: saved.user.primaryId };
}
const putBlocks = async (primaryId: string, blocks: unknown) => {
  const { json } = await call('GET', `/users/${primaryId}`);
  return call('PUT', `/users/${primaryId}`, { ...json, user_block: blocks });
};

beforeAll(async () => {
  api = (await startTestApi({
    plugins: [usersPlugin, finesPlugin, blocksPlugin],
    institution: { modules: ['users', 'fines', BLOCKS_MODULE] },
  })) as unknown as Api;
  rest = await serveRestForTest(api, [usersPlugin, finesPlugin, blocksPlugin]);
  key = await rest.createKey({ permissions: [...api.kernel.permissions.keys()] });
  await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'PATRONS', description: 'Patrons' });
  await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main library' });
});
afterAll(async () => {
  await rest.close();
  await api.close();
});

describe(`user_block in the Alma user document (${database})`, () => {
  it('stores the blocks a PUT carries and shows them on GET in the reference’s shape', async () => {
    const user = await newUser();
    const put = await putBlocks(user.primaryId, [
      {
        block_type: { value: 'GENERAL' },
        block_description: { value: 'Lost ID card' },
        block_note: 'phoned in',
        expiry_date: `${dayOffset(10)}Z`,
        block_owner: { value: 'MAIN' },
      },
      { block_type: { value: 'LOST_CARD' }, expiry_date: `${dayOffset(-2)}Z` },
    ]);
    expect(put.status).toBe(200);
    // Blocks added by one PUT share their creation time: their order is not the one sent.
    expect(put.json['user_block']).toHaveLength(2);
    expect(put.json['user_block']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          block_type: { value: 'GENERAL', desc: 'General block' },
          block_description: { value: 'Lost ID card', desc: 'Lost ID card' },
          block_status: 'ACTIVE',
          block_note: 'phoned in',
          expiry_date: `${dayOffset(10)}Z`,
          block_owner: { value: 'MAIN', desc: 'Main library' },
          segment_type: 'Internal',
        }),
        expect.objectContaining({ block_type: { value: 'LOST_CARD', desc: 'Lost card' }, block_status: 'INACTIVE' }),
      ]),
    );
    const listed = await api.caller.blocks.list({ userId: user.id });
    expect(listed.manual.map((b) => [b.type, b.active]).sort()).toEqual([
      ['GENERAL', true],
      ['LOST_CARD', false],
    ]);
  });

  it('keeps the blocks sent back as GET showed them, adds new ones and removes those left out', async () => {
    const user = await newUser();
    await putBlocks(user.primaryId, [{ block_type: { value: 'GENERAL' } }]);
    const [first] = (await api.caller.blocks.list({ userId: user.id })).manual;
    const shown = (await call('GET', `/users/${user.primaryId}`)).json['user_block'] as Json[];
    await putBlocks(user.primaryId, [...shown, { block_type: { value: 'OVERDUE_ITEMS' } }]);
    const after = (await api.caller.blocks.list({ userId: user.id })).manual;
    expect(after.map((b) => b.type).sort()).toEqual(['GENERAL', 'OVERDUE_ITEMS']);
    expect(after.find((b) => b.type === 'GENERAL')?.id).toBe(first?.id);
    await putBlocks(user.primaryId, []);
    expect((await api.caller.blocks.list({ userId: user.id })).manual).toEqual([]);
    // Each block added or removed over REST is in History, as through the Blocks tab.
    const history = await api.caller.users.history({ id: user.id, field: 'blocks' });
    expect(history.entries.map((e) => [e.oldValue, e.newValue]).sort()).toEqual(
      [
        [null, 'GENERAL'],
        [null, 'OVERDUE_ITEMS'],
        ['GENERAL', null],
        ['OVERDUE_ITEMS', null],
      ].sort(),
    );
  });

  it('refuses a block it cannot store, naming the field, and leaves the user and its blocks as they were', async () => {
    const user = await newUser();
    await putBlocks(user.primaryId, [{ block_type: { value: 'GENERAL' } }]);
    const unknownType = await putBlocks(user.primaryId, [{ block_type: { value: 'NOPE' } }]);
    expect(unknownType.status).toBe(400);
    expect(errorsOf(unknownType.json).join()).toContain('user_block[0].block_type');
    const wrongStatus = await putBlocks(user.primaryId, [
      { block_type: { value: 'GENERAL' }, expiry_date: `${dayOffset(5)}Z`, block_status: 'INACTIVE' },
    ]);
    expect(errorsOf(wrongStatus.json).join()).toContain('block_status');
    const unknownField = await putBlocks(user.primaryId, [{ block_type: { value: 'GENERAL' }, block_colour: 'red' }]);
    expect(unknownField.status).toBe(400);
    expect(errorsOf(unknownField.json).join()).toContain('block_colour');
    expect((await api.caller.blocks.list({ userId: user.id })).manual.map((b) => b.type)).toEqual(['GENERAL']);
  });

  it('refuses blocks on a Contact user', async () => {
    users += 1;
    const saved = await api.caller.users.create({
      recordType: 'CONTACT',
      primaryId: `rest-block-${users}`,
      firstName: 'Cora',
      lastName: 'Contact',
    });
    if (saved.status !== 'saved') throw new Error('not saved');
    const answer = await putBlocks(saved.user.primaryId, [{ block_type: { value: 'GENERAL' } }]);
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.json)).toContain('user_block: a Contact user cannot be blocked');
    expect((await putBlocks(saved.user.primaryId, [])).status).toBe(200);
  });
});
