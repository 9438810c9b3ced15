import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import type { Transactions } from '@ulms/platform';
import {
  type ExternalLoadOptions,
  type ExternalLoadOutcome,
  type ExternalUserLoad,
  identifierKey,
  type UserChangeActor,
} from '@ulms/users/contracts';
import type {
  AlmaUserJson,
  SisFieldMapper,
  SisFieldMapperContext,
  SisSourceRecord,
} from '../contracts/sis-extension-points.js';
import type { SisProfileSettings } from '../contracts/sis-profile.schema.js';

/** A record of the file at its position. */
export interface PositionedRecord {
  readonly seq: number;
  readonly record: SisSourceRecord;
}

/** What one run of a profile needs to load a batch. */
export interface BatchContext {
  readonly prisma: PrismaClient;
  readonly transactions: Transactions;
  readonly externalLoad: ExternalUserLoad;
  readonly by: UserChangeActor;
  readonly runId: string;
  readonly institutionId: string;
  readonly profileId: string;
  readonly profile: SisProfileSettings;
  readonly options: ExternalLoadOptions;
  readonly mappers: readonly SisFieldMapper[];
  readonly mapperContext: SisFieldMapperContext;
  readonly dryRun: boolean;
  /** The file holds all the profile's users: the ones it holds are marked, the others are missing. */
  readonly fullLoad: boolean;
  /** Distinguishes the profile's settings in the record hashes: a changed profile loads every record again. */
  readonly settingsTag: string;
  /** For a dry run: the users the file holds (what a full load would not retire). */
  readonly seen: Set<string>;
}

type Outcome = Omit<ExternalLoadOutcome, 'version'> & {
  version: number | null;
  matchKey?: string | null;
  hash?: string;
  /** Skipped by its hash: the profile's state of the user is already this record's. */
  skipped?: boolean;
};

const text = (value: unknown): string | null => {
  const raw = value && typeof value === 'object' ? (value as { value?: unknown }).value : value;
  return typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : typeof raw === 'number' ? String(raw) : null;
};

/** The key the profile matches a record on, as the users module keys identifiers. */
export function matchKeyOf(user: AlmaUserJson, options: ExternalLoadOptions): string | null {
  if (options.match.by === 'PRIMARY_ID') {
    const id = text(user['primary_id']);
    return id ? identifierKey(id) : null;
  }
  const { idType } = options.match;
  const list = Array.isArray(user['user_identifier']) ? user['user_identifier'] : [user['user_identifier']];
  for (const entry of list) {
    if (!entry || typeof entry !== 'object') continue;
    const identifier = entry as Record<string, unknown>;
    const value = text(identifier['value']);
    if (text(identifier['id_type']) === idType && value) return identifierKey(value);
  }
  return null;
}

const hashOf = (settingsTag: string, user: AlmaUserJson) =>
  createHash('sha256').update(settingsTag).update(JSON.stringify(user)).digest('base64url');

/** Runs the institution's field mappers over a record; a mapper that throws rejects it. */
async function mapped(ctx: BatchContext, user: AlmaUserJson): Promise<AlmaUserJson> {
  let result = user;
  for (const mapper of ctx.mappers) result = await mapper.map(result, ctx.mapperContext);
  return result;
}

/**
 * Loads one batch: records read and mapped, the unchanged ones (same hash, user not changed since) skipped,
 * the rest planned by the users module and, unless a dry run, written with the run's progress in one
 * transaction, so that a run killed at any point goes on after the last batch it committed.
 */
export async function loadBatch(ctx: BatchContext, batch: readonly PositionedRecord[]): Promise<void> {
  const outcomes: Outcome[] = [];
  const toPlan: { seq: number; user: AlmaUserJson; matchKey: string | null; hash: string }[] = [];
  for (const { seq, record } of batch) {
    if (record.error !== undefined) {
      outcomes.push(rejected(seq, null, [{ field: 'file', message: record.error }]));
      continue;
    }
    try {
      const user = await mapped(ctx, record.user);
      toPlan.push({ seq, user, matchKey: matchKeyOf(user, ctx.options), hash: hashOf(ctx.settingsTag, user) });
    } catch (error) {
      outcomes.push(
        rejected(seq, text(record.user['primary_id']), [{ field: 'user', message: (error as Error).message }]),
      );
    }
  }

  const keys = toPlan.flatMap((r) => (r.matchKey ? [r.matchKey] : []));
  // The keys as one JSON parameter (the embedded database's driver takes no arrays): one index look-up each.
  const states = keys.length
    ? await ctx.prisma.$queryRawUnsafe<{ userId: string; matchKey: string; hash: string; userVersion: number }[]>(
        `SELECT "userId", "matchKey", hash, "userVersion" FROM "SisUserState"
         WHERE "profileId" = $1::uuid AND "matchKey" IN (SELECT jsonb_array_elements_text($2::jsonb))`,
        ctx.profileId,
        JSON.stringify(keys),
      )
    : [];
  const versions = await ctx.externalLoad.versions(
    ctx.institutionId,
    states.map((s) => s.userId),
  );
  const known = new Map(
    states.filter((s) => versions.get(s.userId) === s.userVersion).map((s) => [`${s.matchKey}\u0000${s.hash}`, s]),
  );
  const records: { seq: number; user: AlmaUserJson }[] = [];
  const meta = new Map<number, { matchKey: string | null; hash: string }>();
  for (const r of toPlan) {
    const state = r.matchKey ? known.get(`${r.matchKey}\u0000${r.hash}`) : undefined;
    if (state) {
      outcomes.push({
        seq: r.seq,
        outcome: 'UNCHANGED',
        userId: state.userId,
        primaryId: text(r.user['primary_id']),
        version: state.userVersion,
        changes: [],
        errors: [],
        matchKey: state.matchKey,
        hash: r.hash,
        skipped: true,
      });
    } else {
      records.push({ seq: r.seq, user: r.user });
      meta.set(r.seq, { matchKey: r.matchKey, hash: r.hash });
    }
  }
  const plan = records.length ? await ctx.externalLoad.plan(ctx.by, records, ctx.options) : null;
  for (const o of plan?.outcomes ?? []) outcomes.push({ ...o, ...meta.get(o.seq) });
  outcomes.sort((a, b) => a.seq - b.seq);

  const last = batch.at(-1)?.seq;
  if (last === undefined) return;
  if (ctx.dryRun) {
    for (const o of outcomes) if (o.userId && o.outcome !== 'CREATED') ctx.seen.add(o.userId);
    await ctx.prisma.$transaction(async (tx) => recordOutcomes(tx, ctx, outcomes, last));
    return;
  }
  await ctx.transactions.run(async ({ tx, raise }) => {
    if (plan) await ctx.externalLoad.apply(plan, { tx, raise });
    await recordOutcomes(tx, ctx, outcomes, last);
  });
}

