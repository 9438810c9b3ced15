import {
  type BuiltInRole,
  coreServices,
  type DatabaseLocation,
  inDatabaseTransaction,
  type Kernel,
  startKernel,
  tenancyServices,
} from '@ulms/platform';
import { blocksPlugin, seedBlocksDemo } from '@ulms/blocks';
import { FINES_MODULE, type FinesConfig, finesPlugin, seedFinesDemo } from '@ulms/fines';
import { proxiesPlugin, seedProxiesDemo } from '@ulms/proxies';
import { lettersPlugin, seedLettersDemo } from '@ulms/letters';
import { seedSisDemo, sisPlugin } from '@ulms/sis';
import { coursesPlugin, seedCoursesDemo } from '@ulms/courses';
import { seedUsersDemo, usersPlugin } from '@ulms/users';
import { usersServices } from '@ulms/users/contracts';
import type { Logger } from 'pino';
import { createStaffUser, namesOf } from '../staff/create-staff-user.js';

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

/** A second demo institution, so that what one institution enables is seen to stay out of another. */
export const NORTH_INSTITUTION_CODE = 'NORTH';
export const NORTH_ADMIN = {
  institution: NORTH_INSTITUTION_CODE,
  username: 'admin',
  password: 'demo-north-2026',
} as const;

/** The example plugins under plugins/, each enabled in one demo institution only (when installed). */
export const DEMO_EXAMPLE_PLUGINS: Readonly<Record<string, readonly string[]>> = {
  [DEMO_INSTITUTION_CODE]: ['campus-card'],
  [NORTH_INSTITUTION_CODE]: ['student-rules'],
};

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

interface DemoInstitution {
  readonly code: string;
  readonly name: string;
  readonly timeZone: string;
  readonly libraries: readonly { code: string; name: string }[];
  /** The fines module is enabled here, and three demo patrons get fees. */
  readonly fines?: boolean;
  /** The blocks module is enabled here (with fines), two patrons get manual blocks and the third's debt a limit. */
  readonly blocks?: boolean;
  /** The proxies module is enabled here, and one patron acts for two others. */
  readonly proxies?: boolean;
  /** The letters module is enabled here (no SMTP server: letters stay in the outbox), and two patrons have letters. */
  readonly letters?: boolean;
  /** The SIS module is enabled here, with the profile that owns the demo's external users and a CSV one. */
  readonly sis?: boolean;
  readonly courses?: boolean;
  readonly staff: readonly {
    username: string;
    displayName: string;
    password: string;
    roles: readonly BuiltInRole[];
  }[];
}

const demoInstitutions: readonly DemoInstitution[] = [
  {
    code: DEMO_INSTITUTION_CODE,
    name: 'Demo University Library',
    timeZone: 'America/New_York',
    libraries: [
      { code: 'MAIN', name: 'Main Library' },
      { code: 'LAW', name: 'Law Library' },
    ],
    fines: true,
    blocks: true,
    proxies: true,
    letters: true,
    sis: true,
    courses: true,
    staff: [
      {
        username: DEMO_ADMIN.username,
        displayName: 'Demo Administrator',
        password: DEMO_ADMIN.password,
        roles: ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'],
      },
      {
        username: DEMO_DESK.username,
        displayName: 'Demo Desk Operator',
        password: DEMO_DESK.password,
        roles: ['CIRCULATION_DESK_OPERATOR'],
      },
    ],
  },
  {
    code: NORTH_INSTITUTION_CODE,
    name: 'Northfield College Library',
    timeZone: 'Europe/London',
    // The demo users name these two libraries (resource-sharing and owner libraries).
    libraries: [
      { code: 'MAIN', name: 'College Library' },
      { code: 'LAW', name: 'Northfield Law Library' },
    ],
    staff: [
      {
        username: NORTH_ADMIN.username,
        displayName: 'Northfield Administrator',
        password: NORTH_ADMIN.password,
        roles: ['GENERAL_SYSTEM_ADMINISTRATOR', 'USER_ADMINISTRATOR'],
      },
    ],
  },
];

/** A debt limit of 100 for the user group of the demo patron owing 155, so the debt-limit rule blocks them. */
async function limitDebtOf(kernel: Kernel, institutionId: string, primaryId: string) {
  const found = await kernel.services.get(usersServices.users).findByIdentifier(institutionId, primaryId);
  const userGroup = found?.user.userGroup;
  if (!userGroup) throw new Error(`demo patron ${primaryId} has no user group`);
  const modules = kernel.services.get(tenancyServices.modules);
  const fines = await modules.config<FinesConfig>(institutionId, FINES_MODULE);
  await modules.configure(institutionId, FINES_MODULE, { ...fines, debtLimits: [{ userGroup, limit: '100.00' }] });
}

