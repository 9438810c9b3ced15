import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { platformPermissions } from '../contracts/platform-permissions.js';
import { preferenceKeys } from '../contracts/preferences.schema.js';
import { definePlugin } from '../plugin/plugin-definition.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { fieldErrorsOf } from '../trpc/trpc.js';

const screen = definePlugin({
  id: 'screen',
  title: 'A screen with choices',
  register(env) {
    env.contribute(preferenceKeys, {
      id: 'screen.columns',
      schema: z.object({ hidden: z.array(z.string().max(100)), pageSize: z.number().int().min(1).max(100) }),
    });
  },
});

const can = new Set([platformPermissions.preferenceOwn]);

describe('staff preferences', () => {
  let api: TestApi<[typeof screen]>;
  let otherInstitution: string;
  beforeAll(async () => {
    api = await startTestApi({ plugins: [screen] });
    otherInstitution = (await api.createInstitution({ code: 'PREFS_OTHER' })).id;
  });
  afterAll(() => api.close());

  const staff = (id: string, institutionId?: string) =>
    api.callerFor({ id, permissions: can, ...(institutionId ? { institutionId } : {}) });
  const choice = { hidden: ['email'], pageSize: 50 };

  it("keeps a staff member's value under a declared key and gives it back to them", async () => {
    const me = staff(randomUUID());
    expect(await me.platform.preferences.get({ key: 'screen.columns' })).toBeNull();
    await me.platform.preferences.set({ key: 'screen.columns', value: choice });
    expect(await me.platform.preferences.get({ key: 'screen.columns' })).toEqual(choice);
    await me.platform.preferences.set({ key: 'screen.columns', value: { hidden: [], pageSize: 10 } });
    expect(await me.platform.preferences.get({ key: 'screen.columns' })).toEqual({ hidden: [], pageSize: 10 });
  });

  it("shows one staff member's value to no other staff member, nor to the same account in another institution", async () => {
    const id = randomUUID();
    await staff(id).platform.preferences.set({ key: 'screen.columns', value: choice });
    expect(await staff(randomUUID()).platform.preferences.get({ key: 'screen.columns' })).toBeNull();
    expect(await staff(id, otherInstitution).platform.preferences.get({ key: 'screen.columns' })).toBeNull();
    await staff(id, otherInstitution).platform.preferences.set({
      key: 'screen.columns',
      value: { hidden: [], pageSize: 20 },
    });
    expect(await staff(id).platform.preferences.get({ key: 'screen.columns' })).toEqual(choice);
  });

  it('refuses an undeclared key, a value its schema refuses and an oversized value, naming the field', async () => {
    const me = staff(randomUUID());
    /** The code and field errors a refused call leaves the caller with. */
    const refusal = (call: Promise<unknown>) =>
      call.then(
        () => 'accepted',
        (error: unknown) => ({ code: (error as { code?: unknown }).code, fieldErrors: fieldErrorsOf(error) }),
      );
    expect(await refusal(me.platform.preferences.get({ key: 'screen.unknown' }))).toEqual({
      code: 'BAD_REQUEST',
      fieldErrors: [{ field: 'key', message: 'is not a known preference' }],
    });
    expect(
      await refusal(me.platform.preferences.set({ key: 'screen.columns', value: { hidden: 'email', pageSize: 50 } })),
    ).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: [expect.objectContaining({ field: 'value.hidden' })] });
    expect(
      await refusal(
        me.platform.preferences.set({
          key: 'screen.columns',
          value: { hidden: Array(100).fill('x'.repeat(100)), pageSize: 50 },
        }),
      ),
    ).toEqual({
      code: 'BAD_REQUEST',
      fieldErrors: [{ field: 'value', message: 'is longer than 4096 bytes' }],
    });
    expect(await me.platform.preferences.get({ key: 'screen.columns' })).toBeNull();
  });

  it('is refused to API keys and to staff without the permission', async () => {
    await expect(
      api
        .callerFor({ kind: 'apiKey', id: randomUUID(), permissions: can })
        .platform.preferences.get({ key: 'screen.columns' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      api.callerFor({ id: randomUUID(), permissions: new Set() }).platform.preferences.get({ key: 'screen.columns' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
