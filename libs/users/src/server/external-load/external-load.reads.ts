import type { SqlRunner } from '@ulms/platform';

/** Who holds each of `keys` (identifier keys) in the institution: the user and the identifier's type. */
export async function identifierHolders(
  sql: SqlRunner,
  institutionId: string,
  keys: readonly string[],
): Promise<Map<string, { userId: string; idType: string }[]>> {
  const holders = new Map<string, { userId: string; idType: string }[]>();
  if (keys.length === 0) return holders;
  const rows = await sql.query<{ valueKey: string; userId: string; idType: string }>(
    `SELECT "valueKey", "userId", "idType" FROM "UserIdentifier" WHERE "institutionId" = $1::uuid AND "valueKey" = ANY($2::text[])`,
    [institutionId, [...new Set(keys)]],
    { name: 'users.external.holders' },
  );
  for (const row of rows) holders.set(row.valueKey, [...(holders.get(row.valueKey) ?? []), row]);
  return holders;
}

export interface ExternalNoteRow {
  readonly userId: string;
  readonly noteType: string;
  readonly text: string;
  readonly popUp: boolean;
  readonly userViewable: boolean;
}

export interface ExternalStatisticRow {
  readonly userId: string;
  readonly categoryType: string;
  readonly category: string;
  readonly note: string | null;
}

/** The external notes and statistics of `userIds` (the SIS's own, which a load replaces). */
export async function externalParts(
  sql: SqlRunner,
  userIds: readonly string[],
): Promise<{ notes: Map<string, ExternalNoteRow[]>; statistics: Map<string, ExternalStatisticRow[]> }> {
  const notes = new Map<string, ExternalNoteRow[]>();
  const statistics = new Map<string, ExternalStatisticRow[]>();
  if (userIds.length === 0) return { notes, statistics };
  const [noteRows, statisticRows] = await Promise.all([
    sql.query<ExternalNoteRow>(
      `SELECT "userId", "noteType", text, "popUp", "userViewable" FROM "UserNote" WHERE "userId" = ANY($1::uuid[]) AND "segmentType" = 'EXTERNAL' ORDER BY "createdAt", id`,
      [userIds],
      { name: 'users.external.notes' },
    ),
    sql.query<ExternalStatisticRow>(
      `SELECT "userId", "categoryType", category, note FROM "UserStatistic" WHERE "userId" = ANY($1::uuid[]) AND "segmentType" = 'EXTERNAL' ORDER BY "createdAt", id`,
      [userIds],
      { name: 'users.external.statistics' },
    ),
  ]);
  for (const row of noteRows) notes.set(row.userId, [...(notes.get(row.userId) ?? []), row]);
  for (const row of statisticRows) statistics.set(row.userId, [...(statistics.get(row.userId) ?? []), row]);
  return { notes, statistics };
}

/** The versions of those of `userIds` the institution has. */
export async function userVersions(
  sql: SqlRunner,
  institutionId: string,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await sql.query<{ id: string; version: number }>(
    `SELECT id, version FROM "User" WHERE "institutionId" = $1::uuid AND id = ANY($2::uuid[])`,
    [institutionId, [...userIds]],
    { name: 'users.external.versions' },
  );
  return new Map(rows.map((r) => [r.id, r.version]));
}
