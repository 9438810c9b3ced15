import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEmptyTestDatabase } from '../testing/test-database.js';
import type { Database } from './database.js';
import { applyMigrations, readMigrations } from './migration-runner.js';
import { migrationsDir } from './migrations-dir.js';

const INSTITUTION = '00000000-0000-4000-8000-000000000001';
const LAW = '00000000-0000-4000-8000-000000000002';
const ADMIN = '00000000-0000-4000-8000-000000000010';
const JOINER = '00000000-0000-4000-8000-000000000011';
const EXISTING_USER = '00000000-0000-4000-8000-000000000020';
const PATRON = '00000000-0000-4000-8000-000000000021';

// Migration 0013 turns staff accounts into user records; what a database of the release before holds must
// sign in the same way afterwards: same password hash, second factor and sessions.
describe(`migration 0013: staff are users (${process.env['TEST_DATABASE_URL'] ? 'PostgreSQL' : 'PGlite'})`, () => {
  let database: Database;
  beforeEach(async () => {
    database = await openEmptyTestDatabase();
  });
  afterEach(() => database.close());

  it('makes each staff account a Staff user with its roles, and moves every password to Credential', async () => {
    const files = await readMigrations(migrationsDir);
    await applyMigrations(
      database.sql,
      files.filter((f) => f.name < '0013'),
    );
    await database.sql.exec(`
      INSERT INTO "Institution" (id, code, name) VALUES ('${INSTITUTION}', 'OLD', 'Old');
      INSERT INTO "Library" (id, "institutionId", code, name) VALUES ('${LAW}', '${INSTITUTION}', 'LAW', 'Law');
      INSERT INTO "User" (id, "institutionId", "recordType", "primaryId", "lastName", "nameSearch", "sortName",
                          "createdBy", "updatedBy", "passwordHash", "forcePasswordChange")
      VALUES ('${EXISTING_USER}', '${INSTITUTION}', 'PUBLIC', 'jdoe', 'Doe', 'doe', 'doe', 'x', 'x', 'user-hash', false),
             ('${PATRON}', '${INSTITUTION}', 'PUBLIC', 'pat', 'Pat', 'pat', 'pat', 'x', 'x', 'patron-hash', true);
      INSERT INTO "UserIdentifier" ("institutionId", "userId", "idType", value, "valueKey", position)
      VALUES ('${INSTITUTION}', '${EXISTING_USER}', 'PRIMARY', 'jdoe', 'jdoe', 0),
             ('${INSTITUTION}', '${PATRON}', 'PRIMARY', 'pat', 'pat', 0);
      INSERT INTO "StaffAccount" (id, "institutionId", username, "usernameKey", "displayName", "passwordHash",
                                  "mfaSecret", "mfaEnabled", "recoveryCodeHashes", active)
      VALUES ('${ADMIN}', '${INSTITUTION}', 'Admin', 'admin', 'Ada Mary Lovelace', 'admin-hash', 'SECRET', true,
              ARRAY['r1'], true),
             ('${JOINER}', '${INSTITUTION}', 'JDoe', 'jdoe', 'John Doe', 'joiner-hash', NULL, false, ARRAY[]::text[], false);
      INSERT INTO "RoleAssignment" ("institutionId", "accountId", role, "libraryId", active, "expiresAt")
      VALUES ('${INSTITUTION}', '${ADMIN}', 'GENERAL_SYSTEM_ADMINISTRATOR', NULL, true, NULL),
             ('${INSTITUTION}', '${ADMIN}', 'CIRCULATION_DESK_OPERATOR', '${LAW}', true, '2030-06-01T00:00:00Z'),
             ('${INSTITUTION}', '${JOINER}', 'USER_MANAGER', NULL, false, NULL);
      INSERT INTO "StaffSession" ("tokenHash", "accountId", "institutionId", "expiresAt")
      VALUES ('admin-session', '${ADMIN}', '${INSTITUTION}', now() + interval '1 hour'),
             ('joiner-session', '${JOINER}', '${INSTITUTION}', now() + interval '1 hour');
    `);

    await applyMigrations(database.sql, files);

    const users = await database.sql.query(
      `SELECT id, "recordType", "accountType", "primaryId", "firstName", "lastName", status
       FROM "User" ORDER BY "primaryId"`,
    );
    expect(users).toEqual([
      {
        id: ADMIN,
        recordType: 'STAFF',
        accountType: 'INTERNAL',
        primaryId: 'Admin',
        firstName: 'Ada Mary',
        lastName: 'Lovelace',
        status: 'ACTIVE',
      },
      expect.objectContaining({ id: EXISTING_USER, recordType: 'PUBLIC', primaryId: 'jdoe' }),
      expect.objectContaining({ id: PATRON, primaryId: 'pat' }),
    ]);
    expect(
      await database.sql.query(`SELECT "idType", value, "valueKey" FROM "UserIdentifier" WHERE "userId" = $1`, [ADMIN]),
    ).toEqual([{ idType: 'PRIMARY', value: 'Admin', valueKey: 'admin' }]);
    expect(
      await database.sql.query(
        `SELECT "userId", role, scope, status, "expiryDate"::text AS "expiryDate" FROM "UserRole" ORDER BY "userId", role`,
      ),
    ).toEqual([
      { userId: ADMIN, role: 'CIRCULATION_DESK_OPERATOR', scope: 'LAW', status: 'ACTIVE', expiryDate: '2030-05-31' },
      { userId: ADMIN, role: 'GENERAL_SYSTEM_ADMINISTRATOR', scope: null, status: 'ACTIVE', expiryDate: null },
      { userId: EXISTING_USER, role: 'USER_MANAGER', scope: null, status: 'INACTIVE', expiryDate: null },
    ]);
    expect(
      await database.sql.query(
        `SELECT id, "passwordHash", "mustChangePassword", "mfaSecret", "mfaEnabled", "recoveryCodeHashes"
         FROM "Credential" ORDER BY "passwordHash"`,
      ),
    ).toEqual([
      {
        id: ADMIN,
        passwordHash: 'admin-hash',
        mustChangePassword: false,
        mfaSecret: 'SECRET',
        mfaEnabled: true,
        recoveryCodeHashes: ['r1'],
      },
      // The account whose username was already a user's identifier joined that user, and its password won.
      expect.objectContaining({ id: EXISTING_USER, passwordHash: 'joiner-hash' }),
      expect.objectContaining({ id: PATRON, passwordHash: 'patron-hash', mustChangePassword: true }),
    ]);
    expect(
      await database.sql.query(`SELECT "tokenHash", "accountId" FROM "StaffSession" ORDER BY "tokenHash"`),
    ).toEqual([
      { tokenHash: 'admin-session', accountId: ADMIN },
      { tokenHash: 'joiner-session', accountId: EXISTING_USER },
    ]);
    const left = await database.sql.query(
      `SELECT table_name FROM information_schema.tables WHERE table_name IN ('StaffAccount', 'RoleAssignment')`,
    );
    expect(left).toEqual([]);
  });
});
