import { Prisma } from '@prisma/client';
import type { SqlRunner } from '@ulms/platform';
import type { z } from 'zod';
import type { searchUsersInput, UserConditionField } from '../contracts/user.schema.js';
import { identifierKey } from '../contracts/identifiers.js';
import { normalizeName } from './names.js';
import { PRIMARY_ID_TYPE } from '../contracts/identifiers.js';

/** `%text%` for LIKE, escaped as Prisma's `contains` escapes, so SQL and Prisma searches agree. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

const nameTokens = (query: string) =>
  normalizeName(query)
    .split(/[\s,]+/)
    .filter(Boolean);

/** Every word of `query` in some name or preferred name (the trigram index serves it). */
export function nameCondition(query: string): Prisma.Sql {
  const tokens = nameTokens(query);
  return tokens.length
    ? Prisma.join(
        tokens.map((t) => Prisma.sql`u."nameSearch" LIKE ${containing(t)}`),
        ' AND ',
      )
    : Prisma.sql`TRUE`;
}

/** The condition of Find and Manage Users' search box, on the user aliased `u` (only the kind asked for is built: this runs on every search). */
export function queryCondition(institutionId: string, query: string, searchBy: string): Prisma.Sql {
  if (!query) return Prisma.sql`TRUE`;
  const key = query.toLowerCase();
  const identifier = (primaryOnly: boolean) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "UserIdentifier" i WHERE i."userId" = u.id AND i."institutionId" = ${institutionId}::uuid AND i."valueKey" = ${identifierKey(query)}${primaryOnly ? Prisma.sql` AND i."idType" = ${PRIMARY_ID_TYPE}` : Prisma.empty})`;
  const email = () =>
    Prisma.sql`EXISTS (SELECT 1 FROM "UserEmail" e WHERE e."userId" = u.id AND e."institutionId" = ${institutionId}::uuid AND e."addressKey" = ${key})`;
  switch (searchBy) {
    case 'primaryId':
      return identifier(true);
    case 'identifier':
      return identifier(false);
    case 'email':
      return email();
    case 'name':
      return nameCondition(query);
    default:
      return Prisma.sql`((${nameCondition(query)}) OR ${identifier(false)} OR ${email()})`;
  }
}

// The sort name is the displayed name normalised, "surname, given names".
export const surnameOfSortName = Prisma.sql`split_part(u."sortName", ', ', 1)`;
export const givenNamesOfSortName = Prisma.sql`split_part(u."sortName", ', ', 2)`;

/**
 * What separates the words of a name. Migration 0009's "userSurnameWordsOf" splits surnames on the same
 * characters: whitespace, hyphens, apostrophes, quotes, periods, commas, slashes, brackets and `_` (which
 * Alma clients write for a space).
 */
const WORD_SEPARATORS = /[-\s'’‘`´.,/()_"]+/u;
const SQL_WORD_SEPARATOR = `[-[:space:]'’‘\`´.,/()_"]`;

/** The normalised words of a searched name (`Van_Dyke` is "van", "dyke"). */
export function nameWordsOf(value: string): string[] {
  return normalizeName(value).split(WORD_SEPARATORS).filter(Boolean);
}

/** A searched surname as "UserSurnameWords" holds runs of words: "van dyke". */
export const surnameWordsOf = (value: string) => nameWordsOf(value).join(' ');

/** A regular expression finding `words` in that order as whole words of a name. */
function wordsPattern(words: readonly string[]): string {
  const escaped = words.map((w) => w.replace(/[\\^$.|?*+()[\]{}-]/g, '\\$&'));
  return `(^|${SQL_WORD_SEPARATOR})${escaped.join(`${SQL_WORD_SEPARATOR}+`)}($|${SQL_WORD_SEPARATOR})`;
}

/** A column normalised in SQL as `normalizeName` does in TypeScript (for names no stored column holds normalised). */
const normalizedSql = (column: Prisma.Sql) =>
  Prisma.sql`replace(replace(replace(regexp_replace(lower(normalize(coalesce(${column}, ''), NFKD)), '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'), 'ø', 'o'), 'æ', 'ae'), 'ß', 'ss')`;

