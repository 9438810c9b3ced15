import type { TRPCRouterRecord } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { platformPermissions } from '../contracts/platform-permissions.js';
import { definePlugin } from '../plugin/plugin-definition.js';
import { startTestApi, type TestApi } from '../testing/start-test-api.js';
import { fieldErrorsOf, protectedProcedure } from '../trpc/trpc.js';
import { tenancyServices } from './tenancy-services.js';

const catalogue = definePlugin({
  id: 'catalogue',
  title: 'Catalogue',
  permissions: { 'catalogue.record.read': { description: 'Read records', roles: [] } },
  router: {
    count: protectedProcedure('catalogue', 'catalogue.record.read').query(() => 42),
  } satisfies TRPCRouterRecord,
});

const loans = definePlugin({
  id: 'loans',
  title: 'Loans',
  dependsOn: ['catalogue'],
  configSchema: z.object({
    maxLoans: z.number().int().min(1).default(10),
    currency: z.string().length(3).optional(),
  }),
});

describe('module enablement per institution', () => {
  let api: TestApi<[typeof catalogue, typeof loans]>;
  let other: Awaited<ReturnType<TestApi<[]>['createInstitution']>>;
  beforeAll(async () => {
    api = await startTestApi({ plugins: [catalogue, loans], institution: { modules: ['catalogue'] } });
    other = await api.createInstitution({ code: 'OTHER_INST' });
  });
  afterAll(() => api.close());

  const callerIn = (institutionId: string) =>
    api.callerFor({
      institutionId,
      permissions: new Set(['catalogue.record.read', platformPermissions.moduleManage, platformPermissions.moduleRead]),
    });

  it('lets a procedure run where its module is enabled and refuses it where it is not', async () => {
    expect(await callerIn(api.institution.id).catalogue.count()).toBe(42);
    await expect(callerIn(other.id).catalogue.count()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'module "catalogue" is not enabled for institution "OTHER_INST"',
    });
  });

  it('refuses a caller without the permission, and one not signed in', async () => {
    await expect(api.callerFor({}).catalogue.count()).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'missing permission "catalogue.record.read"',
    });
    const anonymous = api.router.createCaller({
      services: api.kernel.services,
      principal: null,
      requestId: 'r',
    });
    await expect(anonymous.catalogue.count()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it("requires a module's dependencies to be enabled first", async () => {
    await expect(callerIn(other.id).platform.modules.enable({ moduleId: 'loans' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'module "loans" needs "catalogue" enabled first',
    });
    await callerIn(other.id).platform.modules.enable({ moduleId: 'catalogue' });
    const status = await callerIn(other.id).platform.modules.enable({ moduleId: 'loans' });
    expect(status).toMatchObject({ enabled: true, config: { maxLoans: 10 } });
  });

  it('refuses to disable a module that an enabled module depends on, and the core', async () => {
    await expect(callerIn(other.id).platform.modules.disable({ moduleId: 'catalogue' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'module "catalogue" cannot be disabled: enabled modules depend on it: "loans"',
    });
    await expect(callerIn(other.id).platform.modules.disable({ moduleId: 'platform' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await callerIn(other.id).platform.modules.disable({ moduleId: 'loans' });
    await callerIn(other.id).platform.modules.disable({ moduleId: 'catalogue' });
    await expect(callerIn(other.id).catalogue.count()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('validates configuration against the plugin schema, field by field', async () => {
    const caller = callerIn(api.institution.id);
    const refused = await caller.platform.modules
      .configure({ moduleId: 'loans', config: { maxLoans: 0, currency: 'EURO' } })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fieldErrorsOf(refused)).toEqual([
      { field: 'config.maxLoans', message: expect.stringContaining('>=1') },
      { field: 'config.currency', message: expect.stringContaining('3') },
    ]);
    const saved = await caller.platform.modules.configure({ moduleId: 'loans', config: { maxLoans: 3 } });
    expect(saved.config).toEqual({ maxLoans: 3 });
    expect(await api.kernel.services.get(tenancyServices.modules).config(api.institution.id, 'loans')).toEqual({
      maxLoans: 3,
    });
  });

  it('lists each module with its state and a JSON Schema of its configuration', async () => {
    const list = await callerIn(api.institution.id).platform.modules.list();
    expect(list.map((m) => [m.id, m.enabled])).toEqual([
      ['platform', true],
      ['auth', true],
      ['catalogue', true],
      ['loans', false],
    ]);
    expect(list.find((m) => m.id === 'loans')?.configJsonSchema).toMatchObject({
      type: 'object',
      properties: { maxLoans: { type: 'integer', minimum: 1, default: 10 } },
    });
  });

  it("keeps each institution's libraries to itself", async () => {
    const mine = api.callerFor({
      permissions: new Set([platformPermissions.libraryManage, platformPermissions.libraryRead]),
    });
    const theirs = api.callerFor({ institutionId: other.id, permissions: new Set([platformPermissions.libraryRead]) });
    await mine.platform.libraries.create({ code: 'MAIN', name: 'Main Library' });
    expect((await mine.platform.libraries.list()).map((l) => l.code)).toEqual(['MAIN']);
    expect(await theirs.platform.libraries.list()).toEqual([]);
    await expect(mine.platform.libraries.create({ code: 'MAIN', name: 'Again' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const error = await mine.platform.libraries.create({ code: 'bad code', name: ' ' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(fieldErrorsOf(error)).toEqual([
      { field: 'code', message: 'use 1 to 40 letters, digits, dots, underscores or hyphens' },
      { field: 'name', message: 'is required' },
    ]);
  });
});
