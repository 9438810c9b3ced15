-- Staff are users (issue 15). Each staff account becomes a user record of its institution (or joins the
-- user whose identifier is its username), its role assignments in that institution become roles on the
-- record, and its password, second factor and sessions move to "Credential", keyed by the user's id.
-- Users' own passwords (the record's password) move there too: the kernel keeps every password.
-- Role assignments held in another institution than the account's are not carried over: a consortium's
-- staff member has a record in each institution they work in. An inactive account's roles arrive inactive.

ALTER TABLE "StaffAccount" ADD COLUMN "userId" UUID;
UPDATE "StaffAccount" a
SET "userId" = COALESCE(
  (SELECT i."userId" FROM "UserIdentifier" i
   WHERE i."institutionId" = a."institutionId" AND i."valueKey" = a."usernameKey"),
  a.id);

INSERT INTO "User" ("id", "institutionId", "recordType", "accountType", "primaryId", "firstName", "lastName",
                    "nameSearch", "sortName", "status", "createdBy", "updatedBy", "createdAt")
SELECT a.id, a."institutionId", 'STAFF', 'INTERNAL', a.username,
       NULLIF(btrim(regexp_replace(a."displayName", '\S+\s*$', '')), ''),
       substring(a."displayName" from '(\S+)\s*$'),
       lower(a."displayName"),
       lower(concat_ws(', ', substring(a."displayName" from '(\S+)\s*$'),
                       NULLIF(btrim(regexp_replace(a."displayName", '\S+\s*$', '')), ''))),
       CASE WHEN a.active THEN 'ACTIVE' ELSE 'INACTIVE' END, 'migration', 'migration', a."createdAt"
FROM "StaffAccount" a
WHERE a."userId" = a.id;

INSERT INTO "UserIdentifier" ("institutionId", "userId", "idType", "value", "valueKey", "position")
SELECT a."institutionId", a.id, 'PRIMARY', a.username, a."usernameKey", 0
FROM "StaffAccount" a
WHERE a."userId" = a.id;

INSERT INTO "UserRole" ("institutionId", "userId", "role", "scope", "status", "expiryDate")
SELECT DISTINCT ON (a."userId", r.role, l.code)
       r."institutionId", a."userId", r.role, l.code,
       CASE WHEN r.active AND a.active THEN 'ACTIVE' ELSE 'INACTIVE' END,
       ((r."expiresAt" - interval '1 millisecond') AT TIME ZONE 'UTC')::date
FROM "RoleAssignment" r
JOIN "StaffAccount" a ON a.id = r."accountId"
LEFT JOIN "Library" l ON l.id = r."libraryId"
WHERE r."institutionId" = a."institutionId"
  AND NOT EXISTS (SELECT 1 FROM "UserRole" x
                  WHERE x."userId" = a."userId" AND x.role = r.role AND x.scope IS NOT DISTINCT FROM l.code)
ORDER BY a."userId", r.role, l.code, r.active DESC;

ALTER TABLE "StaffSession" DROP CONSTRAINT "StaffSession_accountId_fkey";

CREATE TABLE "Credential" (
    "id" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "passwordHash" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "mfaSecret" TEXT,
    "mfaEnabled" BOOLEAN NOT NULL DEFAULT false,
    "recoveryCodeHashes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSignInAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Credential_pkey" PRIMARY KEY ("id")
);

INSERT INTO "Credential" ("id", "institutionId", "passwordHash", "mustChangePassword", "mfaSecret", "mfaEnabled",
                          "recoveryCodeHashes", "passwordChangedAt", "lastSignInAt", "createdAt")
SELECT DISTINCT ON (a."userId")
       a."userId", a."institutionId", a."passwordHash", a."mustChangePassword", a."mfaSecret", a."mfaEnabled",
       a."recoveryCodeHashes", a."passwordChangedAt", a."lastSignInAt", a."createdAt"
FROM "StaffAccount" a
ORDER BY a."userId", a."lastSignInAt" DESC NULLS LAST;

INSERT INTO "Credential" ("id", "institutionId", "passwordHash", "mustChangePassword")
SELECT u.id, u."institutionId", u."passwordHash", u."forcePasswordChange"
FROM "User" u
WHERE u."passwordHash" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Credential" c WHERE c.id = u.id);

UPDATE "StaffSession" s SET "accountId" = a."userId" FROM "StaffAccount" a WHERE a.id = s."accountId";

DROP TABLE "RoleAssignment";
DROP TABLE "StaffAccount";

ALTER TABLE "User" DROP COLUMN "forcePasswordChange",
DROP COLUMN "mfaEnabled",
DROP COLUMN "passwordHash";

CREATE INDEX "Credential_institutionId_idx" ON "Credential"("institutionId");

ALTER TABLE "Credential" ADD CONSTRAINT "Credential_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;
