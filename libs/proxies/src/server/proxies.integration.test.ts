import { coreServices } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
// A shipped module's tests start the modules it builds on themselves (the catalogue lists this module).
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { usersPermissions } from '@ulms/users/contracts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROXIES_MODULE, proxiesPermissions } from '../contracts/proxies-module.js';
import { proxiesServices } from '../contracts/proxies-services.js';
import { proxiesPlugin } from './proxies.plugin.js';

type Api = TestApi<readonly [typeof usersPlugin, typeof proxiesPlugin]>;
type Caller = Api['caller'];

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: Api;
let elsewhere: Caller;
let users = 0;
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const userFields = (more: Record<string, unknown> = {}) => {
  users += 1;
  return {
    recordType: 'PUBLIC',
    primaryId: `proxies-${users}`,
    firstName: 'Pat',
    lastName: `Proxy ${users}`,
    userGroup: 'PATRONS',
    ...more,
  };
};
async function newUser(caller: Caller = api.caller, more: Record<string, unknown> = {}): Promise<string> {
  const saved = await caller.users.create(userFields(more));
  if (saved.status !== 'saved') throw new Error('the user was not saved');
  return saved.user.id;
}

beforeAll(async () => {
  api = (await startTestApi({
    plugins: [usersPlugin, proxiesPlugin],
    institution: { modules: ['users', PROXIES_MODULE] },
  })) as unknown as Api;
  const other = await api.createInstitution({ modules: ['users', PROXIES_MODULE] });
  elsewhere = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
  for (const caller of [api.caller, elsewhere])
    await caller.users.codeTables.save({ table: 'USER_GROUP', code: 'PATRONS', description: 'Patrons' });
});
afterAll(() => api.close());

