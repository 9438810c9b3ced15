import { startTestApi } from '@ulms/modules/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campusCardModule } from '../contracts/index.js';
import { campusCardPlugin } from './campus-card.plugin.js';

type Api = Awaited<ReturnType<typeof startTestApi<readonly [typeof campusCardPlugin]>>>;
type Caller = Api['caller'];

let api: Api;
let elsewhere: Caller;
let adaId: string;

async function addCodes(caller: Caller) {
  await caller.users.codeTables.save({ table: 'USER_GROUP', code: 'UG', description: 'Undergraduates' });
  for (const code of ['BARCODE', 'UNIV_ID']) {
    await caller.users.codeTables.save({ table: 'IDENTIFIER_TYPE', code, description: code });
  }
}

async function createAda(caller: Caller): Promise<string> {
  const saved = await caller.users.create({
    recordType: 'PUBLIC',
    primaryId: 'ada',
    firstName: 'Ada',
    lastName: 'Lovelace',
    userGroup: 'UG',
    identifiers: [
      { idType: 'BARCODE', value: 'C-1001' },
      { idType: 'BARCODE', value: 'C-0999', status: 'INACTIVE' },
      { idType: 'UNIV_ID', value: 'U-7' },
    ],
  });
  if (saved.status !== 'saved') throw new Error('not saved');
  return saved.user.id;
}

beforeAll(async () => {
  api = await startTestApi({ plugins: [campusCardPlugin] });
  await addCodes(api.caller);
  adaId = await createAda(api.caller);
  const other = await api.createInstitution({ modules: ['users'] });
  elsewhere = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
  await addCodes(elsewhere);
  await createAda(elsewhere);
});
afterAll(() => api.close());

describe('Campus card', () => {
  it("shows a user's active card and earlier ones", async () => {
    expect(await api.caller.campusCard.card({ userId: adaId })).toEqual({
      identifierType: 'BARCODE',
      number: 'C-1001',
      inactive: ['C-0999'],
    });
  });

  it('adds a Campus card column to Find and Manage Users', async () => {
    const page = await api.caller.users.search({});
    expect(page.columns).toContainEqual({ id: 'campus-card', title: 'Campus card' });
    expect(page.rows.find((row) => row.id === adaId)?.extra?.['campus-card']).toBe('C-1001');
  });

  it('reads the identifier type the institution configured', async () => {
    await api.caller.platform.modules.configure({ moduleId: campusCardModule, config: { identifierType: 'UNIV_ID' } });
    expect((await api.caller.campusCard.card({ userId: adaId })).number).toBe('U-7');
  });

  it('adds nothing where the institution has not enabled it', async () => {
    const page = await elsewhere.users.search({});
    expect(page.columns.map((c) => c.id)).not.toContain('campus-card');
    await expect(elsewhere.campusCard.card({ userId: adaId })).rejects.toThrow(/not enabled/);
  });

  it("cannot read another institution's user", async () => {
    const staff = api.callerFor({ permissions: new Set(['campus-card.card.read']) });
    await expect(staff.campusCard.card({ userId: adaId })).resolves.toMatchObject({ number: expect.any(String) });
    await expect(
      api.caller.campusCard.card({ userId: (await elsewhere.users.search({})).rows[0]?.id ?? '' }),
    ).rejects.toThrow(/not found/i);
  });
});