/** The displayed surname holds these words in order: one look-up of the primary key of "UserSurnameWords". */
export function surnameCondition(institutionId: string, value: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "UserSurnameWords" w WHERE w."institutionId" = ${institutionId}::uuid AND w.words = ${surnameWordsOf(value)} AND w."sortName" = u."sortName" AND w."userId" = u.id)`;
}

/** Whole words of a name part, in order: the trigram index narrows by every name, the part then checks. */
export function namePartCondition(part: 'given' | 'middle', value: string): Prisma.Sql {
  const words = nameWordsOf(value);
  if (!words.length) return Prisma.sql`FALSE`;
  const pattern = wordsPattern(words);
  const check =
    part === 'given'
      ? Prisma.sql`${givenNamesOfSortName} ~ ${pattern}`
      : Prisma.sql`(${normalizedSql(Prisma.sql`u."middleName"`)} ~ ${pattern} OR ${normalizedSql(Prisma.sql`u."prefMiddleName"`)} ~ ${pattern})`;
  return Prisma.sql`(${nameCondition(words.join(' '))}) AND ${check}`;
}

/** The value as typed and, where it holds `_`, with spaces for them: exact keys match either. */
const keysOf = (value: string) => [...new Set([value.toLowerCase(), value.replace(/_/g, ' ').toLowerCase()])];
const anyOf = (keys: readonly string[]) => Prisma.sql`(${Prisma.join(keys.map((k) => Prisma.sql`${k}`))})`;

const identifierCondition = (institutionId: string, keys: readonly string[], primaryOnly: boolean) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "UserIdentifier" i WHERE i."userId" = u.id AND i."institutionId" = ${institutionId}::uuid AND i."valueKey" IN ${anyOf(keys.map(identifierKey))}${primaryOnly ? Prisma.sql` AND i."idType" = ${PRIMARY_ID_TYPE}` : Prisma.empty})`;
const emailCondition = (institutionId: string, keys: readonly string[]) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "UserEmail" e WHERE e."userId" = u.id AND e."institutionId" = ${institutionId}::uuid AND e."addressKey" IN ${anyOf(keys)})`;
const codeCondition = (column: string, keys: readonly string[]) =>
  Prisma.sql`lower(u.${Prisma.raw(`"${column}"`)}) IN ${anyOf(keys)}`;

/** The digits of a phone number: "+47 22-33 44 55" is 4722334455. */
export const phoneDigitsOf = (value: string) => value.replace(/[^0-9]/g, '');
const phoneCondition = (institutionId: string, value: string) => {
  const digits = phoneDigitsOf(value);
  return digits
    ? Prisma.sql`EXISTS (SELECT 1 FROM "UserPhone" p WHERE p."userId" = u.id AND p."institutionId" = ${institutionId}::uuid AND regexp_replace(p."phoneNumber", '[^0-9]', '', 'g') = ${digits})`
    : Prisma.sql`FALSE`;
};

/** The general information of a record: names (any part), identifiers, email, job category, user group, job description. */
function generalInfoCondition(institutionId: string, value: string): Prisma.Sql {
  const keys = keysOf(value);
  const spaced = value.replace(/_/g, ' ');
  return Prisma.sql`((${nameCondition(spaced)}) OR ${identifierCondition(institutionId, keys, false)} OR ${emailCondition(institutionId, keys)} OR ${codeCondition('jobCategory', keys)} OR ${codeCondition('userGroup', keys)} OR u."jobDescription" ILIKE ${containing(spaced)})`;
}

/**
 * One condition of the field-specific search (the REST API's `q`); an empty value holds for everyone. `_`
 * stands for a space: names read it so, and exact keys (identifiers, email, codes) match the value either as
 * typed or with spaces.
 */
export function fieldCondition(institutionId: string, field: UserConditionField, value: string): Prisma.Sql {
  if (!value) return Prisma.sql`TRUE`;
  const keys = keysOf(value);
  switch (field) {
    case 'firstName':
      return namePartCondition('given', value);
    case 'middleName':
      return namePartCondition('middle', value);
    case 'lastName':
      return surnameCondition(institutionId, value);
    case 'name':
      return nameCondition(value.replace(/_/g, ' '));
    case 'primaryId':
      return identifierCondition(institutionId, keys, true);
    case 'identifier':
      return identifierCondition(institutionId, keys, false);
    case 'email':
      return emailCondition(institutionId, keys);
    case 'jobCategory':
      return codeCondition('jobCategory', keys);
    case 'phone':
      return phoneCondition(institutionId, value);
    case 'birthDate':
      return Prisma.sql`u."birthDate" = ${value}::date`;
    case 'generalInfo':
      return generalInfoCondition(institutionId, value);
    case 'all':
      return Prisma.sql`(${generalInfoCondition(institutionId, value)} OR ${phoneCondition(institutionId, value)})`;
  }
}

type SearchQuery = z.output<typeof searchUsersInput>;

/** Everything Find and Manage Users filters on: the search box, tab, account type, role and status; `today` in the institution's time zone (asked only by the status filters). */
export function searchCondition(institutionId: string, q: SearchQuery, today: () => string): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`u."institutionId" = ${institutionId}::uuid`,
    queryCondition(institutionId, q.query, q.searchBy),
  ];
  if (q.tab !== 'ALL') conditions.push(Prisma.sql`u."recordType" = ${q.tab}`);
  if (q.account !== 'ALL') conditions.push(Prisma.sql`u."accountType" = ${q.account}`);
  if (q.role) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "UserRole" r WHERE r."userId" = u.id AND r.role = ${q.role} AND r.status = 'ACTIVE')`,
    );
  }
  if (q.status === 'ACTIVE_NOT_EXPIRED') {
    conditions.push(Prisma.sql`u.status = 'ACTIVE' AND (u."expiryDate" IS NULL OR u."expiryDate" >= ${today()}::date)`);
  }
  if (q.status === 'INACTIVE_OR_EXPIRED')
    conditions.push(Prisma.sql`(u.status = 'INACTIVE' OR u."expiryDate" < ${today()}::date)`);
  return Prisma.join(conditions, ' AND ');
}

/** Runs a statement built with `Prisma.sql` on the plain pool: reads here skip Prisma's per-query compile. A `name` prepares it once per connection. */
export function runSql<T>(sql: SqlRunner, statement: Prisma.Sql, options?: { name: string }): Promise<T[]> {
  return options
    ? sql.query<T>(statement.text, statement.values, options)
    : sql.query<T>(statement.text, statement.values);
}
