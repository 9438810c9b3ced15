import type { SqlRunner } from '@ulms/platform';
import type { GeneratedUser } from './generate-users.js';
import { type Random, seededRandom } from './random.js';

/** Fees of the generated institution per user: the 300,000 fees for 1,000,000 users. */
export const FEES_PER_USER = 0.3;
/** Fees of each "Waive All" user: the 1,000 fees of one user. */
export const WAIVE_ALL_FEES = 1_000;
/** Who the loaded fees were created by: how a later run on a kept database finds them. */
export const LOADED_BY = 'bench-load';

/** Which generated user (by position) owes how many fees. Deterministic: the same seed, the same fees. */
export interface FeePlan {
  /** Every loaded fee, the "Waive All" users' included. */
  readonly total: number;
  /** Fees of the n-th generated user. */
  readonly counts: Uint16Array;
  /** Positions of the users who hold WAIVE_ALL_FEES active fees each (the last users generated). */
  readonly waiveAllUsers: readonly number[];
  /** The stream the fees' details are drawn from, batch by batch in the users' order. */
  readonly random: Random;
}

/**
 * Spreads `total` fees over `userCount` users at random (about 74% of users owe nothing, 22% one fee, the rest
 * two or more), of which WAIVE_ALL_FEES go to each of the last `waiveAllUsers` users.
 */
export function planFees(userCount: number, total: number, waiveAllUsers: number, seed: number): FeePlan {
  const counts = new Uint16Array(userCount);
  const heavy = Array.from({ length: Math.min(waiveAllUsers, userCount) }, (_, i) => userCount - 1 - i);
  for (const n of heavy) counts[n] = WAIVE_ALL_FEES;
  const spreadOver = userCount - heavy.length;
  const spread = Math.max(0, total - heavy.length * WAIVE_ALL_FEES);
  const random = seededRandom(seed ^ 0xfee5);
  for (let k = 0; k < spread && spreadOver > 0; k++) {
    const n = Math.floor(random.next() * spreadOver);
    counts[n] = (counts[n] ?? 0) + 1;
  }
  return { total: spread + heavy.length * WAIVE_ALL_FEES, counts, waiveAllUsers: heavy, random };
}

/**
 * Whether the plan's fees still have to be loaded: not when a kept database holds them all already; a partial
 * load (an interrupted run) is deleted first, its ledger with it.
 */
export async function feesToLoad(sql: SqlRunner, institutionId: string, plan: FeePlan): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Fee" WHERE "institutionId" = $1::uuid AND "createdBy" = $2`,
    [institutionId, LOADED_BY],
  );
  const loaded = row?.n ?? 0;
  if (loaded === plan.total) return false;
  if (loaded > 0)
    await sql.query(`DELETE FROM "Fee" WHERE "institutionId" = $1::uuid AND "createdBy" = $2`, [
      institutionId,
      LOADED_BY,
    ]);
  return true;
}

const TYPES: readonly (readonly [string, number])[] = [
  ['OVERDUEFINE', 0.7],
  ['LOSTITEMREPLACEMENTFEE', 0.1],
  ['DAMAGEDITEMFINE', 0.05],
  ['CARDRENEWAL', 0.05],
  ['OTHER', 0.1],
];
const STATUSES: readonly (readonly [string, number])[] = [
  ['ACTIVE', 0.55],
  ['CLOSED', 0.35],
  ['IN_DISPUTE', 0.04],
  ['EXPORTED', 0.06],
];
const weighted = (random: Random, choices: readonly (readonly [string, number])[]): string => {
  let roll = random.next();
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]?.[0] ?? '';
};
const DAY = 86_400_000;
const BASE = Date.UTC(2026, 10, 28);
const cents = (n: number) => (n / 100).toFixed(2);

interface FeeRowInput {
  id: string;
  userId: string;
  type: string;
  original: number;
  remaining: number;
  status: string;
  statusDate: string;
  createdAt: string;
  barcode: string | null;
  version: number;
}
interface LedgerRowInput {
  feeId: string;
  action: string;
  amount: number;
  method: string | null;
  reason: string | null;
  at: string;
}

/**
 * Inserts the fees of a batch of generated users (the `start`-th user first) and their ledgers, one multi-row
 * statement per table: each fee its ADD entry, and a PAY, WAIVE, DISPUTE or TRANSFER entry for the state it is in
 * (closed: paid or waived in full; about a fifth of the active ones partly paid).
 */
