import type { Prisma } from '@prisma/client';
import type { UserHistoryWriter } from '../contracts/user-history-writer.js';

/** History entries in the caller's transaction, one statement for all; a user not of the institution gets none. */
export function createUserHistoryWriter(): UserHistoryWriter {
  return {
    async record(tx, by, entries) {
      if (entries.length === 0) return;
      await (tx as Prisma.TransactionClient).$executeRawUnsafe(
        `INSERT INTO "UserHistoryEntry" ("institutionId", "userId", field, "oldValue", "newValue", "actorKind", actor, at)
         SELECT $1::uuid, e."userId", e.field, e."oldValue", e."newValue", $2, $3, now()
         FROM jsonb_to_recordset($4::jsonb) AS e("userId" uuid, field text, "oldValue" text, "newValue" text)
         JOIN "User" u ON u.id = e."userId" AND u."institutionId" = $1::uuid`,
        by.institutionId,
        by.actorKind ?? 'staff',
        by.actor,
        JSON.stringify(entries),
      );
    },
  };
}
