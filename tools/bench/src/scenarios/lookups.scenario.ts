import type { BenchEnvironment } from '../bench-setup.js';
import type { GeneratedUser } from '../generate-users.js';
import { measure, measureInterleaved } from '../measure.js';
import { compared, type ScenarioResult } from './scenario-result.js';

const LIST_COLUMNS = `u.id, u."primaryId", u."firstName", u."middleName", u."lastName", u."prefFirstName", u."prefMiddleName", u."prefLastName", u."accountType", u."recordType", u."jobCategory", u."userGroup", u.status, u."expiryDate"`;

/**
 * What the search procedure asks the database, written by hand: the floor we compare against. With `prepared`,
 * as the product runs exact look-ups (a plan that does not depend on the value, prepared once per connection).
 */
function rawLookup(env: BenchEnvironment, condition: string, prepared?: string) {
  return async (key: string) => {
    const where = `u."institutionId" = $1 AND ${condition}`;
    const rows = await env.database.sql.query(
      `SELECT ${LIST_COLUMNS} FROM "User" u WHERE u.id IN (SELECT u.id FROM "User" u WHERE ${where} ORDER BY u."sortName", u.id LIMIT 25)`,
      [env.institution.id, key],
      prepared ? { name: `bench.${prepared}` } : undefined,
    );
    if (rows.length === 25)
      await env.database.sql.query(`SELECT count(*) FROM (SELECT 1 FROM "User" u WHERE ${where} LIMIT 1001) AS c`, [
        env.institution.id,
        key,
      ]);
  };
}

const byIdentifier = (type: string | null) =>
  `EXISTS (SELECT 1 FROM "UserIdentifier" i WHERE i."userId" = u.id AND i."institutionId" = $1 AND i."valueKey" = $2${type ? ` AND i."idType" = '${type}'` : ''})`;
const byEmail = `EXISTS (SELECT 1 FROM "UserEmail" e WHERE e."userId" = u.id AND e."institutionId" = $1 AND e."addressKey" = $2)`;

const WARM_UP = 200;

/** Scenario 1: exact lookups by primary identifier, another identifier and email, through tRPC. */
export async function lookupScenarios(
  env: BenchEnvironment,
  sample: readonly GeneratedUser[],
): Promise<ScenarioResult[]> {
  const cases = [
    {
      name: 'lookup by primary identifier',
      searchBy: 'primaryId' as const,
      key: (u: GeneratedUser) => u.primaryId,
      raw: byIdentifier('PRIMARY'),
      id: 'primary',
    },
    {
      name: 'lookup by barcode identifier',
      searchBy: 'identifier' as const,
      key: (u: GeneratedUser) => u.identifiers[0]?.value ?? u.primaryId,
      raw: byIdentifier(null),
      id: 'identifier',
    },
    {
      name: 'lookup by email',
      searchBy: 'email' as const,
      key: (u: GeneratedUser) => u.email,
      raw: byEmail,
      id: 'email',
    },
  ];
  const works = (c: (typeof cases)[number]) => {
    const raw = rawLookup(env, c.raw, c.id);
    return [
      async (query: string) => {
        const page = await env.caller.users.search({
          query,
          searchBy: c.searchBy,
        });
        if (page.total !== 1) throw new Error(`${c.name}: expected one user for ${query}, found ${page.total}`);
      },
      (query: string) => raw(query.toLowerCase()),
    ];
  };
  // Every case, product and floor alike, warmed before any is timed: whichever case ran first used to pay
  // alone for the process's cold start (2.1× where the same case measured last gave 1.31×).
  for (const c of cases) {
    for (const work of works(c)) for (const user of sample.slice(0, WARM_UP)) await work(c.key(user));
  }
  const results: ScenarioResult[] = [];
  for (const c of cases) {
    // Product and floor in turn, key by key, so both see the same cache and the same machine.
    const [product, rawSql] = await measureInterleaved(sample.map(c.key), works(c));
    if (!product || !rawSql) throw new Error(`${c.name}: nothing measured`);
    results.push(compared(c.name, product, rawSql, 'product and raw SQL measured in turn; both prepared statements'));
  }
  return results;
}

// Enough for stable percentiles; a million-user run would otherwise spend most of its time here.
const NAME_SEARCHES = 300;

/** Scenario 2: name search, a prefix and a whole word (preferred names included), default filters and page. */
export async function nameSearchScenarios(
  env: BenchEnvironment,
  sample: readonly GeneratedUser[],
): Promise<ScenarioResult[]> {
  const searched = sample.slice(0, NAME_SEARCHES);
  const prefixes = searched.map((u) => u.sortName.slice(0, 4));
  const words = searched.map(
    (u, i) => (i % 5 === 0 && u.prefFirstName ? u.prefFirstName : u.lastName).split(/[\s-]/)[0] ?? u.lastName,
  );
  const results: ScenarioResult[] = [];
  for (const [name, queries] of [
    ['name search, prefix (4 letters)', prefixes],
    ['name search, whole word', words],
  ] as const) {
    const product = await measure(queries, (query) => env.caller.users.search({ query, searchBy: 'name' }));
    const raw = await measure(
      queries.map((q) => `%${q.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()}%`),
      rawLookup(env, `u."nameSearch" LIKE $2`),
    );
    results.push(compared(name, product, raw, 'first page of 25, sorted by name, with the total count'));
  }
  return results;
}
