import { createHash } from 'node:crypto';
import type { SqlRunner } from '@ulms/platform';
import { fromIsoDate } from './dates.js';
import { type UserRecordRow, userRecordSelect } from './user-record.mapper.js';

// Reads are the hot path (every REST GET, every record opened): one prepared statement through the pool
// costs a fraction of Prisma's compiled queries (see README, Performance). Writes stay with Prisma.

type Select = Record<string, unknown>;
type Row = Record<string, unknown>;

const quoted = (column: string) => `"${column}"`;
const columnsOf = (select: Select) =>
  Object.keys(select).filter((k) => select[k] === true);
const DATE_COLUMNS = new Set([
  'birthDate',
  'expiryDate',
  'purgeDate',
  'lastPatronActivityDate',
  'startDate',
  'endDate',
]);
// Timestamps inside JSON arrive as text; outside it the driver gives Dates.
const LIST_TIMESTAMP_COLUMNS = new Set(['createdAt']);

/** A user's rows of one table (the user aliased `u`): `select`'s columns as a JSON array, '[]' when none. */
function jsonListSql(
  table: string,
  select: Select,
  orderBy: string,
  condition = '',
): string {
  const object = columnsOf(select)
    .map((c) => `'${c}', l.${quoted(c)}`)
    .join(', ');
  return `COALESCE((SELECT json_agg(json_build_object(${object}) ORDER BY ${orderBy}) FROM ${quoted(table)} l WHERE l."userId" = u.id${condition}), '[]')`;
}

// In place: rebuilding the objects key by key costs more than the statement.
function revivedItem(item: Row): Row {
  for (const key of Object.keys(item)) {
    if (DATE_COLUMNS.has(key))
      item[key] = fromIsoDate(item[key] as string | null);
    else if (LIST_TIMESTAMP_COLUMNS.has(key))
      item[key] = new Date(item[key] as string);
  }
  return item;
}

/** Date-only values come as YYYY-MM-DD text, list timestamps as JSON text: both back to the Dates Prisma gives. */
function revived(row: Row): Row {
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (DATE_COLUMNS.has(key)) row[key] = fromIsoDate(value as string | null);
    else if (Array.isArray(value))
      value.forEach((item) => revivedItem(item as Row));
  }
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lists of the record: table and order; their columns are those `userRecordSelect` asks for. */
const recordLists = {
  overrides: { table: 'UserFieldOverride', orderBy: 'l.field' },
  identifiers: { table: 'UserIdentifier', orderBy: 'l.position' },
  emails: { table: 'UserEmail', orderBy: 'l.position' },
  addresses: { table: 'UserAddress', orderBy: 'l.position' },
  phones: { table: 'UserPhone', orderBy: 'l.position' },
  roles: { table: 'UserRole', orderBy: 'l.role' },
} as const;

const RECORD_COLUMNS = [
  ...columnsOf(userRecordSelect).map((c) =>
    DATE_COLUMNS.has(c)
      ? `u.${quoted(c)}::text AS ${quoted(c)}`
      : `u.${quoted(c)}`,
  ),
  ...Object.entries(recordLists).map(
    ([name, { table, orderBy }]) =>
      `${jsonListSql(table, (userRecordSelect[name as keyof typeof recordLists] as { select: Select }).select, orderBy)} AS ${quoted(name)}`,
  ),
].join(', ');

const RECORD_SQL = `SELECT ${RECORD_COLUMNS} FROM "User" u WHERE u.id = $1::uuid AND u."institutionId" = $2::uuid`;

/** A user's whole record as `userRecordSelect` describes it, in one statement; null when the institution has no such user. */
export async function readUserRecord(
  sql: SqlRunner,
  institutionId: string,
  id: string,
): Promise<UserRecordRow | null> {
  if (!UUID.test(id)) return null;
  const [row] = await sql.query<Row>(RECORD_SQL, [id, institutionId], {
    name: 'users.record',
  });
  return row ? (revived(row) as unknown as UserRecordRow) : null;
}

/** Rows a user owns that may belong to a library (notes, statistics): which table, which columns, in which order. */
export interface OwnedList {
  readonly table: 'UserNote' | 'UserStatistic';
  readonly select: Select;
  readonly orderBy: string;
}

