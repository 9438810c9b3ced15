import type { SqlRunner } from '@ulms/platform';
import type { GeneratedUser } from './generate-users.js';

/** Inserts a batch of generated users and their lists with one multi-row statement per table. */
export async function loadUsers(sql: SqlRunner, institutionId: string, users: readonly GeneratedUser[]): Promise<void> {
  const col = <T>(pick: (u: GeneratedUser) => T) => users.map(pick);
  await sql.query(
    `INSERT INTO "User" ("id","institutionId","recordType","accountType","externalId","primaryId","firstName","middleName","lastName","prefFirstName","nameSearch","sortName","userGroup","jobCategory","birthDate","expiryDate","status","createdBy","updatedBy")
     SELECT u.id, $1::uuid, u.rt, u.at, u.ext, u.pid, u.fn, u.mn, u.ln, u.pfn, u.ns, u.sn, u.ug, u.jc, u.bd, u.ed, u.st, 'bench', 'bench'
     FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::date[], $16::date[], $17::text[])
       AS u(id, rt, at, ext, pid, fn, mn, ln, pfn, ns, sn, ug, jc, bd, ed, st)`,
    [
      institutionId,
      col((u) => u.id),
      col((u) => u.recordType),
      col((u) => u.accountType),
      col((u) => u.externalId),
      col((u) => u.primaryId),
      col((u) => u.firstName),
      col((u) => u.middleName),
      col((u) => u.lastName),
      col((u) => u.prefFirstName),
      col((u) => u.nameSearch),
      col((u) => u.sortName),
      col((u) => u.userGroup),
      col((u) => u.jobCategory),
      col((u) => u.birthDate),
      col((u) => u.expiryDate),
      col((u) => u.status),
    ],
  );
  const identifiers = users.flatMap((u) => [
    {
      userId: u.id,
      idType: 'PRIMARY',
      value: u.primaryId,
      position: 0,
      segment: u.accountType === 'EXTERNAL' ? 'EXTERNAL' : 'INTERNAL',
    },
    ...u.identifiers.map((i, n) => ({
      userId: u.id,
      ...i,
      position: n + 1,
      segment: u.accountType === 'EXTERNAL' ? 'EXTERNAL' : 'INTERNAL',
    })),
  ]);
  await sql.query(
    `INSERT INTO "UserIdentifier" ("institutionId","userId","idType","value","valueKey","segmentType","position")
     SELECT $1::uuid, i.uid, i.t, i.v, lower(i.v), i.s, i.p FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[]) AS i(uid, t, v, s, p)`,
    [
      institutionId,
      identifiers.map((i) => i.userId),
      identifiers.map((i) => i.idType),
      identifiers.map((i) => i.value),
      identifiers.map((i) => i.segment),
      identifiers.map((i) => i.position),
    ],
  );
  await sql.query(
    `INSERT INTO "UserEmail" ("institutionId","userId","emailAddress","addressKey","emailTypes","preferred","position")
     SELECT $1::uuid, e.uid, e.a, lower(e.a), ARRAY['personal'], true, 0 FROM unnest($2::uuid[], $3::text[]) AS e(uid, a)`,
    [institutionId, col((u) => u.id), col((u) => u.email)],
  );
  await sql.query(
    `INSERT INTO "UserAddress" ("institutionId","userId","line1","city","country","postalCode","addressTypes","preferred","position")
     SELECT $1::uuid, a.uid, a.l1, a.c, a.co, a.pc, ARRAY['home'], true, 0 FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[]) AS a(uid, l1, c, co, pc)`,
    [
      institutionId,
      col((u) => u.id),
      col((u) => u.address.line1),
      col((u) => u.address.city),
      col((u) => u.address.country),
      col((u) => u.address.postalCode),
    ],
  );
  await sql.query(
    `INSERT INTO "UserPhone" ("institutionId","userId","phoneNumber","phoneTypes","preferred","position")
     SELECT $1::uuid, p.uid, p.n, ARRAY['mobile'], true, 0 FROM unnest($2::uuid[], $3::text[]) AS p(uid, n)`,
    [institutionId, col((u) => u.id), col((u) => u.phone)],
  );
  const noted = users.filter((u) => u.note);
  if (noted.length) {
    await sql.query(
      `INSERT INTO "UserNote" ("institutionId","userId","noteType","text","createdBy")
       SELECT $1::uuid, n.uid, 'GENERAL', n.t, 'bench' FROM unnest($2::uuid[], $3::text[]) AS n(uid, t)`,
      [institutionId, noted.map((u) => u.id), noted.map((u) => u.note)],
    );
  }
}
