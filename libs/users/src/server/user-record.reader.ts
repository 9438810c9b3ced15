import { createHash } from 'node:crypto';
import { credentialStatusJsonSql, type SqlRunner } from '@ulms/platform';
import { identifierKey } from '../contracts/identifiers.js';
import { fromIsoDate } from './dates.js';
import { type UserRecordRow, userRecordSelect } from './user-record.mapper.js';

// Reads are the hot path (every REST GET, every record opened): one prepared statement through the pool
// costs a fraction of Prisma's compiled queries (see README, Performance). Writes stay with Prisma.
// Each record comes as one JSON value: the driver's JSON.parse makes objects V8 reads fast, where a
// wide driver row (built key by key) is several times slower to copy and map.

type Select = Record<string, unknown>;
type Row = Record<string, unknown>;

const quoted = (column: string) => `"${column}"`;
const columnsOf = (select: Select) => Object.keys(select).filter((k) => select[k] === true);
const DATE_COLUMNS = new Set([
  'birthDate',
  'expiryDate',
  'purgeDate',
  'lastPatronActivityDate',
  'startDate',
  'endDate',
]);
const TIMESTAMP_COLUMNS = new Set(['statusDate', 'createdAt', 'updatedAt']);

/** A user's rows of one table (the user aliased `u`): `select`'s columns as a JSON array, '[]' when none. */
function jsonListSql(table: string, select: Select, orderBy: string, condition = ''): string {
  const object = columnsOf(select)
    .map((c) => `'${c}', l.${quoted(c)}`)
    .join(', ');
  return `COALESCE((SELECT json_agg(json_build_object(${object}) ORDER BY ${orderBy}) FROM ${quoted(table)} l WHERE l."userId" = u.id${condition}), '[]')`;
}

/** JSON's dates and timestamps are text: back to the Dates Prisma gives, in place; in the record's lists too (never inside JSON values such as an override's SIS value). */
function revived(row: Row, lists: readonly string[] = []): Row {
  for (const key of Object.keys(row)) {
    const value = row[key];
    if (DATE_COLUMNS.has(key)) row[key] = fromIsoDate(value as string | null);
    else if (TIMESTAMP_COLUMNS.has(key)) row[key] = value === null ? null : new Date(value as string);
    else if (lists.includes(key)) (value as Row[]).forEach((item) => revived(item));
  }
  return row;
}

/** A user id as the database has them: a statement never sees another value. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The lists of the record: table and order; their columns are those `userRecordSelect` asks for. */
const recordLists = {
  overrides: { table: 'UserFieldOverride', orderBy: 'l.field' },
  identifiers: { table: 'UserIdentifier', orderBy: 'l.position' },
  emails: { table: 'UserEmail', orderBy: 'l.position' },
  addresses: { table: 'UserAddress', orderBy: 'l.position' },
  phones: { table: 'UserPhone', orderBy: 'l.position' },
  roles: { table: 'UserRole', orderBy: 'l.role, l.scope' },
} as const;

const RECORD_LIST_NAMES = Object.keys(recordLists);

/** The record of user `u` as one JSON object, with what the kernel says of its password and second factor. */
const RECORD_JSON = `(SELECT row_to_json(r) FROM (SELECT ${[
  ...columnsOf(userRecordSelect).map((c) => `u.${quoted(c)}`),
  `${credentialStatusJsonSql('u.id')} AS "credential"`,
  ...Object.entries(recordLists).map(
    ([name, { table, orderBy }]) =>
      `${jsonListSql(table, (userRecordSelect[name as keyof typeof recordLists] as { select: Select }).select, orderBy)} AS ${quoted(name)}`,
  ),
].join(', ')}) r)`;

const RECORD_SQL = `SELECT ${RECORD_JSON} AS record FROM "User" u WHERE u.id = $1::uuid AND u."institutionId" = $2::uuid`;