const VISIBLE_TO_CALLER = ` AND ($3::uuid[] IS NULL OR l."ownerLibraryId" IS NULL OR l."ownerLibraryId" = ANY($3::uuid[]))`;

const ownedColumns = (lists: Record<string, OwnedList>) =>
  Object.entries(lists).map(
    ([name, list]) =>
      `${jsonListSql(list.table, list.select, list.orderBy, VISIBLE_TO_CALLER)} AS ${quoted(name)}`,
  );

/** A statement named after its text, built once per `key` (the lists are module constants). */
function memoStatement(
  cache: WeakMap<object, { text: string; name: string }>,
  key: object,
  build: () => string,
) {
  let statement = cache.get(key);
  if (!statement) {
    const text = build();
    statement = {
      text,
      name: `users.${createHash('sha1').update(text).digest('hex').slice(0, 16)}`,
    };
    cache.set(key, statement);
  }
  return statement;
}

const ownedRowsStatements = new WeakMap<
  object,
  { text: string; name: string }
>();
const byIdentifierStatements = new WeakMap<
  object,
  { text: string; name: string }
>();
const NO_LISTS = {};

/** The lists as their owners' DTO rows: each row revived. */
const revivedLists = <L extends Record<string, OwnedList>>(
  lists: L,
  found: Record<string, unknown>,
) =>
  Object.fromEntries(
    Object.keys(lists).map((name) => [
      name,
      ((found[name] as Row[] | undefined) ?? []).map(revivedItem),
    ]),
  ) as { [K in keyof L]: Row[] };

/**
 * The record of the user holding `identifier` (primary or other, case-insensitive), the type it is held
 * as and, with `owned`, the user's rows of those lists the caller may see: all in one statement.
 */
export async function readUserRecordByIdentifier<
  L extends Record<string, OwnedList>,
>(
  sql: SqlRunner,
  institutionId: string,
  identifier: string,
  owned?: { lists: L; libraryIds: readonly string[] | null },
): Promise<{
  heldAs: string;
  row: UserRecordRow;
  owned: { [K in keyof L]: Row[] };
} | null> {
  const lists = owned?.lists ?? (NO_LISTS as L);
  const statement = memoStatement(byIdentifierStatements, lists, () =>
    [
      `SELECT i."idType" AS "heldAs", ${[RECORD_COLUMNS, ...ownedColumns(lists)].join(', ')}`,
      `FROM "UserIdentifier" i JOIN "User" u ON u.id = i."userId" AND u."institutionId" = i."institutionId"`,
      `WHERE i."institutionId" = $1::uuid AND i."valueKey" = $2`,
    ].join(' '),
  );
  // The lists' visibility condition is the third parameter; without lists there is none.
  const params = [
    institutionId,
    identifier.toLowerCase(),
    ...(Object.keys(lists).length ? [owned?.libraryIds ?? null] : []),
  ];
  const [found] = await sql.query<Row>(statement.text, params, {
    name: statement.name,
  });
  if (!found) return null;
  const { heldAs, ...rest } = found;
  const ownedRows = revivedLists(lists, rest);
  for (const name of Object.keys(lists)) delete rest[name];
  return {
    heldAs: heldAs as string,
    row: revived(rest) as unknown as UserRecordRow,
    owned: ownedRows,
  };
}

/**
 * A user's rows of each list owned by no library or by one of `libraryIds` (null: any), in one statement;
 * null when the institution has no such user.
 */
export async function readOwnedRows<L extends Record<string, OwnedList>>(
  sql: SqlRunner,
  lists: L,
  institutionId: string,
  userId: string,
  libraryIds: readonly string[] | null,
): Promise<{ [K in keyof L]: Row[] } | null> {
  if (!UUID.test(userId)) return null;
  const statement = memoStatement(
    ownedRowsStatements,
    lists,
    () =>
      `SELECT ${ownedColumns(lists).join(', ')} FROM "User" u WHERE u.id = $1::uuid AND u."institutionId" = $2::uuid`,
  );
  const [found] = await sql.query<Record<string, Row[]>>(
    statement.text,
    [userId, institutionId, libraryIds],
    { name: statement.name },
  );
  return found ? revivedLists(lists, found) : null;
}
