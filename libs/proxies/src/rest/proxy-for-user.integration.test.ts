import { startTestApi, type TestApi, serveRestForTest, type RestTestServer } from '@ulms/platform/testing';
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXIES_MODULE } from '../contracts/proxies-module.js';
import { proxiesPlugin } from '../server/proxies.plugin.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Api = TestApi<readonly [typeof usersPlugin, typeof proxiesPlugin]>;

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: Api;
let rest: RestTestServer;
let key: string;
let users = 0;

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${rest.base}${path}`, {
    method,
    headers: { authorization: `apikey ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, json: JSON.parse(await response.text()) as Json };
}
const errorsOf = (body: Json) => (body['errorList']['error'] as Json[]).map((e) => e['errorMessage'] as string);

async function newUser(recordType = 'PUBLIC'): Promise<{ id: string; primaryId: string; fullName: string }> {
  users += 1;
  const saved = await api.caller.users.create({
    recordType,
    primaryId: `rest-proxy-${users}`,
    firstName: 'Rita',
    lastName: `Proxy ${users}`,
    ...(recordType === 'CONTACT' ? {} : { userGroup: 'PATRONS' }),
  });
  if (saved.status !== 'saved') throw new Error('not saved');
  return saved.user;
}
const putProxyFor = async (primaryId: string, proxyFor: unknown) => {
  const { json } = await call('GET', `/users/${primaryId}`);
  return call('PUT', `/users/${primaryId}`, { ...json, proxy_for_user: proxyFor });
};

beforeAll(async () => {
  api = (await startTestApi({
    plugins: [usersPlugin, proxiesPlugin],
    institution: { modules: ['users', PROXIES_MODULE] },
  })) as unknown as Api;
  rest = await serveRestForTest(api, [usersPlugin, proxiesPlugin]);
  key = await rest.createKey({ permissions: [...api.kernel.permissions.keys()] });
  await api.caller.users.codeTables.save({ table: 'USER_GROUP', code: 'PATRONS', description: 'Patrons' });
});
afterAll(async () => {
  await rest.close();
  await api.close();
});

describe(`proxy_for_user in the Alma user document (${database})`, () => {
  it('stores the patrons a PUT lists, keeps the ones sent back, removes the ones left out', async () => {
    const [proxy, first, second] = [await newUser(), await newUser(), await newUser()];
    const put = await putProxyFor(proxy.primaryId, [{ primary_id: first.primaryId }, { primary_id: second.primaryId }]);
    expect(put.status).toBe(200);
    // Relations added by one PUT share their creation time: their order is not the one sent.
    expect(put.json['proxy_for_user']).toHaveLength(2);
    expect(put.json['proxy_for_user']).toEqual(
      expect.arrayContaining([
        { primary_id: first.primaryId, full_name: first.fullName },
        { primary_id: second.primaryId, full_name: second.fullName },
      ]),
    );
    const relation = (await api.caller.proxies.list({ userId: proxy.id })).proxyFor.find(
      (r) => r.patron.id === first.id,
    );
    await api.caller.proxies.update({
      id: relation?.id ?? '',
      version: relation?.version ?? 0,
      expiryDate: '2099-12-31',
    });

    const again = await putProxyFor(proxy.primaryId, [{ primary_id: first.primaryId, full_name: first.fullName }]);
    expect(again.json['proxy_for_user']).toEqual([{ primary_id: first.primaryId, full_name: first.fullName }]);
    // The relation sent back is the same one: its expiry date is kept.
    expect((await api.caller.proxies.list({ userId: proxy.id })).proxyFor).toMatchObject([
      { id: relation?.id, expiryDate: '2099-12-31' },
    ]);
    expect((await putProxyFor(proxy.primaryId, [])).json['proxy_for_user']).toEqual([]);
    // Each relation added or removed over REST is in the proxy's History, as through the Proxy For tab.
    const history = await api.caller.users.history({ id: proxy.id, field: 'proxyFor' });
    expect(history.entries.map((e) => [e.oldValue, e.newValue]).sort()).toEqual(
      [
        [null, first.primaryId],
        [null, second.primaryId],
        [second.primaryId, null],
        [first.primaryId, null],
      ].sort(),
    );
  });

  it('creates a user with its proxy relations in one POST', async () => {
    const patron = await newUser();
    users += 1;
    const posted = await call('POST', '/users', {
      record_type: { value: 'PUBLIC' },
      primary_id: `rest-proxy-${users}`,
      first_name: 'Nova',
      last_name: 'Proxy',
      user_group: { value: 'PATRONS' },
      proxy_for_user: [{ primary_id: patron.primaryId }],
    });
    expect(posted.status).toBe(200);
    expect(posted.json['proxy_for_user']).toEqual([{ primary_id: patron.primaryId, full_name: patron.fullName }]);
  });

  it('refuses an unknown patron, the user themselves, a Contact and a name that is not the patron’s, saving nothing', async () => {
    const [proxy, patron] = [await newUser(), await newUser()];
    const contact = await newUser('CONTACT');
    const refused = async (list: unknown, message: string) => {
      const answer = await putProxyFor(proxy.primaryId, list);
      expect(answer.status).toBe(400);
      expect(errorsOf(answer.json).join('\n')).toContain(message);
    };
    await refused([{ primary_id: 'nobody-here' }], 'proxy_for_user[0].primary_id: no user has the primary identifier');
    await refused([{ primary_id: proxy.primaryId }], 'a user cannot be a proxy for themselves');
    await refused(
      [{ primary_id: patron.primaryId }, { primary_id: contact.primaryId }],
      'proxy_for_user[1].primary_id: a Contact user cannot take part in proxies',
    );
    await refused([{ primary_id: patron.primaryId, full_name: 'Someone Else' }], 'proxy_for_user[0].full_name');
    await refused([{ primary_id: patron.primaryId, expiry: '2030-01-01' }], 'proxy_for_user[0]');
    const asContact = await putProxyFor(contact.primaryId, [{ primary_id: patron.primaryId }]);
    expect(errorsOf(asContact.json).join('\n')).toContain('proxy_for_user: a Contact user cannot take part in proxies');
    expect((await api.caller.proxies.list({ userId: proxy.id })).proxyFor).toEqual([]);
  });

  it("keeps a fulfillment proxy's sponsor: a PUT leaving it out is refused", async () => {
    const sponsor = await newUser();
    users += 1;
    const created = await api.caller.proxies.createFulfillmentProxy({
      sponsorUserId: sponsor.id,
      user: {
        recordType: 'PUBLIC',
        primaryId: `rest-proxy-${users}`,
        firstName: 'Fay',
        lastName: 'Proxy',
        userGroup: 'PATRONS',
      },
    });
    if (created.status !== 'saved') throw new Error('not saved');
    const { json } = await call('GET', `/users/${created.user.primaryId}`);
    expect(json['proxy_for_user']).toEqual([{ primary_id: sponsor.primaryId, full_name: sponsor.fullName }]);
    const answer = await putProxyFor(created.user.primaryId, []);
    expect(answer.status).toBe(400);
    expect(errorsOf(answer.json).join('\n')).toContain(
      'proxy_for_user: a fulfillment proxy cannot be unlinked from its sponsor',
    );
  });
});
