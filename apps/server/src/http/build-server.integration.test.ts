import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { TRPCRouterRecord } from '@trpc/server';
import {
  applyMigrations,
  composeRouter,
  Decimal,
  definePlugin,
  type Kernel,
  migrationsDir,
  platformPlugin,
  protectedProcedure,
  readMigrations,
  startKernel,
  tenancyServices,
  transformer,
} from '@ulms/platform';
import { openTestDatabase } from '@ulms/platform/testing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildServer } from './build-server.js';

const PERMISSION = 'till.money.count';
const tillPlugin = definePlugin({
  id: 'till',
  title: 'Till',
  permissions: { [PERMISSION]: { description: 'Count money', roles: [] } },
  router: {
    addTax: protectedProcedure('till', PERMISSION)
      .input(z.object({ amount: z.instanceof(Decimal), at: z.date() }))
      .query(({ input }) => ({
        total: input.amount.times('1.25'),
        nextDay: new Date(input.at.getTime() + 86_400_000),
      })),
    slow: protectedProcedure('till', PERMISSION).query(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return 'finished';
    }),
  } satisfies TRPCRouterRecord,
});

const plugins = [platformPlugin, tillPlugin] as const;
const router = composeRouter(plugins);

describe('HTTP host', () => {
  let server: FastifyInstance;
  let kernel: Kernel;
  let base: string;
  let closeDatabase: () => Promise<void>;

  beforeAll(async () => {
    const database = await openTestDatabase();
    closeDatabase = database.close;
    const migrations = await readMigrations(migrationsDir);
    await applyMigrations(database.sql, migrations);
    kernel = startKernel({ plugins, database, logger: pino({ level: 'silent' }) });
    const institution = await kernel.services.get(tenancyServices.institutions).create({ code: 'HTTP', name: 'HTTP' });
    await kernel.services.get(tenancyServices.modules).enable(institution.id, 'till');
    server = await buildServer({
      kernel,
      database,
      router,
      migrations,
      logLevel: 'silent',
      // Stands in for sign-in: the header names the permission set.
      authenticate: async (request) =>
        request.headers['x-test-user'] === 'clerk'
          ? {
              kind: 'staff',
              id: 'clerk',
              displayName: 'Clerk',
              institutionId: institution.id,
              permissions: new Set([PERMISSION]),
            }
          : null,
    });
    base = await server.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => closeDatabase()); // the last test closes the server

  const client = (headers: Record<string, string> = { 'x-test-user': 'clerk' }) =>
    createTRPCClient<typeof router>({
      links: [httpBatchLink({ url: `${base}/trpc`, transformer, headers })],
    });

  it('reports health with the database and migration state', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'up',
      migrations: { current: true, pending: [], changed: [] },
    });
  });

  it('carries Decimal and Date values intact through batched calls', async () => {
    const c = client();
    const [a, b] = await Promise.all([
      c.till.addTax.query({ amount: new Decimal('0.1'), at: new Date('2026-01-31T23:00:00Z') }),
      c.till.addTax.query({ amount: new Decimal('1234567890123.89'), at: new Date(0) }),
    ]);
    expect(a.total).toBeInstanceOf(Decimal);
    expect(a.total.toString()).toBe('0.125');
    expect(a.nextDay.toISOString()).toBe('2026-02-01T23:00:00.000Z');
    expect(b.total.toString()).toBe('1543209862654.8625');
  });

  it('answers 401 to a caller who is not signed in, with a field-free message', async () => {
    const response = await fetch(`${base}/trpc/till.slow`);
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain('sign in first');
  });

  it('turns bad input into field-level messages', async () => {
    await expect(client().platform.libraries.create.mutate({ code: '', name: 'x' })).rejects.toMatchObject({
      data: { code: 'FORBIDDEN' },
    });
    const response = await fetch(
      `${base}/trpc/till.addTax?input=${encodeURIComponent(JSON.stringify({ json: { amount: 'x' } }))}`,
      {
        headers: { 'x-test-user': 'clerk' },
      },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: { fieldErrors: { field: string }[] } } } };
    expect(body.error.json.data.fieldErrors.map((e) => e.field)).toEqual(['amount', 'at']);
  });

  it('finishes requests in flight when it shuts down', async () => {
    const inFlight = client().till.slow.query();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = server.close();
    expect(await inFlight).toBe('finished');
    await closing;
  });
});
