import type { SqlRunner } from '@ulms/platform';
import { fromIsoDate } from './dates.js';
import { type UserRecordRow, userRecordSelect } from './user-record.mapper.js';

// Reads are the hot path (every REST GET, every record opened): one statement through the pool is several
// times cheaper than Prisma's compiled queries (see README, Performance). Writes stay with Prisma.

type Select = Record<string, unknown>;

const quoted = (column: string) => `"${column}"`;
const DATE_COLUMNS = new Set([
  'birthDate',
  'expiryDate',
  'purgeDate',
  'lastPatronActivityDate',
  'startDate',
  'endDate',
]);

/** The lists of the record: table, order, and the columns `userRecordSelect` asks for. */
const lists = {
  overrides: { table: 'UserFieldOverride', orderBy: 'field' },
  identifiers: { table: 'UserIdentifier', orderBy: 'position' },
  emails: { table: 'UserEmail', orderBy: 'position' },
  addresses: { table: 'UserAddress', orderBy: 'position' },
  phones: { table: 'UserPhone', orderBy: 'position' },
  roles: { table: 'UserRole', orderBy: 'role' },
} as const satisfies Record<string, { table: string; orderBy: string }>;
type ListName = keyof typeof lists;

const columnsOf = (select: Select) =>
  Object.keys(select).filter((k) => select[k] === true);

function listSql(name: ListName): string {
  const { table, orderBy } = lists[name];
  const columns = columnsOf(
    (userRecordSelect[name] as { select: Select }).select,
  );
  const object = columns.map((c) => `'${c}', l.${quoted(c)}`).join(', ');
  return `COALESCE((SELECT json_agg(json_build_object(${object}) ORDER BY l.${quoted(orderBy)}) FROM ${quoted(table)} l WHERE l."userId" = u.id), '[]') AS ${quoted(name)}`;
}

const scalarColumns = columnsOf(userRecordSelect);
const listNames = Object.keys(lists) as ListName[];
const RECORD_SQL = `SELECT ${[
  ...scalarColumns.map((c) =>
    DATE_COLUMNS.has(c)
      ? `u.${quoted(c)}::text AS ${quoted(c)}`
      : `u.${quoted(c)}`,
  ),
  ...listNames.map(listSql),
].join(
  ', ',
)} FROM "User" u WHERE u.id = $1::uuid AND u."institutionId" = $2::uuid`;

type Row = Record<string, unknown>;

/** Date-only values come as YYYY-MM-DD text, timestamps in JSON as text: both back to the Dates Prisma gives. */
function revived(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => {
      if (DATE_COLUMNS.has(key))
        return [key, fromIsoDate(value as string | null)];
      if (Array.isArray(value) && key in lists)
        return [key, value.map((item) => revived(item as Row))];
      return [key, value];
    }),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
