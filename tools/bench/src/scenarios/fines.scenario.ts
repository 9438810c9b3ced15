import { finesServices } from '@ulms/fines';
import type { BenchEnvironment } from '../bench-setup.js';
import { WAIVE_ALL_FEES } from '../load-fees.js';
import { measure, measureInterleaved, type Timing } from '../measure.js';
import { compared, type ScenarioResult, withTarget } from './scenario-result.js';

const PAGE = 25;
const WARM_UP = 200;
/** The balances as the service sums them, written by hand: the floor we compare against (prepared, as it could be). */
const RAW_BALANCES = `SELECT "userId", status, sum("remainingBalance") AS balance FROM "Fee"
  WHERE "institutionId" = $1::uuid AND "userId" = ANY($2::uuid[]) AND status IN ('ACTIVE', 'IN_DISPUTE', 'EXPORTED')
  GROUP BY "userId", status`;

/** What "Waive All" does, set-based: every owed active fee of the user closed, one WAIVE entry each, one statement. */
const RAW_WAIVE_ALL = `WITH owed AS (
    SELECT id, "remainingBalance" AS amount, "remainingVat" AS vat FROM "Fee"
    WHERE "institutionId" = $1::uuid AND "userId" = $2::uuid AND status = 'ACTIVE' AND "remainingBalance" > 0
    ORDER BY id FOR UPDATE
  ), closed AS (
    UPDATE "Fee" f SET "remainingBalance" = 0, "remainingVat" = 0, status = 'CLOSED', "statusDate" = now(),
      version = f.version + 1
    FROM owed WHERE f.id = owed.id RETURNING f.id
  )
  INSERT INTO "FeeLedgerEntry" ("feeId", action, amount, "vatAmount", reason, "createdBy", "createdAt")
  SELECT owed.id, 'WAIVE', owed.amount, owed.vat, 'OTHER', 'bench', now() FROM owed JOIN closed ON closed.id = owed.id
  RETURNING "feeId"`;

/** Puts a "Waive All" user's fees back as loaded: active, owing their original amounts, with only their ADD entries. */
async function resetWaivedFees(env: BenchEnvironment, userId: string): Promise<void> {
  await env.database.sql.transaction(async (tx) => {
    await tx.query(
      `DELETE FROM "FeeLedgerEntry" e USING "Fee" f
       WHERE e."feeId" = f.id AND f."institutionId" = $1::uuid AND f."userId" = $2::uuid AND e.action <> 'ADD'`,
      [env.institution.id, userId],
    );
    await tx.query(
      `UPDATE "Fee" SET status = 'ACTIVE', "remainingBalance" = "originalAmount", "remainingVat" = "originalVat",
         "statusDate" = "createdAt", version = 0
       WHERE "institutionId" = $1::uuid AND "userId" = $2::uuid`,
      [env.institution.id, userId],
    );
  });
}

/** The balances of each page of 25 users: pages of the sample, each starting one user further (wrapping round). */
const pagesOf = (ids: readonly string[]) =>
  ids.map((_, i) => Array.from({ length: PAGE }, (_, k) => ids[(i + k) % ids.length] as string));

/** Latency figures of single timed runs (the "Waive All" repetitions), with the worst as p99. */
function timingOf(times: number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    samples: sorted.length,
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    p99Ms: round(sorted[sorted.length - 1] ?? 0),
    perSecond:
      Math.round(
        (sorted.length /
          Math.max(
            sorted.reduce((s, t) => s + t, 0),
            0.001,
          )) *
          1000 *
          100,
      ) / 100,
  };
}

/**
 * Issue 16's targets for the fines module: a Find and Manage Users page's balances in one query (p95 < 10 ms), a
 * user's summary balances through tRPC (p95 < 5 ms), "Waive All" over 1,000 fees of one user (< 1 s) and the debt
 * limit check the blocks module will make (p95 < 2 ms). `sample` are generated users spread over the whole
 * institution (about a quarter of them owe something); `waiveAllUserIds` hold WAIVE_ALL_FEES active fees each.
 */
