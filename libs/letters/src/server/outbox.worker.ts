import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { defineWorker, type EnabledExtensions, type PluginConfig, type WorkerDefinition } from '@ulms/platform';
import {
  type LetterAttachment,
  LetterDeliveryError,
  type LetterTransport,
  lettersExtensionPoints,
  type OutgoingLetter,
} from '../contracts/letter-type.js';
import type { LettersConfig } from '../contracts/letters-config.schema.js';
import { OUTBOX_WORKER, transportOf } from './letter-composer.js';
import type { RenderedLetter } from './template-engine.js';
import type { SecretBox } from './secret-box.js';

const BATCH = 100;
/** How long a process holds the letters it claimed; past it, another process sends them. */
const LEASE_SECONDS = 120;
const MAX_DELAY_SECONDS = 6 * 3600;

interface ClaimedLetter {
  id: string;
  institutionId: string;
  toAddress: string;
  fromAddress: string;
  subject: string;
  html: string;
  text: string;
  attachments: LetterAttachment[];
  sealed: string | null;
  attempts: number;
}

type Outcome = { id: string; sent: true } | { id: string; sent: false; error: string; permanent: boolean };

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

const messageIdOf = (letter: ClaimedLetter) => `<${letter.id}@${letter.fromAddress.split('@')[1] ?? 'letters.local'}>`;

/**
 * Drains the outbox: claims due letters with a lease (`FOR UPDATE SKIP LOCKED`: two processes never take the same
 * letter), sends each by its institution's transport, marks it sent, or queues it again after 1, 2, 4… times the
 * retry delay, or fails it when the server refused it for good or the attempts ran out. A letter whose process
 * stopped mid-send is sent again once its lease ends, with the same Message-ID.
 */
export function createOutboxWorker(deps: {
  prisma: PrismaClient;
  config: PluginConfig<LettersConfig>;
  extensions: EnabledExtensions;
  secrets: SecretBox;
  /** Every installed transport, closed when the server stops. */
  transports: readonly LetterTransport[];
}): WorkerDefinition {
  const { prisma } = deps;
  const owner = randomUUID();

  const claim = () =>
    prisma.$queryRaw<ClaimedLetter[]>`
      UPDATE "LetterOutbox" SET "status" = 'SENDING', "leaseOwner" = ${owner},
        "leaseExpiresAt" = now() + make_interval(secs => ${LEASE_SECONDS}), "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "LetterOutbox"
        WHERE "status" IN ('QUEUED', 'SENDING') AND "nextAttemptAt" <= now()
          AND ("status" = 'QUEUED' OR "leaseExpiresAt" < now())
        ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING "id", "institutionId", "toAddress", "fromAddress", "subject", "html", "text", "attachments", "sealed", "attempts"`;

  const outgoing = (letter: ClaimedLetter): OutgoingLetter => {
    const clear: RenderedLetter = letter.sealed ? JSON.parse(deps.secrets.open(letter.sealed)) : letter;
    return {
      messageId: messageIdOf(letter),
      from: letter.fromAddress,
      to: letter.toAddress,
      subject: clear.subject,
      html: clear.html,
      text: clear.text,
      attachments: letter.attachments,
    };
  };

  const sendAll = async (
    institutionId: string,
    letters: readonly ClaimedLetter[],
    config: LettersConfig,
  ): Promise<Outcome[]> => {
    const transportId = transportOf(config);
    if (!transportId) {
      await prisma.letterOutbox.updateMany({
        where: { id: { in: letters.map((l) => l.id) }, leaseOwner: owner },
        data: { status: 'HELD', leaseOwner: null, leaseExpiresAt: null, attempts: { decrement: 1 } },
      });
      return [];
    }
    const transports = await deps.extensions.for(lettersExtensionPoints.transports, institutionId);
    const transport: LetterTransport | undefined = transports.find((t) => t.id === transportId);
    const lanes = config.smtp?.maxConnections ?? 5;
    return eachLimited(letters, lanes, async (letter): Promise<Outcome> => {
      if (!transport)
        return {
          id: letter.id,
          sent: false,
          error: `no transport "${transportId}" is installed and enabled`,
          permanent: false,
        };
      try {
        await transport.send(institutionId, outgoing(letter), config);
        return { id: letter.id, sent: true };
      } catch (error) {
        const permanent = error instanceof LetterDeliveryError ? error.permanent : false;
        return { id: letter.id, sent: false, error: error instanceof Error ? error.message : String(error), permanent };
      }
    });
  };

  const record = async (letters: readonly ClaimedLetter[], outcomes: readonly Outcome[], config: LettersConfig) => {
    const sent = outcomes.filter((o) => o.sent).map((o) => o.id);
    if (sent.length > 0) {
      await prisma.letterOutbox.updateMany({
        where: { id: { in: sent }, leaseOwner: owner },
        data: {
          status: 'SENT',
          sentAt: new Date(),
          sealed: null,
          lastError: null,
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      });
    }
    for (const outcome of outcomes) {
      if (outcome.sent) continue;
      const letter = letters.find((l) => l.id === outcome.id);
      if (!letter) continue;
      const giveUp = outcome.permanent || letter.attempts >= config.maxAttempts;
      const delaySeconds = Math.min(config.retryDelaySeconds * 2 ** (letter.attempts - 1), MAX_DELAY_SECONDS);
      await prisma.letterOutbox.updateMany({
        where: { id: letter.id, leaseOwner: owner },
        data: {
          status: giveUp ? 'FAILED' : 'QUEUED',
          lastError: outcome.error.slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + delaySeconds * 1000),
          leaseOwner: null,
          leaseExpiresAt: null,
        },
      });
    }
  };

  return defineWorker({
    id: OUTBOX_WORKER,
    intervalMs: 5_000,
    async run({ signal }) {
      if (signal.aborted) return false;
      const letters = await claim();
      const byInstitution = new Map<string, ClaimedLetter[]>();
      for (const letter of letters)
        byInstitution.set(letter.institutionId, [...(byInstitution.get(letter.institutionId) ?? []), letter]);
      await Promise.all(
        [...byInstitution.entries()].map(async ([institutionId, theirs]) => {
          const config = await deps.config.for(institutionId);
          await record(theirs, await sendAll(institutionId, theirs, config), config);
        }),
      );
      return letters.length === BATCH && !signal.aborted;
    },
    async stop() {
      await Promise.allSettled(deps.transports.map((t) => t.close?.()));
    },
  });
}
