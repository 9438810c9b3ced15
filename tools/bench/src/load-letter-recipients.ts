import type { SqlRunner } from '@ulms/platform';
import { nameSearchOf, sortNameOf } from '@ulms/users';
import { generateUser, type GeneratedUser } from './generate-users.js';
import { loadUsers } from './load-users.js';
import { seededRandom } from './random.js';

/** Digits as letters (a name search keeps letters only): 10000 → "rqqqq". */
const lettersOf = (n: number) => String(n).replace(/\d/g, (d) => 'qrstuvwxyz'[Number(d)] ?? 'q');

/**
 * The surname shared by the `count` recipients of the bulk-messaging scenario and by no one else: a name search for
 * it finds exactly them among the institution's users ("Lettersrqqqqbench" for 10,000; no such surname contains
 * another's, so the quick run's 1,000 and the full run's 10,000 can live in the same kept database).
 */
export const recipientSurname = (count: number) => `Letters${lettersOf(count)}bench`;

/**
 * The recipients of the letters scenarios, loaded once: `count` generated public users with the surname above, each
 * with a preferred email (as every generated user has, `<primaryId>@example.edu`), in one transaction (a kept
 * database holds all of them or none). Returns their ids, and whether they were there already.
 */
export async function letterRecipients(
  sql: SqlRunner,
  institutionId: string,
  count: number,
  seed: number,
): Promise<{ ids: string[]; reused: boolean }> {
  const lastName = recipientSurname(count);
  const existing = await sql.query<{ id: string }>(
    `SELECT id FROM "User" WHERE "institutionId" = $1::uuid AND "lastName" = $2 ORDER BY "primaryId"`,
    [institutionId, lastName],
  );
  if (existing.length === count) return { ids: existing.map((r) => r.id), reused: true };
  if (existing.length > 0)
    throw new Error(`letters: ${existing.length} users named ${lastName}, not ${count}: loaded by something else?`);
  const random = seededRandom(seed + count);
  const users = Array.from({ length: count }, (_, n): GeneratedUser => {
    const u = generateUser(random, n);
    const primaryId = `lt${lettersOf(count)}${String(n).padStart(6, '0')}`;
    const names = { firstName: u.firstName, middleName: u.middleName, lastName, prefFirstName: u.prefFirstName };
    return {
      ...u,
      ...names,
      recordType: 'PUBLIC',
      userGroup: n % 3 === 0 ? 'GRAD' : 'UNDERGRAD',
      jobCategory: null,
      status: 'ACTIVE',
      primaryId,
      nameSearch: nameSearchOf(names),
      sortName: sortNameOf(names),
      identifiers: [{ idType: 'BARCODE', value: `LB${primaryId}` }],
      email: `${primaryId}@example.edu`,
    };
  });
  await sql.transaction(async (tx) => {
    for (let start = 0; start < users.length; start += 5_000)
      await loadUsers(tx, institutionId, users.slice(start, start + 5_000));
  });
  await sql.exec('ANALYZE "User", "UserEmail", "UserIdentifier"');
  return { ids: users.map((u) => u.id), reused: false };
}
