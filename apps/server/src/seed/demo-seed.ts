import {
  authServices,
  coreServices,
  type DatabaseLocation,
  inDatabaseTransaction,
  type Kernel,
  startKernel,
  tenancyServices,
} from '@ulms/platform';
import { seedUsersDemo, usersPlugin } from '@ulms/users';
import type { Logger } from 'pino';

export const DEMO_INSTITUTION_CODE = 'DEMO';

/** The demo's staff sign-ins. Demo data only: a real installation creates its own with `ulms staff create`. */
export const DEMO_ADMIN = {
  institution: DEMO_INSTITUTION_CODE,
  username: 'admin',
  password: 'demo-admin-2026',
} as const;
export const DEMO_DESK = {
  institution: DEMO_INSTITUTION_CODE,
  username: 'desk',
  password: 'demo-desk-2026',
} as const;

/**
 * Whether the server seeds the demo: `SEED_DEMO=true` or `false` says so; otherwise on the embedded database
 * (a first look on a fresh clone) and never on a PostgreSQL server, whose first administrator comes from
 * `ulms setup`.
 */
export function demoSeedWanted(env: NodeJS.ProcessEnv, database: DatabaseLocation): boolean {
  const asked = env['SEED_DEMO']?.trim().toLowerCase();
  if (asked === 'true') return true;
  if (asked === 'false') return false;
  return database.kind === 'pglite';
}

/** The modules the demo enables: the ones this project ships, as they come; never an institution's own plugins. */
export const DEMO_MODULES: readonly string[] = [usersPlugin.id];

/** The demo seed failed; nothing of it was saved. */
export class DemoSeedError extends Error {}

/** Runs one step of the seed; a failure names the step. */
async function step<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new DemoSeedError(
      `The demo seed failed while ${what}, and saved nothing: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

async function createDemo(kernel: Kernel, modules: readonly string[]): Promise<{ code: string; users: number } | null> {
  const institutions = kernel.services.get(tenancyServices.institutions);
  if (await institutions.findByCode(DEMO_INSTITUTION_CODE)) return null;

  const institution = await step('creating the institution', () =>
    institutions.create({
      code: DEMO_INSTITUTION_CODE,
      name: 'Demo University Library',
      timeZone: 'America/New_York',
      defaultCurrency: 'USD',
      defaultLanguage: 'en',
    }),
  );
  for (const library of [
    { code: 'MAIN', name: 'Main Library' },
    { code: 'LAW', name: 'Law Library' },
  ])
    await step(`creating library ${library.code}`, () => institutions.createLibrary(institution.id, library));
  const moduleService = kernel.services.get(tenancyServices.modules);
  const installed = new Set(kernel.plugins.map((plugin) => plugin.id));
  for (const id of modules.filter((module) => installed.has(module)))
    await step(`enabling module ${id}`, () => moduleService.enable(institution.id, id));
  const { users } = await step('creating the demo users', () => seedUsersDemo(kernel.services, institution.id));

  const accounts = kernel.services.get(authServices.accounts);
  await step(`creating staff account ${DEMO_ADMIN.username}`, () =>
    accounts.create({
      institutionId: institution.id,
      username: DEMO_ADMIN.username,
      displayName: 'Demo Administrator',
      password: DEMO_ADMIN.password,
      roles: [{ role: 'GENERAL_SYSTEM_ADMINISTRATOR' }, { role: 'USER_ADMINISTRATOR' }],
    }),
  );
  await step(`creating staff account ${DEMO_DESK.username}`, () =>
    accounts.create({
      institutionId: institution.id,
      username: DEMO_DESK.username,
      displayName: 'Demo Desk Operator',
      password: DEMO_DESK.password,
      roles: [{ role: 'CIRCULATION_DESK_OPERATOR' }],
    }),
  );
  return { code: institution.code, users };
}

/**
 * Creates the demo institution, its libraries, the shipped `modules` enabled (those installed) and two staff
 * members; once. True when it did. All or nothing: a failure throws a `DemoSeedError` and leaves no DEMO.
 */
export async function seedDemoInstitution(
  kernel: Kernel,
  logger: Logger,
  options: { modules?: readonly string[] } = {},
): Promise<boolean> {
  const database = kernel.services.get(coreServices.database);
  // One transaction, run by a kernel started on it, so even a killed process leaves no half-made demo.
  const created = await inDatabaseTransaction(database, (tx) =>
    createDemo(
      startKernel({
        plugins: kernel.plugins,
        database: tx,
        logger,
        dataDir: kernel.services.get(coreServices.dataDir),
      }),
      options.modules ?? DEMO_MODULES,
    ),
  );
  if (!created) return false;
  logger.info({ institution: created.code, users: created.users }, 'demo institution created');
  return true;
}

/** The lines `npm start` prints so that a new user can sign in: only on the start that created the demo. */
export function demoCredentialLines(url: string): string[] {
  return [
    `Admin app: ${url}`,
    `Sign in to institution ${DEMO_ADMIN.institution} as "${DEMO_ADMIN.username}" with password "${DEMO_ADMIN.password}"`,
    `(or as "${DEMO_DESK.username}" / "${DEMO_DESK.password}", a circulation desk operator who sees less)`,
  ];
}
