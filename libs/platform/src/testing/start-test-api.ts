import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { CreateInstitutionInput } from '../contracts/tenancy.schema.js';
import type { Database } from '../database/database.js';
import { authPlugin } from '../auth/auth.plugin.js';
import { platformPlugin } from '../platform.plugin.js';
import { jobServices } from '../jobs/job-refs.js';
import { workerServices } from '../workers/worker-refs.js';
import { type Kernel, startKernel } from '../plugin/kernel.js';
import type { AnyPlugin } from '../plugin/plugin-definition.js';
import type { ServiceOverride } from '../plugin/service-ref.js';
import { tenancyServices } from '../tenancy/tenancy-services.js';
import { composeRouter } from '../trpc/compose-router.js';
import type { HttpExchange, InstitutionRef, Principal } from '../trpc/request-context.js';
import { createCallerFactory } from '../trpc/trpc.js';
import { openTestDatabase } from './test-database.js';

type Plugins<P extends readonly AnyPlugin[]> = readonly [typeof platformPlugin, typeof authPlugin, ...P];
type TestRouter<P extends readonly AnyPlugin[]> = ReturnType<typeof composeRouter<Plugins<P>>>;
type Caller<P extends readonly AnyPlugin[]> = ReturnType<ReturnType<typeof createCallerFactory<TestRouter<P>>>>;

/** An institution for a test, with the modules it has enabled. */
export interface TestInstitutionOptions extends Partial<CreateInstitutionInput> {
  modules?: readonly string[];
}

export interface TestApi<P extends readonly AnyPlugin[]> {
  readonly database: Database;
  readonly kernel: Kernel;
  readonly router: TestRouter<P>;
  /** The institution created for the test. */
  readonly institution: InstitutionRef;
  /** A caller holding every declared permission in `institution`. */
  readonly caller: Caller<P>;
  /** A caller for another principal, by default in `institution` with no permissions. */
  callerFor(principal: Partial<Principal>): Caller<P>;
  /** A caller that is not signed in, optionally over a (fake) HTTP exchange carrying cookies. */
  anonymousCaller(http?: HttpExchange): Caller<P>;
  /** Creates another institution (each test can have its own: tenancy isolates them). */
  createInstitution(options?: TestInstitutionOptions): Promise<InstitutionRef>;
  close(): Promise<void>;
}

let counter = 0;

/**
 * Starts the kernel with `plugins` (after the core platform and auth plugins) on a fresh migrated database
 * and gives typed tRPC callers. PGlite in memory by default; a fresh server database with TEST_DATABASE_URL.
 */
export async function startTestApi<const P extends readonly AnyPlugin[]>(options: {
  plugins: P;
  institution?: TestInstitutionOptions;
  database?: Database;
  /** Services used in place of those the plugins provide: `overrideService(ref, fake)`. */
  overrides?: readonly ServiceOverride[];
}): Promise<TestApi<P>> {
  const database = options.database ?? (await openTestDatabase());
  const plugins = [platformPlugin, authPlugin, ...options.plugins] as unknown as Plugins<P>;
  const dataDir = await mkdtemp(join(tmpdir(), 'ulms-test-data-'));
  const kernel = startKernel({
    plugins,
    database,
    logger: pino({ level: 'silent' }),
    dataDir,
    overrides: options.overrides,
  });
  const router = composeRouter(plugins);
  const createCaller = createCallerFactory(router);
  const allPermissions = new Set(kernel.permissions.keys());

  const createInstitution = async (opts: TestInstitutionOptions = {}): Promise<InstitutionRef> => {
    const { modules = [], ...fields } = opts;
    counter += 1;
    const institution = await kernel.services.get(tenancyServices.institutions).create({
      code: `TEST_${counter}_${randomUUID().slice(0, 8)}`,
      name: `Test institution ${counter}`,
      ...fields,
    });
    for (const moduleId of modules) {
      await kernel.services.get(tenancyServices.modules).enable(institution.id, moduleId);
    }
    return institution;
  };

  const institution = await createInstitution(options.institution);
  const callerFor = (principal: Partial<Principal>): Caller<P> =>
    createCaller({
      services: kernel.services,
      requestId: randomUUID(),
      principal: {
        kind: 'staff',
        id: randomUUID(),
        displayName: 'Test caller',
        institutionId: institution.id,
        permissions: new Set(),
        ...principal,
      },
    }) as Caller<P>;

  const anonymousCaller = (http?: HttpExchange): Caller<P> =>
    createCaller({
      services: kernel.services,
      requestId: randomUUID(),
      principal: null,
      http,
    }) as Caller<P>;

  return {
    database,
    anonymousCaller,
    kernel,
    router,
    institution,
    caller: callerFor({ permissions: allPermissions }),
    callerFor,
    createInstitution,
    // Jobs a test started stop (and are waited for) before their database and files go.
    close: async () => {
      await kernel.services.get(workerServices.workers).stop();
      await kernel.services.get(jobServices.jobs).stop();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
