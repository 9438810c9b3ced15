import type { SqlRunner } from '@ulms/platform';
import type { GeneratedUser } from './generate-users.js';
import { LOADED_BY } from './load-fees.js';
import { type Random, seededRandom } from './random.js';

/** Manual blocks of the generated institution per user: the 100,000 blocks for 1,000,000 users. */
export const BLOCKS_PER_USER = 0.1;

/** Which generated user (by position) holds how many manual blocks. Deterministic: the same seed, the same blocks. */
export interface BlockPlan {
  readonly total: number;
  /** Blocks of the n-th generated user (Contact users hold none: they cannot be blocked). */
  readonly counts: Uint8Array;
  /** The stream the blocks' details are drawn from, batch by batch in the users' order. */
  readonly random: Random;
}

/**
 * Spreads `total` blocks over `userCount` users at random (about 90% of users hold none, 9% one, the rest two or
 * more); a draw that lands on a Contact user is given to the next user when its batch is loaded, so the total holds.
 */
export function planBlocks(userCount: number, total: number, seed: number): BlockPlan {
  const counts = new Uint8Array(userCount);
  const random = seededRandom(seed ^ 0xb10c);
  for (let k = 0; k < total && userCount > 0; k++) {
    const n = Math.floor(random.next() * userCount);
    counts[n] = Math.min(255, (counts[n] ?? 0) + 1);
  }
  return { total: counts.reduce((s, c) => s + c, 0), counts, random };
}

/**
 * Whether the plan's blocks still have to be loaded: not when a kept database holds them all already; a partial
 * load (an interrupted run) is deleted first. Blocks staff added through the product are never touched.
 */
export async function blocksToLoad(sql: SqlRunner, institutionId: string, plan: BlockPlan): Promise<boolean> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "UserBlock" WHERE "institutionId" = $1::uuid AND "createdBy" = $2`,
    [institutionId, LOADED_BY],
  );
  const loaded = row?.n ?? 0;
  if (loaded === plan.total) return false;
  if (loaded > 0)
    await sql.query(`DELETE FROM "UserBlock" WHERE "institutionId" = $1::uuid AND "createdBy" = $2`, [
      institutionId,
      LOADED_BY,
    ]);
  return true;
}

/** The block types a block is drawn from: the module's default types, most blocks general. */
const TYPE_WEIGHTS: Readonly<Record<string, number>> = { GENERAL: 0.5, LOST_CARD: 0.2, OVERDUE_ITEMS: 0.3 };
const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  GENERAL: ['Unpaid replacement card', 'Behaviour in the reading room', 'Address to confirm at the desk'],
  LOST_CARD: ['Card reported lost'],
  OVERDUE_ITEMS: ['Items overdue for more than 60 days', 'Interlibrary loan not returned'],
};
const DAY = 86_400_000;
/** The loaded dates count from here, as the fees' do (an expired block stays expired, a future one ages slowly). */
const BASE = Date.UTC(2026, 10, 28);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** How the loaded blocks stand: about 55% without end, 30% ending in the future, 15% expired. */
export const BLOCK_MIX = { withoutExpiry: 0.55, futureExpiry: 0.3 } as const;

/**
 * Inserts the manual blocks of a batch of generated users (the `start`-th user first) with one multi-row
 * statement: of the `blockTypes` (weighted as TYPE_WEIGHTS, the others evenly), some with a description, a note now
 * and then, about a third owned by one of `libraryIds` when the institution has libraries, and a third of an
 * external user's blocks marked external (from the SIS). Contact users cannot be blocked: their draws go to the
 * next user of the batch who can. Returns the number of blocks inserted.
 */
export async function loadBlocks(
  sql: SqlRunner,
  institutionId: string,
  users: readonly GeneratedUser[],
  start: number,
  plan: BlockPlan,
  blockTypes: readonly string[],
  libraryIds: readonly string[],
): Promise<number> {
  if (blockTypes.length === 0) throw new Error('blocks: the institution has no block types');
  const { random } = plan;
  const weights = blockTypes.map((code) => TYPE_WEIGHTS[code] ?? 1 / blockTypes.length);
  const weightSum = weights.reduce((s, w) => s + w, 0);
  const typeOf = () => {
    let roll = random.next() * weightSum;
    for (const [i, code] of blockTypes.entries()) {
      roll -= weights[i] ?? 0;
      if (roll < 0) return code;
    }
    return blockTypes[blockTypes.length - 1] as string;
  };
  const rows: {
    userId: string;
    type: string;
    description: string | null;
    note: string | null;
    expiry: string | null;
    library: string | null;
    external: boolean;
    createdAt: string;
  }[] = [];
  let carried = 0;
  users.forEach((user, i) => {
    const drawn = (plan.counts[start + i] ?? 0) + carried;
    carried = user.recordType === 'CONTACT' ? drawn : 0;
    if (user.recordType === 'CONTACT') return;
    for (let k = 0; k < drawn; k++) {
      const type = typeOf();
      const created = BASE - random.int(0, 2 * 365) * DAY;
      const roll = random.next();
      const expiry =
        roll < BLOCK_MIX.withoutExpiry
          ? null
          : roll < BLOCK_MIX.withoutExpiry + BLOCK_MIX.futureExpiry
            ? dayOf(BASE + random.int(60, 3 * 365) * DAY)
            : dayOf(Math.min(created + random.int(1, 365) * DAY, BASE - 30 * DAY));
      rows.push({
        userId: user.id,
        type,
        description: random.chance(0.4) ? random.pick(DESCRIPTIONS[type] ?? ['Blocked at the desk']) : null,
        note: random.chance(0.1) ? 'See the circulation desk log' : null,
        expiry,
        library: libraryIds.length > 0 && random.chance(0.35) ? random.pick(libraryIds) : null,
        external: user.accountType === 'EXTERNAL' && random.chance(0.3),
        createdAt: new Date(created).toISOString(),
      });
    }
  });
  // The batch's last users were Contacts: their draws go to the first user who can be blocked.
  const first = users.find((u) => u.recordType !== 'CONTACT');
  for (let k = 0; k < carried && first; k++)
    rows.push({
      userId: first.id,
      type: typeOf(),
      description: null,
      note: null,
      expiry: null,
      library: null,
      external: false,
      createdAt: new Date(BASE).toISOString(),
    });
  if (rows.length === 0) return 0;
  await sql.query(
    `INSERT INTO "UserBlock" ("institutionId","userId","typeCode","description","note","expiryDate","ownerLibraryId","external","createdAt","createdBy","updatedAt")
     SELECT $1::uuid, b.uid, b.t, b.d, b.n, b.e, b.l, b.x, b.ca, $2, b.ca
     FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::date[], $8::uuid[], $9::boolean[], $10::timestamptz[])
       AS b(uid, t, d, n, e, l, x, ca)`,
    [
      institutionId,
      LOADED_BY,
      rows.map((r) => r.userId),
      rows.map((r) => r.type),
      rows.map((r) => r.description),
      rows.map((r) => r.note),
      rows.map((r) => r.expiry),
      rows.map((r) => r.library),
      rows.map((r) => r.external),
      rows.map((r) => r.createdAt),
    ],
  );
  return rows.length;
}
