import type { Prisma } from '@prisma/client';

// Set-based writes of the SIS load: every table's rows go in one statement as one JSON parameter, read back
// into the table's own row type, so that a batch of hundreds of users costs a handful of statements.

type Row = Record<string, unknown>;

const quoted = (column: string) => `"${column}"`;

/** Inserts rows into `table` (the columns of the first row; every row has the same). */
export async function insertRows(tx: Prisma.TransactionClient, table: string, rows: readonly object[]): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = Object.keys(first).map(quoted).join(', ');
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quoted(table)} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${quoted(table)}, $1::jsonb)`,
    JSON.stringify(rows),
  );
}

/**
 * Updates users from rows holding `id`, the `version` read and the columns to set; raises each version by one.
 * Answers how many rows matched: fewer than given means a user changed (or went) since it was read.
 */
export async function updateUsers(
  tx: Prisma.TransactionClient,
  institutionId: string,
  rows: readonly Row[],
): Promise<number> {
  const [first] = rows;
  if (!first) return 0;
  const columns = Object.keys(first).filter((c) => c !== 'id' && c !== 'version');
  const assignments = columns.map((c) => `${quoted(c)} = r.${quoted(c)}`).join(', ');
  return tx.$executeRawUnsafe(
    `UPDATE "User" AS u SET ${assignments}, "version" = u."version" + 1
     FROM jsonb_populate_recordset(NULL::"User", $1::jsonb) AS r
     WHERE u.id = r.id AND u."institutionId" = $2::uuid AND u."version" = r."version"`,
    JSON.stringify(rows),
    institutionId,
  );
}

/** Deletes the rows of `table` belonging to `userIds`, only those of one segment type when given. */
export async function deleteOwnedRows(
  tx: Prisma.TransactionClient,
  table: string,
  userIds: readonly string[],
  segmentType?: 'EXTERNAL',
): Promise<void> {
  if (userIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM ${quoted(table)} WHERE "userId" IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid)${segmentType ? ` AND "segmentType" = '${segmentType}'` : ''}`,
    // As JSON: the embedded database's driver takes no array parameters.
    JSON.stringify(userIds),
  );
}