function rejected(seq: number, primaryId: string | null, errors: { field: string; message: string }[]): Outcome {
  return { seq, outcome: 'REJECTED', userId: null, primaryId, version: null, changes: [], errors };
}

const count = (outcomes: readonly Outcome[], outcome: Outcome['outcome']) =>
  outcomes.filter((o) => o.outcome === outcome).length;

/** The batch's entries, the profile's per-user state and the run's counters and cursor. */
async function recordOutcomes(
  tx: Prisma.TransactionClient,
  ctx: BatchContext,
  outcomes: readonly Outcome[],
  lastSeq: number,
): Promise<void> {
  const entries = outcomes
    .filter((o) => o.outcome !== 'UNCHANGED')
    .map((o) => ({
      runId: ctx.runId,
      seq: o.seq,
      institutionId: ctx.institutionId,
      outcome: o.outcome,
      primaryId: o.primaryId,
      userId: ctx.dryRun && o.outcome === 'CREATED' ? null : o.userId,
      changes: o.changes,
      errors: o.errors,
    }));
  if (entries.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "SisRunEntry" ("runId", seq, "institutionId", outcome, "primaryId", "userId", changes, errors)
       SELECT "runId", seq, "institutionId", outcome, "primaryId", "userId", changes, errors
       FROM jsonb_populate_recordset(NULL::"SisRunEntry", $1::jsonb)`,
      JSON.stringify(entries),
    );
  }
  if (!ctx.dryRun) {
    const states = outcomes.flatMap((o) =>
      !o.skipped && o.outcome !== 'REJECTED' && o.userId && o.matchKey && o.hash && o.version !== null
        ? [
            {
              profileId: ctx.profileId,
              userId: o.userId,
              institutionId: ctx.institutionId,
              matchKey: o.matchKey,
              hash: o.hash,
              userVersion: o.version,
              lastRunId: ctx.runId,
            },
          ]
        : [],
    );
    if (states.length) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "SisUserState" ("profileId", "userId", "institutionId", "matchKey", hash, "userVersion", "lastRunId")
         SELECT "profileId", "userId", "institutionId", "matchKey", hash, "userVersion", "lastRunId"
         FROM jsonb_populate_recordset(NULL::"SisUserState", $1::jsonb)
         ON CONFLICT ("profileId", "userId") DO UPDATE SET "matchKey" = EXCLUDED."matchKey", hash = EXCLUDED.hash,
           "userVersion" = EXCLUDED."userVersion", "lastRunId" = EXCLUDED."lastRunId"`,
        JSON.stringify(states),
      );
    }
    // A full load marks the users its file holds (skipped or not loaded too): the others are missing from it.
    const seen = ctx.fullLoad
      ? outcomes.flatMap((o) => ((o.skipped || o.outcome === 'REJECTED') && o.userId ? [o.userId] : []))
      : [];
    if (seen.length) {
      await tx.$executeRawUnsafe(
        `UPDATE "SisUserState" SET "lastRunId" = $2::uuid
         WHERE "profileId" = $1::uuid AND "userId" IN (SELECT jsonb_array_elements_text($3::jsonb)::uuid)`,
        ctx.profileId,
        ctx.runId,
        JSON.stringify(seen),
      );
    }
  }
  await tx.sisRun.update({
    where: { id: ctx.runId },
    data: {
      cursor: lastSeq + 1,
      processed: { increment: outcomes.length },
      created: { increment: count(outcomes, 'CREATED') },
      updated: { increment: count(outcomes, 'UPDATED') },
      unchanged: { increment: count(outcomes, 'UNCHANGED') },
      rejected: { increment: count(outcomes, 'REJECTED') },
    },
  });
}