async function createInstitution(
  kernel: Kernel,
  demo: DemoInstitution,
  modules: readonly string[],
): Promise<{ code: string; users: number }> {
  const institutions = kernel.services.get(tenancyServices.institutions);
  const institution = await step(`creating the institution ${demo.code}`, () =>
    institutions.create({
      code: demo.code,
      name: demo.name,
      timeZone: demo.timeZone,
      defaultCurrency: 'USD',
      defaultLanguage: 'en',
    }),
  );
  for (const library of demo.libraries)
    await step(`creating library ${library.code}`, () => institutions.createLibrary(institution.id, library));
  const moduleService = kernel.services.get(tenancyServices.modules);
  const installed = new Set(kernel.plugins.map((plugin) => plugin.id));
  for (const id of modules.filter((module) => installed.has(module)))
    await step(`enabling module ${id}`, () => moduleService.enable(institution.id, id));
  const { users } = await step('creating the demo users', () => seedUsersDemo(kernel.services, institution.id));
  if (demo.fines && installed.has(finesPlugin.id)) {
    await step(`enabling module ${finesPlugin.id}`, () => moduleService.enable(institution.id, finesPlugin.id));
    await step('adding the demo fines and fees', () => seedFinesDemo(kernel.services, institution.id));
  }
  if (demo.blocks && demo.fines && installed.has(blocksPlugin.id)) {
    await step(`enabling module ${blocksPlugin.id}`, () => moduleService.enable(institution.id, blocksPlugin.id));
    await step('adding the demo blocks', () => seedBlocksDemo(kernel.services, institution.id));
    await step('setting a debt limit', () => limitDebtOf(kernel, institution.id, 's1000103'));
  }
  if (demo.proxies && installed.has(proxiesPlugin.id)) {
    await step(`enabling module ${proxiesPlugin.id}`, () => moduleService.enable(institution.id, proxiesPlugin.id));
    await step('adding the demo proxies', () => seedProxiesDemo(kernel.services, institution.id));
  }
  if (demo.letters && installed.has(lettersPlugin.id)) {
    await step(`enabling module ${lettersPlugin.id}`, () =>
      moduleService.enable(institution.id, lettersPlugin.id, { fromAddress: 'library@demo-university.example.org' }),
    );
    await step('adding the demo letters', () => seedLettersDemo(kernel.services, institution.id));
  }
  if (demo.sis && installed.has(sisPlugin.id)) {
    await step(`enabling module ${sisPlugin.id}`, () => moduleService.enable(institution.id, sisPlugin.id));
    await step('adding the demo SIS profiles', () => seedSisDemo(kernel.services, institution.id));
  }
  if (demo.courses && installed.has(coursesPlugin.id)) {
    await step(`enabling module ${coursesPlugin.id}`, () => moduleService.enable(institution.id, coursesPlugin.id));
    await step('adding the demo courses and enrolments', () => seedCoursesDemo(kernel.services, institution.id));
  }
  // Enabled after the demo users exist: an example rule applies to what staff save from now on.
  for (const id of (DEMO_EXAMPLE_PLUGINS[demo.code] ?? []).filter((plugin) => installed.has(plugin)))
    await step(`enabling example plugin ${id}`, () => moduleService.enable(institution.id, id));

  for (const member of demo.staff)
    await step(`creating staff user ${member.username} of ${demo.code}`, () =>
      createStaffUser(kernel.services, {
        institutionId: institution.id,
        primaryId: member.username,
        ...namesOf(member.displayName),
        password: member.password,
        roles: member.roles.map((role) => ({ role })),
      }),
    );
  return { code: institution.code, users };
}

async function createDemo(
  kernel: Kernel,
  modules: readonly string[],
): Promise<{ code: string; users: number }[] | null> {
  const institutions = kernel.services.get(tenancyServices.institutions);
  if (await institutions.findByCode(DEMO_INSTITUTION_CODE)) return null;
  const created: { code: string; users: number }[] = [];
  for (const demo of demoInstitutions) created.push(await createInstitution(kernel, demo, modules));
  return created;
}

/**
 * Creates the two demo institutions, their libraries, the shipped `modules` enabled (those installed), each example
 * plugin in one of them, and staff members; once. True when it did. All or nothing: a failure throws a
 * `DemoSeedError` and leaves no DEMO.
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
  for (const institution of created) logger.info(institution, 'demo institution created');
  return true;
}

/** The lines `npm start` prints so that a new user can sign in: only on the start that created the demo. */
export function demoCredentialLines(url: string): string[] {
  return [
    `Admin app: ${url}`,
    `Sign in to institution ${DEMO_ADMIN.institution} as "${DEMO_ADMIN.username}" with password "${DEMO_ADMIN.password}"`,
    `(or as "${DEMO_DESK.username}" / "${DEMO_DESK.password}", a circulation desk operator who sees less)`,
    `A second institution, ${NORTH_ADMIN.institution}: "${NORTH_ADMIN.username}" / "${NORTH_ADMIN.password}"`,
  ];
}
