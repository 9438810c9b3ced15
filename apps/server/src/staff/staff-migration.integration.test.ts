import { hash } from 'node:crypto';
import { tmpdir } from 'node:os';
import {
  applyMigrations,
  authServices,
  hashPassword,
  migrationsDir,
  readMigrations,
  startKernel,
  type Database,
} from '@ulms/platform';
import { openEmptyTestDatabase } from '@ulms/platform/testing';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPlugins } from '../installed-plugins.js';

const INSTITUTION = '00000000-0000-4000-8000-0000000000a1';
const ADMIN = '00000000-0000-4000-8000-0000000000a2';
const TWO_STEP = '00000000-0000-4000-8000-0000000000a3';
const PASSWORD = 'the password of the old release';
const TOKEN = 'a session token issued by the release before';
const sha256 = (text: string) => hash('sha256', text, 'hex');

// Staff accounts of the release before migration 0013 keep signing in as the user records it makes of them:
// their passwords, second factors and open sessions, through the real sign-in and the users module.
describe(`staff accounts migrated to user records (${process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  const sessions = () =>
    startKernel({
      plugins: installedPlugins,
      database,
      logger: pino({ level: 'silent' }),
      dataDir: tmpdir(),
    }).services.get(authServices.sessions);

  beforeAll(async () => {
    database = await openEmptyTestDatabase();
    const files = await readMigrations(migrationsDir);
    await applyMigrations(
      database.sql,
      files.filter((f) => f.name < '0013'),
    );
    const passwordHash = await hashPassword(PASSWORD);
    await database.sql.exec(`
      INSERT INTO "Institution" (id, code, name) VALUES ('${INSTITUTION}', 'OLDREL', 'Old release');
      INSERT INTO "InstitutionModule" ("institutionId", "moduleId", enabled) VALUES ('${INSTITUTION}', 'users', true);
      INSERT INTO "StaffAccount" (id, "institutionId", username, "usernameKey", "displayName", "passwordHash",
                                  "mfaSecret", "mfaEnabled")
      VALUES ('${ADMIN}', '${INSTITUTION}', 'admin', 'admin', 'Old Admin', '${passwordHash}', NULL, false),
             ('${TWO_STEP}', '${INSTITUTION}', 'guarded', 'guarded', 'Two Step', '${passwordHash}',
              'JBSWY3DPEHPK3PXP', true);
      INSERT INTO "RoleAssignment" ("institutionId", "accountId", role)
      VALUES ('${INSTITUTION}', '${ADMIN}', 'GENERAL_SYSTEM_ADMINISTRATOR'),
             ('${INSTITUTION}', '${ADMIN}', 'USER_ADMINISTRATOR'),
             ('${INSTITUTION}', '${TWO_STEP}', 'USER_MANAGER');
      INSERT INTO "StaffSession" ("tokenHash", "accountId", "institutionId", "expiresAt")
      VALUES ('${sha256(TOKEN)}', '${ADMIN}', '${INSTITUTION}', now() + interval '1 hour');
    `);
    await applyMigrations(database.sql, files);
  });
  afterAll(() => database.close());

  it('keeps an open session, now the staff record’s', async () => {
    const principal = await sessions().principalOf(TOKEN);
    expect(principal).toMatchObject({ kind: 'staff', id: ADMIN, loginName: 'admin', displayName: 'Old Admin' });
    expect(principal?.permissions.has('users.user.update')).toBe(true);
  });

  it('signs in with the old password, and asks for the second step where one was enrolled', async () => {
    const meta = { ip: '192.0.2.90', userAgent: 'vitest' };
    const signIn = (username: string, password = PASSWORD) =>
      sessions().signIn({ institution: 'oldrel', username, password }, meta);
    expect((await signIn('ADMIN')).result).toEqual({ status: 'signedIn' });
    expect((await signIn('guarded')).result).toEqual({ status: 'mfaRequired' });
    await expect(signIn('admin', 'not the old password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
