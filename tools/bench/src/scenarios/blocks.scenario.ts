import { BLOCKS_MODULE, blocksServices } from '@ulms/blocks/contracts';
import { FINES_MODULE, type FinesConfig } from '@ulms/fines';
import { tenancyServices } from '@ulms/platform';
import type { BenchEnvironment } from '../bench-setup.js';
import { measure, measureInterleaved } from '../measure.js';
import { countStatements } from '../statement-count.js';
import { compared, type ScenarioResult, withTarget } from './scenario-result.js';

const PAGE = 25;
const WARM_UP = 200;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * What blocks each of the users, written by hand in one prepared statement: their active manual blocks, whether
 * their record expired, their active balance and user group (for the debt limit). The floor a check and a page's
 * Blocks column are compared against: the same facts the module and its rules read, in one round trip.
 */
const RAW_BLOCKS = `SELECT u.id, u."userGroup", u."expiryDate" < $3::date AS expired,
    (SELECT count(*)::int FROM "UserBlock" b WHERE b."institutionId" = $1::uuid AND b."userId" = u.id
      AND (b."expiryDate" IS NULL OR b."expiryDate" >= $3::date)) AS manual,
    (SELECT coalesce(sum(f."remainingBalance"), 0)::text FROM "Fee" f WHERE f."institutionId" = $1::uuid
      AND f."userId" = u.id AND f.status = 'ACTIVE') AS owed
  FROM "User" u WHERE u."institutionId" = $1::uuid AND u.id = ANY($2::uuid[])`;

interface RawBlocksRow {
  id: string;
  userGroup: string;
  expired: boolean | null;
  manual: number;
  owed: string;
}

/** Each page of 25 users: pages of the sample, each starting one user further (wrapping round). */
const pagesOf = (ids: readonly string[]) =>
  ids.map((_, i) => Array.from({ length: PAGE }, (_, k) => ids[(i + k) % ids.length] as string));

/**
 * Issue 17's targets for the blocks module: `blocks.check` for one user with every shipped rule on (p95 < 3 ms)
 * and the Blocks column of a Find and Manage Users page of 25 users "in one query" (timed, and its statements
 * counted), measured through the module's public service (`blocksServices.checker`) against the same facts read by
 * hand in one statement; then the column as Find and Manage Users shows it, a name search with the module enabled
 * and without. `sample` are generated users spread over the institution: some hold manual blocks, some owe their
 * group's debt limit, about half are past their record's expiry date.
 */
