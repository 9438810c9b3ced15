import { coreServices, definePlugin } from '@ulms/platform';
import { startTestApi, type TestApi } from '@ulms/platform/testing';
// A shipped module's tests start the modules it builds on themselves (the catalogue lists this module).
// eslint-disable-next-line no-restricted-imports
import { finesPlugin } from '@ulms/fines';
// eslint-disable-next-line no-restricted-imports
import { usersPlugin } from '@ulms/users';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { blocksExtensionPoints } from '../contracts/blocks-extension-points.js';
import { BLOCKS_MODULE, blocksPermissions } from '../contracts/blocks-module.js';
import { blocksPlugin } from './blocks.plugin.js';

/** An institution's own rule, from a test plugin: blocks requests of users in the group NO_REQUESTS. */
const noRequestsRule = definePlugin({
  id: 'test-no-requests',
  title: 'No requests for a group',
  dependsOn: [BLOCKS_MODULE],
  register(env) {
    env.contribute(blocksExtensionPoints.rules, {
      id: 'test-no-requests.group',
      title: 'No requests for a group',
      effects: { borrowing: false, renewals: false, requests: true },
      settingsSchema: z.object({
        group: z
          .string()
          .regex(/^[A-Z_]+$/)
          .default('NO_REQUESTS'),
      }),
      async blocked({ users, settings }) {
        const group = String(settings['group'] ?? 'NO_REQUESTS');
        return new Map(users.filter((u) => u.userGroup === group).map((u) => [u.id, `group ${group} may not request`]));
      },
    });
  },
});

type Api = TestApi<readonly [typeof usersPlugin, typeof finesPlugin, typeof blocksPlugin, typeof noRequestsRule]>;
type Caller = Api['caller'];

const database = process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
let api: Api;
let elsewhere: Caller;
let users = 0;
const today = new Date().toISOString().slice(0, 10);
const dayOffset = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function newUser(caller: Caller = api.caller, more: Record<string, unknown> = {}): Promise<string> {
  users += 1;
  const saved = await caller.users.create({
    recordType: 'PUBLIC',
    primaryId: `blocks-${users}`,
    firstName: 'Bea',
    lastName: `Blocked ${users}`,
    userGroup: 'PATRONS',
    ...more,
  });
  if (saved.status !== 'saved') throw new Error('the user was not saved');
  return saved.user.id;
}

const blocksConfig = (extraRules: { id: string; enabled: boolean; settings?: Record<string, unknown> }[] = []) => ({
  rules: [{ id: 'blocks.debt-limit', enabled: true }, { id: 'blocks.expired-user', enabled: true }, ...extraRules],
});

beforeAll(async () => {
  api = (await startTestApi({
    plugins: [usersPlugin, finesPlugin, blocksPlugin, noRequestsRule],
    institution: { modules: ['users', 'fines', BLOCKS_MODULE, noRequestsRule.id], libraryIndependence: true },
  })) as unknown as Api;
  await api.caller.platform.modules.configure({
    moduleId: BLOCKS_MODULE,
    config: blocksConfig([{ id: 'test-no-requests.group', enabled: true }]),
  });
  await api.caller.platform.modules.configure({
    moduleId: 'fines',
    config: {
      feeTypes: [{ code: 'DAMAGE', description: 'Damage', manualCreation: true, libraryOwner: true, vatRate: null }],
      debtLimits: [{ userGroup: 'PATRONS', limit: '100' }],
    },
  });
  await api.caller.platform.libraries.create({ code: 'MAIN', name: 'Main library' });
  await api.caller.platform.libraries.create({ code: 'LAW', name: 'Law library' });
  const other = await api.createInstitution({ modules: ['users', 'fines', BLOCKS_MODULE] });
  elsewhere = api.callerFor({ institutionId: other.id, permissions: new Set(api.kernel.permissions.keys()) });
  for (const caller of [api.caller, elsewhere])
    for (const code of ['PATRONS', 'NO_REQUESTS'])
      await caller.users.codeTables.save({ table: 'USER_GROUP', code, description: code });
});
afterAll(() => api.close());