/** A user's whole record as `userRecordSelect` describes it, in one statement; null when the institution has no such user. */
export async function readUserRecord(sql: SqlRunner, institutionId: string, id: string): Promise<UserRecordRow | null> {
  if (!UUID.test(id)) return null;
  const [found] = await sql.query<{ record: Row }>(RECORD_SQL, [id, institutionId], { name: 'users.record' });
  return found ? (revived(found.record, RECORD_LIST_NAMES) as unknown as UserRecordRow) : null;
}

const EXISTS_SQL = `SELECT 1 FROM "User" WHERE id = $1::uuid AND "institutionId" = $2::uuid`;

/** Whether the institution has user `id`: one index look-up, for callers that need nothing of the record. */
export async function userExists(sql: SqlRunner, institutionId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  return (await sql.query(EXISTS_SQL, [id, institutionId], { name: 'users.exists' })).length > 0;
}

const RECORDS_SQL = `SELECT ${RECORD_JSON} AS record FROM "User" u WHERE u.id = ANY($1::uuid[]) AND u."institutionId" = $2::uuid`;

/** The records of those of `ids` the institution has, in one statement (any order). */
export async function readUserRecords(
  sql: SqlRunner,
  institutionId: string,
  ids: readonly string[],
): Promise<UserRecordRow[]> {
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (valid.length === 0) return [];
  const found = await sql.query<{ record: Row }>(RECORDS_SQL, [valid, institutionId], { name: 'users.records' });
  return found.map((f) => revived(f.record, RECORD_LIST_NAMES) as unknown as UserRecordRow);
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
    ([name, list]) => `${jsonListSql(list.table, list.select, list.orderBy, VISIBLE_TO_CALLER)} AS ${quoted(name)}`,
  );

/** A statement named after its text, built once per `key` (the lists are module constants). */
function memoStatement(cache: WeakMap<object, { text: string; name: string }>, key: object, build: () => string) {
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

const ownedRowsStatements = new WeakMap<object, { text: string; name: string }>();
const byIdentifierStatements = new WeakMap<object, { text: string; name: string }>();
const NO_LISTS = {};

const revivedLists = <L extends Record<string, OwnedList>>(lists: L, found: Record<string, unknown>) =>
  Object.fromEntries(
    Object.keys(lists).map((name) => [name, ((found[name] as Row[] | undefined) ?? []).map((item) => revived(item))]),
  ) as { [K in keyof L]: Row[] };

/**
 * The record of the user holding `identifier` (primary or other, case-insensitive and normalised as stored), the type it is held
 * as and, with `owned`, the user's rows of those lists the caller may see: all in one statement.
 */
export async function readUserRecordByIdentifier<L extends Record<string, OwnedList>>(
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
      `SELECT i."idType" AS "heldAs", ${[`${RECORD_JSON} AS record`, ...ownedColumns(lists)].join(', ')}`,
      `FROM "UserIdentifier" i JOIN "User" u ON u.id = i."userId" AND u."institutionId" = i."institutionId"`,
      `WHERE i."institutionId" = $1::uuid AND i."valueKey" = $2`,
    ].join(' '),
  );
  // The lists' visibility condition is the third parameter; without lists there is none.
  const params = [
    institutionId,
    identifierKey(identifier),
    ...(Object.keys(lists).length ? [owned?.libraryIds ?? null] : []),
  ];
  const [found] = await sql.query<Row & { heldAs: string; record: Row }>(statement.text, params, {
    name: statement.name,
  });
  if (!found) return null;
  return {
    heldAs: found.heldAs,
    row: revived(found.record, RECORD_LIST_NAMES) as unknown as UserRecordRow,
    owned: revivedLists(lists, found),
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
  const [found] = await sql.query<Record<string, Row[]>>(statement.text, [userId, institutionId, libraryIds], {
    name: statement.name,
  });
  return found ? revivedLists(lists, found) : null;
}
