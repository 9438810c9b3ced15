import {
  authServices,
  type DatabaseLocation,
  type Kernel,
  tenancyServices,
} from '@ulms/platform';
import { seedUsersDemo } from '@ulms/users';
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
export function demoSeedWanted(
  env: NodeJS.ProcessEnv,
  database: DatabaseLocation,
): boolean {
  const asked = env['SEED_DEMO']?.trim().toLowerCase();
  if (asked === 'true') return true;
  if (asked === 'false') return false;
  return database.kind === 'pglite';
}

/** Creates the demo institution, its libraries, every module enabled and two staff members; once. True when it did. */
export async function seedDemoInstitution(
  kernel: Kernel,
  logger: Logger,
): Promise<boolean> {
  const institutions = kernel.services.get(tenancyServices.institutions);
  if (await institutions.findByCode(DEMO_INSTITUTION_CODE)) return false;

  const institution = await institutions.create({
    code: DEMO_INSTITUTION_CODE,
    name: 'Demo University Library',
    timeZone: 'America/New_York',
    defaultCurrency: 'USD',
    defaultLanguage: 'en',
  });
  await institutions.createLibrary(institution.id, {
    code: 'MAIN',
    name: 'Main Library',
  });
  await institutions.createLibrary(institution.id, {
    code: 'LAW',
    name: 'Law Library',
  });
  const modules = kernel.services.get(tenancyServices.modules);
  for (const plugin of kernel.plugins) {
    if (!plugin.core) await modules.enable(institution.id, plugin.id);
  }
  const { users } = await seedUsersDemo(kernel.services, institution.id);

  const accounts = kernel.services.get(authServices.accounts);
  await accounts.create({
    institutionId: institution.id,
    username: DEMO_ADMIN.username,
    displayName: 'Demo Administrator',
    password: DEMO_ADMIN.password,
    roles: [
      { role: 'GENERAL_SYSTEM_ADMINISTRATOR' },
      { role: 'USER_ADMINISTRATOR' },
    ],
  });
  await accounts.create({
    institutionId: institution.id,
    username: DEMO_DESK.username,
    displayName: 'Demo Desk Operator',
    password: DEMO_DESK.password,
    roles: [{ role: 'CIRCULATION_DESK_OPERATOR' }],
  });
  logger.info(
    { institution: institution.code, users },
    'demo institution created',
  );
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