describe(`blocks (${database})`, () => {
  it('adds, edits and removes a manual block, each moving the last-updated date and recorded in History', async () => {
    const userId = await newUser();
    const before = await api.caller.users.get({ id: userId });
    const block = await api.caller.blocks.add({ userId, type: 'LOST_CARD', note: 'reported by phone' });
    expect(block).toMatchObject({ type: 'LOST_CARD', active: true, effects: { borrowing: true, renewals: false } });
    const edited = await api.caller.blocks.update({
      id: block.id,
      version: block.version,
      type: 'GENERAL',
      expiryDate: dayOffset(30),
    });
    expect(edited).toMatchObject({ type: 'GENERAL', expiryDate: dayOffset(30), active: true });
    await expect(api.caller.blocks.update({ id: block.id, version: block.version, type: 'GENERAL' })).rejects.toThrow(
      'the block was changed meanwhile',
    );
    await api.caller.blocks.remove({ id: block.id });
    expect((await api.caller.blocks.list({ userId })).manual).toEqual([]);
    await vi.waitFor(async () => {
      const history = await api.caller.users.history({ id: userId, field: 'blocks' });
      expect(history.entries.map((e) => [e.oldValue, e.newValue])).toEqual([
        ['GENERAL', null],
        ['LOST_CARD', 'GENERAL'],
        [null, 'LOST_CARD'],
      ]);
    });
    const after = await api.caller.users.get({ id: userId });
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it('counts a block as active through its expiry date and not after, without any job', async () => {
    const userId = await newUser();
    await api.caller.blocks.add({ userId, type: 'GENERAL', expiryDate: dayOffset(-1), description: 'old' });
    await api.caller.blocks.add({ userId, type: 'LOST_CARD', expiryDate: today, description: 'ends today' });
    const list = await api.caller.blocks.list({ userId });
    expect(list.manual.map((b) => [b.description, b.active])).toEqual(
      expect.arrayContaining([
        ['old', false],
        ['ends today', true],
      ]),
    );
    expect(await api.caller.blocks.check({ userId, action: 'borrow' })).toEqual({
      blocked: true,
      reasons: ['ends today'],
    });
    expect(await api.caller.blocks.check({ userId, action: 'renew' })).toEqual({ blocked: false, reasons: [] });
  });

  it('refuses to block a Contact user, an unknown type or library, naming the field', async () => {
    const contact = await newUser(api.caller, { recordType: 'CONTACT', userGroup: undefined });
    await expect(api.caller.blocks.add({ userId: contact, type: 'GENERAL' })).rejects.toThrow(
      'userId: a Contact user cannot be blocked',
    );
    const userId = await newUser();
    await expect(api.caller.blocks.add({ userId, type: 'NOPE' })).rejects.toThrow('type: "NOPE" is not a block type');
    await expect(api.caller.blocks.add({ userId, type: 'GENERAL', ownerLibrary: 'FAR' })).rejects.toThrow(
      'ownerLibrary: "FAR" is not a library of this institution',
    );
    await expect(api.caller.blocks.add({ userId, type: 'GENERAL', external: true })).rejects.toThrow(
      'external: only an external user',
    );
    expect((await api.caller.blocks.list({ userId })).manual).toEqual([]);
  });

  it("hides a library's blocks from staff scoped to another library, though they still block", async () => {
    const userId = await newUser();
    const libraries = await api.caller.platform.libraries.list();
    const law = libraries.find((l) => l.code === 'LAW')?.id ?? '';
    const main = libraries.find((l) => l.code === 'MAIN')?.id ?? '';
    const lawBlock = await api.caller.blocks.add({ userId, type: 'GENERAL', ownerLibrary: 'LAW', description: 'law' });
    const mainStaff = api.callerFor({
      permissions: new Set(Object.values(blocksPermissions)),
      libraryScope: { all: false, libraryIds: new Set([main]) },
    });
    expect((await mainStaff.blocks.list({ userId })).manual).toEqual([]);
    await expect(mainStaff.blocks.remove({ id: lawBlock.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await mainStaff.blocks.check({ userId, action: 'borrow' })).blocked).toBe(true);
    const lawStaff = api.callerFor({
      permissions: new Set(Object.values(blocksPermissions)),
      libraryScope: { all: false, libraryIds: new Set([law]) },
    });
    expect((await lawStaff.blocks.list({ userId })).manual.map((b) => b.description)).toEqual(['law']);
  });

  it('follows the reference on the debt limit: owes 100, disputes 20, limit 100 → not blocked; disputes 0 → blocked', async () => {
    const userId = await newUser();
    await api.caller.fines.add({ userId, type: 'DAMAGE', amount: '80' });
    const disputed = await api.caller.fines.add({ userId, type: 'DAMAGE', amount: '20' });
    await api.caller.fines.dispute({ id: disputed.id });
    expect(await api.caller.blocks.check({ userId, action: 'borrow' })).toEqual({ blocked: false, reasons: [] });
    await api.caller.fines.restore({ id: disputed.id });
    const blocked = await api.caller.blocks.check({ userId, action: 'borrow' });
    expect(blocked.blocked).toBe(true);
    expect(blocked.reasons[0]).toMatch(/owes 100\.00 \w{3}, at or above the debt limit of 100\.00/);
    expect((await api.caller.blocks.list({ userId })).automatic.map((b) => b.ruleId)).toEqual(['blocks.debt-limit']);
    expect((await api.caller.blocks.check({ userId, action: 'request' })).blocked).toBe(false);
  });

  it('blocks an expired user automatically, and shows any block in the Blocks column', async () => {
    const expired = await newUser(api.caller, { expiryDate: dayOffset(-3) });
    const clear = await newUser();
    const check = await api.caller.blocks.check({ userId: expired, action: 'renew' });
    expect(check.reasons).toEqual([`the user's record expired on ${dayOffset(-3)}`]);
    const page = await api.caller.users.search({ query: 'Bea', pageSize: 100 });
    expect(page.columns).toContainEqual({ id: 'blocks', title: 'Blocks' });
    expect(page.rows.find((r) => r.id === expired)?.extra['blocks']).toBe(true);
    expect(page.rows.find((r) => r.id === clear)?.extra['blocks']).toBe(false);
  });

  it('applies an institution rule from a plugin only where that plugin is enabled', async () => {
    const here = await newUser(api.caller, { userGroup: 'NO_REQUESTS' });
    const there = await newUser(elsewhere, { userGroup: 'NO_REQUESTS' });
    expect(await api.caller.blocks.check({ userId: here, action: 'request' })).toEqual({
      blocked: true,
      reasons: ['group NO_REQUESTS may not request'],
    });
    expect(await elsewhere.blocks.check({ userId: there, action: 'request' })).toEqual({ blocked: false, reasons: [] });
    await api.caller.platform.modules.configure({
      moduleId: BLOCKS_MODULE,
      config: blocksConfig([{ id: 'test-no-requests.group', enabled: false }]),
    });
    try {
      expect((await api.caller.blocks.check({ userId: here, action: 'request' })).blocked).toBe(false);
    } finally {
      await api.caller.platform.modules.configure({
        moduleId: BLOCKS_MODULE,
        config: blocksConfig([{ id: 'test-no-requests.group', enabled: true }]),
      });
    }
  });

  it('lists the rules available here and switches them on and off with their settings checked', async () => {
    const rules = await api.caller.blocks.rules.list();
    expect(rules.map((r) => [r.id, r.enabled])).toEqual([
      ['blocks.debt-limit', true],
      ['blocks.expired-user', true],
      ['test-no-requests.group', true],
    ]);
    expect(rules[2]?.settingsSchema).toMatchObject({ properties: { group: { type: 'string' } } });
    expect((await elsewhere.blocks.rules.list()).map((r) => r.id)).toEqual([
      'blocks.debt-limit',
      'blocks.expired-user',
    ]);

    const expired = await newUser(api.caller, { expiryDate: dayOffset(-3) });
    const switched = [
      { id: 'blocks.debt-limit', enabled: true, settings: {} },
      { id: 'blocks.expired-user', enabled: false, settings: {} },
      { id: 'test-no-requests.group', enabled: true, settings: { group: 'PATRONS' } },
    ];
    await expect(
      api.caller.blocks.rules.configure({
        rules: [...switched.slice(0, 2), { id: 'test-no-requests.group', enabled: true, settings: { group: 'x' } }],
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining('rules.2.settings.group:') });
    await expect(
      api.caller.blocks.rules.configure({ rules: [{ id: 'nobody.rule', enabled: true, settings: {} }] }),
    ).rejects.toThrow('rules.0.id: "nobody.rule" is not a rule available here');
    await expect(
      api.caller.blocks.rules.configure({
        rules: [{ id: 'blocks.expired-user', enabled: true, settings: { days: 3 } }],
      }),
    ).rejects.toThrow('rules.0.settings: the rule "blocks.expired-user" takes no settings');
    await expect(elsewhere.blocks.rules.configure({ rules: switched })).rejects.toThrow('rules.2.id');
    await expect(
      api.callerFor({ permissions: new Set([blocksPermissions.blockRead]) }).blocks.rules.configure({ rules: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.caller.blocks.check({ userId: expired, action: 'borrow' })).blocked).toBe(true);

    try {
      const saved = await api.caller.blocks.rules.configure({ rules: switched });
      expect(saved.map((r) => [r.id, r.enabled, r.settings])).toEqual(
        switched.map((r) => [r.id, r.enabled, r.settings]),
      );
      expect(await api.caller.blocks.check({ userId: expired, action: 'request' })).toEqual({
        blocked: true,
        reasons: ['group PATRONS may not request'],
      });
      expect((await api.caller.blocks.config()).rules).toEqual(switched);
    } finally {
      await api.caller.platform.modules.configure({
        moduleId: BLOCKS_MODULE,
        config: blocksConfig([{ id: 'test-no-requests.group', enabled: true }]),
      });
    }
  });

  it("keeps another institution's blocks out of reach, and each change behind its permission", async () => {
    const userId = await newUser();
    const block = await api.caller.blocks.add({ userId, type: 'GENERAL' });
    await expect(elsewhere.blocks.list({ userId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(elsewhere.blocks.remove({ id: block.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(elsewhere.blocks.add({ userId, type: 'GENERAL' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // With rules on, the check finds the user through the rules' read; with none, on its own.
    await expect(elsewhere.blocks.check({ userId, action: 'borrow' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rulesThere = (await elsewhere.blocks.config()).rules;
    await elsewhere.blocks.rules.configure({ rules: [] });
    try {
      await expect(elsewhere.blocks.check({ userId, action: 'borrow' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await elsewhere.blocks.rules.configure({ rules: rulesThere.map((r) => ({ ...r })) });
    }
    const reader = api.callerFor({ permissions: new Set([blocksPermissions.blockRead]) });
    expect((await reader.blocks.list({ userId })).manual).toHaveLength(1);
    await expect(reader.blocks.remove({ id: block.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('removes the blocks of a deleted user with the user', async () => {
    const userId = await newUser();
    await api.caller.blocks.add({ userId, type: 'GENERAL' });
    await api.caller.users.delete({ id: userId });
    const prisma = api.kernel.services.get(coreServices.prisma);
    await vi.waitFor(async () => expect(await prisma.userBlock.count({ where: { userId } })).toBe(0));
  });
});
