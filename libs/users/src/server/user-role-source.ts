import type { HeldRole, InstitutionService, RoleSource, SqlRunner } from '@ulms/platform';
import { MAY_SIGN_IN_SQL } from './user-principal-resolver.js';
import { UUID } from './user-record.reader.js';

// A role grants while it is active and not past its expiry date, on a record that may sign in (UTC dates).
const ACTIVE_ROLES_SQL = `SELECT r.role, r.scope
  FROM "UserRole" r JOIN "User" u ON u.id = r."userId"
  WHERE r."userId" = $2::uuid AND r."institutionId" = $1::uuid AND u."institutionId" = $1::uuid
    AND r.status = 'ACTIVE' AND (r."expiryDate" IS NULL OR r."expiryDate" >= (now() AT TIME ZONE 'UTC')::date)
    AND ${MAY_SIGN_IN_SQL}`;

/** The roles on a user record are what its owner may do: the users module's contribution to the kernel's auth. */
export function createUserRoleSource(deps: {
  database: { sql: SqlRunner };
  institutions: InstitutionService;
}): RoleSource {
  return {
    async activeRolesOf(institutionId, subjectId) {
      if (!UUID.test(subjectId)) return [];
      const [rows, libraries] = await Promise.all([
        deps.database.sql.query<{ role: string; scope: string | null }>(ACTIVE_ROLES_SQL, [institutionId, subjectId], {
          name: 'users.activeRoles',
        }),
        deps.institutions.listLibraries(institutionId),
      ]);
      const libraryIdOf = new Map(libraries.map((l) => [l.code, l.id]));
      // A role scoped to a library the institution no longer has grants nothing.
      return rows.flatMap((r): HeldRole[] => {
        if (r.scope === null) return [{ role: r.role, libraryId: null }];
        const libraryId = libraryIdOf.get(r.scope);
        return libraryId ? [{ role: r.role, libraryId }] : [];
      });
    },
  };
}