export async function blocksScenarios(
  env: BenchEnvironment,
  sample: readonly { readonly id: string; readonly recordType: string }[],
): Promise<ScenarioResult[]> {
  const institutionId = env.institution.id;
  const checker = env.kernel.services.get(blocksServices.checker);
  const modules = env.kernel.services.get(tenancyServices.modules);
  const counting = env.databaseUrl !== undefined;
  const results: ScenarioResult[] = [];
  const raw = (name: string) => (ids: readonly string[]) =>
    env.database.sql.query<RawBlocksRow>(RAW_BLOCKS, [institutionId, ids, today()], { name: `bench.blocks.${name}` });
  // Contact users cannot be blocked and never are; the checks are asked of the others, as a loan desk would.
  const ids = sample.filter((u) => u.recordType !== 'CONTACT').map((u) => u.id);

  // What the sample holds, from the raw statement, and the product agreeing with it (untimed).
  const { debtLimits } = await modules.config<FinesConfig>(institutionId, FINES_MODULE);
  const limitOf = new Map(debtLimits.map((l) => [l.userGroup, Number(l.limit)]));
  const facts = (await raw('facts')(ids)).map((row) => {
    const limit = limitOf.get(row.userGroup);
    return { ...row, overLimit: limit !== undefined && Number(row.owed) >= limit };
  });
  const expected = new Set(facts.filter((f) => f.manual > 0 || f.expired || f.overLimit).map((f) => f.id));
  const pages = pagesOf(ids);
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += PAGE)
    for (const id of await checker.blockedAmong(institutionId, ids.slice(i, i + PAGE))) found.add(id);
  const disagree = ids.filter((id) => found.has(id) !== expected.has(id));
  if (disagree.length > 0)
    throw new Error(`blocks: blockedAmong and the raw statement disagree on ${disagree.length} users: ${disagree[0]}`);
  const count = (pick: (f: (typeof facts)[number]) => boolean) => facts.filter(pick).length;
  const mix =
    `of the ${ids.length} sampled users ${count((f) => f.manual > 0)} hold active manual blocks, ` +
    `${count((f) => f.overLimit)} at or above their group's debt limit, ${count((f) => f.expired === true)} are expired: ` +
    `${expected.size} blocked`;
  if (count((f) => f.manual > 0) === 0) throw new Error('blocks: no sampled user holds a manual block; loaded?');

  // 1. `blocks.check` for one user before a loan: manual blocks and every rule, through the public service.
  const oneRaw = raw('one');
  const [check, checkRaw] = await measureInterleaved(
    ids,
    [(userId) => checker.check(institutionId, userId, 'borrow'), (userId) => oneRaw([userId])],
    { warmUp: WARM_UP },
  );
  if (!check || !checkRaw) throw new Error('blocks: check not measured');
  results.push({
    ...withTarget(
      compared(
        'blocks: check one user, borrow (blocksServices.checker.check)',
        check,
        checkRaw,
        `${mix}; raw SQL is the same facts in one prepared statement`,
      ),
      { p95Ms: 3 },
    ),
    ...(counting
      ? { statements: await countStatements(ids.slice(0, 50), (id) => checker.check(institutionId, id, 'borrow')) }
      : {}),
  });

  // 1b. The same through tRPC, as the circulation desk's screen asks it (the procedure's checks on top).
  const [checkTrpc, checkTrpcRaw] = await measureInterleaved(
    ids,
    [(userId) => env.caller.blocks.check({ userId, action: 'borrow' }), (userId) => oneRaw([userId])],
    { warmUp: WARM_UP },
  );
  if (!checkTrpc || !checkTrpcRaw) throw new Error('blocks: tRPC check not measured');
  results.push(
    withTarget(compared('blocks: check one user, borrow (tRPC blocks.check)', checkTrpc, checkTrpcRaw), { p95Ms: 3 }),
  );

  // 2. The Blocks column of a page of 25 users: who among them is blocked, manual or automatic.
  const pageRaw = raw('page');
  const [page, pageFloor] = await measureInterleaved(
    pages,
    [(page) => checker.blockedAmong(institutionId, page), pageRaw],
    { warmUp: WARM_UP },
  );
  if (!page || !pageFloor) throw new Error('blocks: page not measured');
  const pageStatements = counting
    ? await countStatements(pages.slice(0, 50), (page) => checker.blockedAmong(institutionId, page))
    : undefined;
  results.push({
    ...compared(
      'blocks: Blocks column of a page of 25 users (blockedAmong)',
      page,
      pageFloor,
      (pageStatements
        ? `${pageStatements.perCall.median} statements per page (the issue asks for one); `
        : 'statements counted on a PostgreSQL server only; ') + 'raw SQL is one prepared statement',
    ),
    ...(pageStatements ? { statements: pageStatements } : {}),
  });

  // 3. The column as Find and Manage Users fills it: a name search's first page with the module enabled, and the
  // same searches with it disabled (re-enabled afterwards, whatever happens); 100 names, 48 with --quick.
  const names = await env.database.sql.query<{ prefix: string }>(
    `SELECT left("sortName", 4) AS prefix FROM "User" WHERE id = ANY($1::uuid[])`,
    [ids.slice(0, Math.min(100, Math.ceil(ids.length / 4)))],
  );
  const searchWith =
    (blocks: boolean) =>
    async ({ prefix }: { prefix: string }) => {
      const found = await env.caller.users.search({ query: prefix, searchBy: 'name' });
      if (found.columns.some((c) => c.id === 'blocks') !== blocks)
        throw new Error(`blocks: the users search ${blocks ? 'lacks' : 'has'} the Blocks column`);
    };
  let without;
  try {
    await modules.disable(institutionId, BLOCKS_MODULE);
    without = await measure(names, searchWith(false), { warmUp: names.length });
  } finally {
    await modules.enable(institutionId, BLOCKS_MODULE);
  }
  const withBlocks = await measure(names, searchWith(true), { warmUp: names.length });
  const searchStatements = counting ? await countStatements(names.slice(0, 20), searchWith(true)) : undefined;
  results.push({
    ...compared(
      'blocks: name search, first page with the Blocks column (tRPC)',
      withBlocks,
      without,
      'raw SQL here is the same searches with the blocks module disabled (the Fines column in both); ' +
        `the column costs ${Math.round((withBlocks.medianMs - without.medianMs) * 100) / 100} ms at the median` +
        (searchStatements ? `; ${searchStatements.perCall.median} statements per search with it` : ''),
    ),
    ...(searchStatements ? { statements: searchStatements } : {}),
  });
  return results;
}