export async function finesScenarios(
  env: BenchEnvironment,
  sample: readonly { readonly id: string; readonly userGroup: string }[],
  waiveAllUserIds: readonly string[],
  repetitions: number,
): Promise<ScenarioResult[]> {
  const institutionId = env.institution.id;
  const sampleIds = sample.map((u) => u.id);
  const balances = env.kernel.services.get(finesServices.balances);
  const raw = (name: string) => (ids: readonly string[]) =>
    env.database.sql.query(RAW_BALANCES, [institutionId, ids], { name: `bench.fines.${name}` });
  const results: ScenarioResult[] = [];

  // 1. A page of Find and Manage Users: its 25 users' balances in one query, the Fines column's load.
  const pages = pagesOf(sampleIds);
  const owing = (await balances.balancesOf(institutionId, sampleIds)).values();
  const withFees = [...owing].filter((b) => b.active !== '0.00' || b.disputed !== '0.00').length;
  if (withFees === 0) throw new Error('fines: no sampled user owes anything; are the fees loaded?');
  const [page, pageRaw] = await measureInterleaved(
    pages,
    [(ids) => balances.balancesOf(institutionId, ids), raw('page')],
    { warmUp: WARM_UP },
  );
  if (!page || !pageRaw) throw new Error('fines: page balances not measured');
  results.push(
    withTarget(
      compared(
        'fines: balances of a page of 25 users (balancesOf)',
        page,
        pageRaw,
        `one query per page; ${withFees} of the ${sampleIds.length} sampled users owe or dispute something`,
      ),
      { p95Ms: 10 },
    ),
  );

  // 1b. The same column as Find and Manage Users shows it: a name search's first page, the Fines column filled in.
  const searched = sampleIds.slice(0, 100);
  const names = await env.database.sql.query<{ id: string; prefix: string }>(
    `SELECT id, left("sortName", 4) AS prefix FROM "User" WHERE id = ANY($1::uuid[])`,
    [searched],
  );
  const search = await measure(names, async ({ prefix }) => {
    const found = await env.caller.users.search({ query: prefix, searchBy: 'name' });
    if (!found.columns.some((c) => c.id === 'fines')) throw new Error('fines: no Fines column in the users search');
  });
  results.push({
    name: 'fines: name search, first page with the Fines column (tRPC)',
    product: search,
    notes: 'the name search itself (see --only names) plus the Fines column; no target of its own',
  });

  // 2. A user's summary balances, as the Fines/Fees tab asks them: the procedure, its checks and the user's look-up.
  const summaryRaw = raw('summary');
  const [summary, summaryFloor] = await measureInterleaved(
    sampleIds,
    [(userId) => env.caller.fines.balances({ userId }), (userId) => summaryRaw([userId])],
    { warmUp: WARM_UP },
  );
  if (!summary || !summaryFloor) throw new Error('fines: summary balances not measured');
  results.push(
    withTarget(
      compared(
        "fines: a user's summary balances (tRPC fines.balances)",
        summary,
        summaryFloor,
        'the procedure reads the user (it must exist) then the balances; raw SQL is the balances statement alone',
      ),
      { p95Ms: 5 },
    ),
  );

  // 4. The debt-limit check the blocks module will make before a loan: one user's standing through the service.
  const oneRaw = raw('one');
  const [debt, debtRaw] = await measureInterleaved(
    sample,
    [(user) => balances.debtOf(institutionId, [user]), (user) => oneRaw([user.id])],
    { warmUp: WARM_UP },
  );
  if (!debt || !debtRaw) throw new Error('fines: debt-limit check not measured');
  const reached = [...(await balances.debtOf(institutionId, sample)).values()].filter((d) => d.limitReached).length;
  results.push(
    withTarget(
      compared(
        'fines: debt-limit check, one user (debtOf)',
        debt,
        debtRaw,
        `one query; ${reached} of the ${sample.length} sampled users at or above their group's limit`,
      ),
      { p95Ms: 2 },
    ),
  );

  // 3. "Waive All" of a user with 1,000 active fees, through tRPC; the fees put back (untimed) after each run.
  if (waiveAllUserIds.length === 0) throw new Error('fines: no "Waive All" user');
  for (const userId of waiveAllUserIds) await resetWaivedFees(env, userId);
  const product: number[] = [];
  const floor: number[] = [];
  const failures: string[] = [];
  for (let r = 0; r < repetitions; r++) {
    const userId = waiveAllUserIds[r % waiveAllUserIds.length] as string;
    let t0 = performance.now();
    // A failed run counts with the time it took to fail, and is reported: the other figures still are.
    try {
      const waived = await env.caller.fines.waiveAll({ userId, reason: 'OTHER' });
      if (waived.fees.length !== WAIVE_ALL_FEES)
        throw new Error(`waived ${waived.fees.length} fees, not ${WAIVE_ALL_FEES}`);
    } catch (error) {
      const message = error instanceof Error ? (error.message.trim().split('\n').pop() ?? '') : String(error);
      // One line per kind of failure: Prisma's timeout says how long each run took.
      failures.push(message.replace(/however \d+ ms passed/, 'however more passed'));
    }
    product.push(performance.now() - t0);
    await resetWaivedFees(env, userId);
    t0 = performance.now();
    const rows = await env.database.sql.transaction((tx) => tx.query(RAW_WAIVE_ALL, [institutionId, userId]));
    floor.push(performance.now() - t0);
    if (rows.length !== WAIVE_ALL_FEES) throw new Error(`fines: raw Waive All waived ${rows.length} fees`);
    await resetWaivedFees(env, userId);
  }
  results.push(
    withTarget(
      compared(
        `fines: Waive All, ${WAIVE_ALL_FEES} fees of one user (tRPC)`,
        timingOf(product),
        timingOf(floor),
        `${repetitions} runs over ${waiveAllUserIds.length} users, fees reset between runs; p99 is the worst; ` +
          'raw SQL is the same change set-based (one UPDATE and one INSERT of the ledger)' +
          (failures.length ? `; ${failures.length} failed: ${[...new Set(failures)].join(' | ')}` : ''),
      ),
      { worstMs: 1_000 },
    ),
  );
  return results;
}