export async function loadFees(
  sql: SqlRunner,
  institutionId: string,
  users: readonly GeneratedUser[],
  start: number,
  plan: FeePlan,
): Promise<number> {
  const { random } = plan;
  const fees: FeeRowInput[] = [];
  const ledger: LedgerRowInput[] = [];
  users.forEach((user, i) => {
    const count = plan.counts[start + i] ?? 0;
    const waiveAll = plan.waiveAllUsers.includes(start + i);
    for (let k = 0; k < count; k++) {
      const id = random.uuid();
      const created = BASE - random.int(0, 3 * 365) * DAY - random.int(0, DAY / 1000 - 1) * 1000;
      const type = waiveAll ? 'OVERDUEFINE' : weighted(random, TYPES);
      const original = waiveAll ? random.int(10, 500) : random.int(50, type === 'OVERDUEFINE' ? 2_000 : 9_000);
      const status = waiveAll ? 'ACTIVE' : weighted(random, STATUSES);
      const changed = new Date(Math.min(created + random.int(1, 60) * DAY, BASE)).toISOString();
      const createdAt = new Date(created).toISOString();
      let remaining = original;
      const entries = ledger.length;
      ledger.push({ feeId: id, action: 'ADD', amount: original, method: null, reason: null, at: createdAt });
      if (status === 'CLOSED') {
        const paid = random.chance(0.8);
        remaining = 0;
        ledger.push({
          feeId: id,
          action: paid ? 'PAY' : 'WAIVE',
          amount: original,
          method: paid ? 'CASH' : null,
          reason: paid ? null : 'LIBRARY_ERROR',
          at: changed,
        });
      } else if (status === 'ACTIVE' && !waiveAll && random.chance(0.2)) {
        const paid = random.int(1, original - 1);
        remaining = original - paid;
        ledger.push({ feeId: id, action: 'PAY', amount: paid, method: 'ONLINE', reason: null, at: changed });
      } else if (status !== 'ACTIVE') {
        ledger.push({
          feeId: id,
          action: status === 'IN_DISPUTE' ? 'DISPUTE' : 'TRANSFER',
          amount: 0,
          method: null,
          reason: null,
          at: changed,
        });
      }
      fees.push({
        id,
        userId: user.id,
        type,
        original,
        remaining,
        status,
        statusDate: status === 'ACTIVE' && remaining === original ? createdAt : changed,
        createdAt,
        barcode: type === 'CARDRENEWAL' ? null : `I${String(random.int(0, 9_999_999)).padStart(9, '0')}`,
        version: ledger.length - entries - 1,
      });
    }
  });
  if (fees.length === 0) return 0;
  await sql.query(
    `INSERT INTO "Fee" ("id","institutionId","userId","typeCode","originalAmount","remainingBalance","status","statusDate","createdAt","createdBy","itemBarcode","version")
     SELECT f.id, $1::uuid, f.uid, f.t, f.oa, f.rb, f.st, f.sd, f.ca, $2, f.ib, f.v
     FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::numeric[], $7::numeric[], $8::text[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::int[])
       AS f(id, uid, t, oa, rb, st, sd, ca, ib, v)`,
    [
      institutionId,
      LOADED_BY,
      fees.map((f) => f.id),
      fees.map((f) => f.userId),
      fees.map((f) => f.type),
      fees.map((f) => cents(f.original)),
      fees.map((f) => cents(f.remaining)),
      fees.map((f) => f.status),
      fees.map((f) => f.statusDate),
      fees.map((f) => f.createdAt),
      fees.map((f) => f.barcode),
      fees.map((f) => f.version),
    ],
  );
  await sql.query(
    `INSERT INTO "FeeLedgerEntry" ("feeId","action","amount","method","reason","createdBy","createdAt")
     SELECT e.fid, e.a, e.am, e.m, e.r, $1, e.at
     FROM unnest($2::uuid[], $3::text[], $4::numeric[], $5::text[], $6::text[], $7::timestamptz[]) AS e(fid, a, am, m, r, at)`,
    [
      LOADED_BY,
      ledger.map((e) => e.feeId),
      ledger.map((e) => e.action),
      ledger.map((e) => cents(e.amount)),
      ledger.map((e) => e.method),
      ledger.map((e) => e.reason),
      ledger.map((e) => e.at),
    ],
  );
  return fees.length;
}
