import { seedCoursesDemo } from '@ulms/courses';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, definePlugin, type Kernel, startKernel, tenancyServices } from '@ulms/platform';
import { openTestDatabase } from '@ulms/platform/testing';
import { blocksServices, seedBlocksDemo } from '@ulms/blocks';
import { seedFinesDemo } from '@ulms/fines';
import { seedProxiesDemo } from '@ulms/proxies';
import { seedLettersDemo } from '@ulms/letters';
import { usersExtensionPoints } from '@ulms/users';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPlugins } from '../installed-plugins.js';
import { startApp } from '../start-app.js';
import {
  DEMO_INSTITUTION_CODE,
  DEMO_MODULES,
  DemoSeedError,
  NORTH_INSTITUTION_CODE,
  seedDemoInstitution,
} from './demo-seed.js';

// An institution's own plugin: its validator throws on the 150th user it sees, wherever it is enabled.
let validated = 0;
const localRules = definePlugin({
  id: 'local-rules',
  title: 'Local rules',
  dependsOn: ['users'],
  register(env) {
    env.contribute(usersExtensionPoints.validators, {
      id: 'breaks-half-way',
      validate: () => {
        validated += 1;
        if (validated === 150) throw new Error('local rule broke');
        return [];
      },
    });
  },
});

describe('the demo seed', () => {
  let database: Database;
  let kernel: Kernel;
  const logger = pino({ level: 'silent' });
  const counts = async () => ({
    institutions: await database.prisma.institution.count(),
    libraries: await database.prisma.library.count(),
    modules: await database.prisma.institutionModule.count(),
    users: await database.prisma.user.count(),
    codeTables: await database.prisma.userCodeTableEntry.count(),
    accounts: await database.prisma.credential.count(),
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    kernel = startKernel({
      plugins: [...installedPlugins, localRules],
      database,
      logger,
      dataDir: await mkdtemp(join(tmpdir(), 'ulms-demo-seed-')),
    });
  });
  afterAll(() => database.close());

  it('leaves nothing behind when it fails half-way, and names what failed', async () => {
    const failed = await seedDemoInstitution(kernel, logger, {
      modules: [...DEMO_MODULES, localRules.id],
    }).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(DemoSeedError);
    expect((failed as Error).message).toMatch(/while creating the demo users, and saved nothing: local rule broke/);
    expect(validated).toBe(150);
    expect(await counts()).toEqual({
      institutions: 0,
      libraries: 0,
      modules: 0,
      users: 0,
      codeTables: 0,
      accounts: 0,
    });
  }, 120_000);

  const modulesOf = async (code: string) => {
    const institution = await kernel.services.get(tenancyServices.institutions).findByCode(code);
    const rows = await database.prisma.institutionModule.findMany({
      where: { institutionId: institution?.id, enabled: true },
      orderBy: { moduleId: 'asc' },
    });
    return rows.map((m) => m.moduleId);
  };

  it('then seeds all of it: the shipped modules, and each example plugin in one institution only', async () => {
    expect(await seedDemoInstitution(kernel, logger)).toBe(true);
    const institution = await kernel.services.get(tenancyServices.institutions).findByCode(DEMO_INSTITUTION_CODE);
    const libraries = await database.prisma.library.findMany({
      where: { institutionId: institution?.id },
      orderBy: { code: 'asc' },
    });
    expect(libraries.map((l) => l.code)).toEqual(['LAW', 'MAIN']);
    expect(await modulesOf(DEMO_INSTITUTION_CODE)).toEqual([
      'blocks',
      'campus-card',
      'courses',
      'fines',
      'letters',
      'proxies',
      'sis',
      'users',
    ]);
    expect(await modulesOf(NORTH_INSTITUTION_CODE)).toEqual(['student-rules', 'users']);
    // Three DEMO patrons' fees, through the fines operations.
    expect(await database.prisma.fee.count()).toBe(9);
    // Two patrons' manual blocks, and the debt limit that blocks the patron owing 155.
    expect(await database.prisma.userBlock.count()).toBe(3);
    const users = await database.prisma.user.findMany({
      where: { institutionId: institution?.id, primaryId: { in: ['s1000101', 's1000102', 's1000103'] } },
      orderBy: { primaryId: 'asc' },
    });
    const checker = kernel.services.get(blocksServices.checker);
    const borrowing = await Promise.all(
      users.map(async (u) => (await checker.check(institution?.id ?? '', u.id, 'borrow')).reasons),
    );
    expect(borrowing[0]).toContain('Library card returned by the post office: address to confirm');
    expect(borrowing[1]).toEqual([]);
    expect(borrowing[2]).toContain('owes 155.00 USD, at or above the debt limit of 100.00 USD');
    // One patron acting for two others.
    expect(await database.prisma.proxyRelation.count()).toBe(2);
    // Two General mails kept in the outbox: no SMTP server is configured.
    expect(await database.prisma.letterOutbox.groupBy({ by: ['status'], _count: true })).toEqual([
      { status: 'HELD', _count: 2 },
    ]);
    // Forty students in 72 enrolments of five courses, through an enrolment import with one rejected row.
    expect(await database.prisma.courseEnrolment.count()).toBe(72);
    expect(await database.prisma.courseImport.findFirst()).toMatchObject({
      status: 'SUCCEEDED',
      added: 72,
      rejected: 1,
    });
    expect(await counts()).toMatchObject({
      institutions: 2,
      // 600 demo users and the 3 staff who sign in: staff are user records.
      users: 603,
      accounts: 3,
    });
  }, 180_000);

  it('does nothing on a later start', async () => {
    expect(await seedDemoInstitution(kernel, logger)).toBe(false);
    expect((await counts()).users).toBe(603);
    const demo = await kernel.services.get(tenancyServices.institutions).findByCode(DEMO_INSTITUTION_CODE);
    expect(await seedFinesDemo(kernel.services, demo?.id ?? '')).toEqual({ fees: 0 });
    expect(await seedBlocksDemo(kernel.services, demo?.id ?? '')).toEqual({ blocks: 0 });
    expect(await seedProxiesDemo(kernel.services, demo?.id ?? '')).toEqual({ relations: 0 });
    expect(await seedLettersDemo(kernel.services, demo?.id ?? '')).toEqual({ letters: 0 });
    expect(await seedCoursesDemo(kernel.services, demo?.id ?? '')).toEqual({ enrolments: 0 });
    expect(await database.prisma.fee.count()).toBe(9);
  });
});

describe('the demo sign-in at start-up', () => {
  it('is reported by the start that seeded the demo only', async () => {
    const config = {
      port: 0,
      host: '127.0.0.1',
      database: {
        kind: 'pglite' as const,
        dataDir: await mkdtemp(join(tmpdir(), 'ulms-demo-start-')),
      },
      adminDir: join(tmpdir(), 'no-admin-build'),
      dataDir: await mkdtemp(join(tmpdir(), 'ulms-demo-start-files-')),
      logLevel: 'silent',
      secureCookies: false,
    };
    const first = await startApp(config, { seedDemo: true });
    await first.stop();
    const second = await startApp(config, { seedDemo: true });
    await second.stop();
    expect([first.demoCreated, second.demoCreated]).toEqual([true, false]);
  }, 120_000);
});
