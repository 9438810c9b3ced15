import type { InstitutionService, ModuleService, PrincipalResolver, SignInSubject, SqlRunner } from '@ulms/platform';
import { identifierKey } from '../contracts/identifiers.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { PRIMARY_ID_TYPE } from '../contracts/identifiers.js';
import { UUID } from './user-record.reader.js';
import { USERS_MODULE } from './users-module.js';

interface SubjectRow {
  id: string;
  primaryId: string;
  firstName: string | null;
  lastName: string | null;
  prefFirstName: string | null;
  prefLastName: string | null;
  accountType: string;
  maySignIn: boolean;
}

/** Whether user `u` may sign in: active, not past its expiry date (UTC) and not a contact. */
export const MAY_SIGN_IN_SQL = `(u.status = 'ACTIVE' AND u."recordType" <> 'CONTACT'
    AND (u."expiryDate" IS NULL OR u."expiryDate" >= (now() AT TIME ZONE 'UTC')::date))`;

const SUBJECT_COLUMNS = `u.id, u."primaryId", u."firstName", u."lastName", u."prefFirstName", u."prefLastName",
  u."accountType", ${MAY_SIGN_IN_SQL} AS "maySignIn"`;

const BY_IDENTIFIER_SQL = `SELECT ${SUBJECT_COLUMNS}
  FROM "UserIdentifier" i JOIN "User" u ON u.id = i."userId"
  WHERE i."institutionId" = $1::uuid AND i."valueKey" = $2 AND i."idType" = ANY($3::text[]) AND i.status = 'ACTIVE'
  LIMIT 1`;

const BY_ID_SQL = `SELECT ${SUBJECT_COLUMNS} FROM "User" u WHERE u.id = $2::uuid AND u."institutionId" = $1::uuid`;

function subjectOf(row: SubjectRow | undefined): SignInSubject | null {
  if (!row) return null;
  const displayName = [row.prefFirstName ?? row.firstName, row.prefLastName ?? row.lastName].filter(Boolean).join(' ');
  return {
    id: row.id,
    displayName: displayName || row.primaryId,
    loginName: row.primaryId,
    maySignIn: row.maySignIn,
    authentication: row.accountType === 'INTERNAL' ? 'local' : 'external',
  };
}

/** The identifier types people may sign in with: the primary identifier and those the institution lists. */
function signInTypes(config: UsersConfig): string[] {
  const listed = config.signInIdentifierTypes
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);
  return [PRIMARY_ID_TYPE, ...listed];
}

/** The users module's answer to "who signs in with this?": a user record of the institution. */
export function createUserPrincipalResolver(deps: {
  database: { sql: SqlRunner };
  modules: ModuleService;
  institutions: InstitutionService;
}): PrincipalResolver {
  const { sql } = deps.database;
  const byIdentifierOf = async (institutionId: string, types: string[], value: string) => {
    const key = identifierKey(value);
    if (!key) return null;
    const [row] = await sql.query<SubjectRow>(BY_IDENTIFIER_SQL, [institutionId, key, types], {
      name: 'users.signInSubjectByIdentifier',
    });
    return subjectOf(row);
  };
  return {
    async byLogin(institutionId, login) {
      const config = await deps.modules.config<UsersConfig>(institutionId, USERS_MODULE);
      return byIdentifierOf(institutionId, signInTypes(config), login);
    },
    byIdentifier(institutionId, identifierType, value) {
      return byIdentifierOf(institutionId, [identifierType], value);
    },
    async byId(institutionId, subjectId) {
      if (!UUID.test(subjectId)) return null;
      const [row] = await sql.query<SubjectRow>(BY_ID_SQL, [institutionId, subjectId], {
        name: 'users.signInSubjectById',
      });
      return subjectOf(row);
    },
  };
}