describe(`proxies (${database})`, () => {
  it('makes a user a proxy for several patrons, shown on both sides and in the proxy’s History', async () => {
    const [proxy, first, second] = [await newUser(), await newUser(), await newUser()];
    const before = await api.caller.users.get({ id: proxy });
    const added = await api.caller.proxies.add({ proxyUserId: proxy, patronUserId: first, expiryDate: dayOffset(30) });
    expect(added).toMatchObject({ active: true, fulfillment: false, expiryDate: dayOffset(30) });
    await api.caller.proxies.add({ proxyUserId: proxy, patronUserId: second });
    // A patron may have several proxies.
    const another = await newUser();
    await api.caller.proxies.add({ proxyUserId: another, patronUserId: first });

    const ofProxy = await api.caller.proxies.list({ userId: proxy });
    expect(ofProxy.proxyFor.map((r) => r.patron.id)).toEqual([first, second]);
    expect(ofProxy.proxies).toEqual([]);
    const ofFirst = await api.caller.proxies.list({ userId: first });
    expect(ofFirst.proxies.map((r) => r.proxy.id)).toEqual([proxy, another]);

    await vi.waitFor(async () => {
      const history = await api.caller.users.history({ id: proxy, field: 'proxyFor' });
      expect(history.entries).toHaveLength(2);
    });
    const after = await api.caller.users.get({ id: proxy });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('refuses the same pair twice, a proxy for themselves and Contact users, naming the field', async () => {
    const [proxy, patron] = [await newUser(), await newUser()];
    const contact = await newUser(api.caller, { recordType: 'CONTACT', userGroup: undefined });
    await api.caller.proxies.add({ proxyUserId: proxy, patronUserId: patron });
    await expect(api.caller.proxies.add({ proxyUserId: proxy, patronUserId: patron })).rejects.toThrow(
      /patronUserId: Proxy \d+, Pat is already a proxy for Proxy \d+, Pat/,
    );
    await expect(api.caller.proxies.add({ proxyUserId: proxy, patronUserId: proxy })).rejects.toThrow(
      'patronUserId: a user cannot be a proxy for themselves',
    );
    await expect(api.caller.proxies.add({ proxyUserId: contact, patronUserId: patron })).rejects.toThrow(
      'proxyUserId: a Contact user cannot take part in proxies',
    );
    await expect(api.caller.proxies.add({ proxyUserId: proxy, patronUserId: contact })).rejects.toThrow(
      'patronUserId: a Contact user cannot take part in proxies',
    );
    expect((await api.caller.proxies.list({ userId: proxy })).proxyFor).toHaveLength(1);
  });

  it('holds a relation through its expiry date and not after; an edit made meanwhile is refused', async () => {
    const [proxy, patron] = [await newUser(), await newUser()];
    const relation = await api.caller.proxies.add({
      proxyUserId: proxy,
      patronUserId: patron,
      expiryDate: dayOffset(0),
    });
    expect(relation.active).toBe(true);
    const expired = await api.caller.proxies.update({
      id: relation.id,
      version: relation.version,
      expiryDate: dayOffset(-1),
    });
    expect(expired).toMatchObject({ active: false, expiryDate: dayOffset(-1) });
    await expect(
      api.caller.proxies.update({ id: relation.id, version: relation.version, expiryDate: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await api.caller.proxies.remove({ id: relation.id });
    expect((await api.caller.proxies.list({ userId: proxy })).proxyFor).toEqual([]);
  });

  it('creates a fulfillment proxy with its sponsor, never unlinked, and resolves their loans to the sponsor', async () => {
    const sponsor = await newUser();
    const created = await api.caller.proxies.createFulfillmentProxy({ sponsorUserId: sponsor, user: userFields() });
    if (created.status !== 'saved') throw new Error('not saved');
    const proxy = created.user.id;
    const [link] = (await api.caller.proxies.list({ userId: proxy })).proxyFor;
    expect(link).toMatchObject({ fulfillment: true, patron: { id: sponsor } });
    const history = await api.caller.users.history({ id: proxy, field: 'proxyFor' });
    expect(history.entries.map((e) => [e.oldValue, e.newValue])).toEqual([[null, link?.patron.primaryId]]);
    await expect(api.caller.proxies.remove({ id: link?.id ?? '' })).rejects.toThrow(
      'a fulfillment proxy cannot be unlinked from its sponsor',
    );
    await expect(
      api.caller.proxies.update({ id: link?.id ?? '', version: link?.version ?? 0, expiryDate: dayOffset(5) }),
    ).rejects.toThrow("expiryDate: a fulfillment proxy's link to its sponsor does not expire");

    const fulfilment = api.kernel.services.get(proxiesServices.fulfilment);
    const institutionId = api.institution.id;
    expect(await fulfilment.resolveAccountable(institutionId, proxy)).toEqual({
      accountableUserId: sponsor,
      viaFulfillmentProxy: true,
    });
    expect(await fulfilment.resolveAccountable(institutionId, sponsor)).toEqual({
      accountableUserId: sponsor,
      viaFulfillmentProxy: false,
    });
    expect(await fulfilment.notificationRecipients(institutionId, proxy)).toEqual([proxy, sponsor]);
    expect(await fulfilment.notificationRecipients(institutionId, proxy, { networkItem: true })).toEqual([sponsor]);
    // A regular proxy is not accountable through anyone.
    const regular = await newUser();
    await api.caller.proxies.add({ proxyUserId: regular, patronUserId: sponsor });
    expect((await fulfilment.resolveAccountable(institutionId, regular)).accountableUserId).toBe(regular);
  });

  it('creates neither the user nor the link when either is refused, and asks for the user-creating permission', async () => {
    const contact = await newUser(api.caller, { recordType: 'CONTACT', userGroup: undefined });
    const prisma = api.kernel.services.get(coreServices.prisma);
    const relations = await prisma.proxyRelation.count();
    const fields = userFields();
    await expect(api.caller.proxies.createFulfillmentProxy({ sponsorUserId: contact, user: fields })).rejects.toThrow(
      'sponsorUserId: a Contact user cannot take part in proxies',
    );
    await expect(
      api.caller.proxies.createFulfillmentProxy({
        sponsorUserId: await newUser(),
        user: { ...fields, userGroup: 'NOPE' },
      }),
    ).rejects.toThrow('userGroup: "NOPE"');
    expect(await prisma.user.count({ where: { primaryId: fields.primaryId } })).toBe(0);
    expect(await prisma.proxyRelation.count()).toBe(relations);
    const withoutCreate = api.callerFor({
      permissions: new Set([proxiesPermissions.proxyManage, usersPermissions.userRead]),
    });
    await expect(
      withoutCreate.proxies.createFulfillmentProxy({ sponsorUserId: await newUser(), user: userFields() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps a sponsor with fulfillment proxies from deletion, with the reason; a deleted user’s relations go', async () => {
    const sponsor = await newUser();
    const created = await api.caller.proxies.createFulfillmentProxy({ sponsorUserId: sponsor, user: userFields() });
    if (created.status !== 'saved') throw new Error('not saved');
    const patron = await newUser();
    await api.caller.proxies.add({ proxyUserId: created.user.id, patronUserId: patron });
    expect(await api.caller.users.delete({ id: sponsor })).toEqual({
      deleted: false,
      reasons: ['sponsors 1 fulfillment proxy, who cannot be unlinked: delete them first'],
    });
    await api.caller.users.delete({ id: created.user.id });
    const prisma = api.kernel.services.get(coreServices.prisma);
    await vi.waitFor(async () =>
      expect(await prisma.proxyRelation.count({ where: { proxyUserId: created.user.id } })).toBe(0),
    );
    expect(await api.caller.users.delete({ id: sponsor })).toMatchObject({ deleted: true });
  });

  it("keeps another institution's relations out of reach, and each change behind its permission", async () => {
    const [proxy, patron] = [await newUser(), await newUser()];
    const relation = await api.caller.proxies.add({ proxyUserId: proxy, patronUserId: patron });
    await expect(elsewhere.proxies.list({ userId: proxy })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(elsewhere.proxies.remove({ id: relation.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const there = await newUser(elsewhere);
    await expect(elsewhere.proxies.add({ proxyUserId: there, patronUserId: patron })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (await api.kernel.services.get(proxiesServices.fulfilment).resolveAccountable(api.institution.id, there))
        .accountableUserId,
    ).toBe(there);
    const reader = api.callerFor({ permissions: new Set([proxiesPermissions.proxyRead]) });
    expect((await reader.proxies.list({ userId: proxy })).proxyFor).toHaveLength(1);
    await expect(reader.proxies.remove({ id: relation.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
