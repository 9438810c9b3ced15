import type { Prisma, PrismaClient } from '@prisma/client';
import { NotFoundError, ValidationError } from '@ulms/platform';
import type { OutboxEntryDto, OutboxLetterDto, OutboxPageDto } from '../contracts/letter.dto.js';
import type { LetterAttachment } from '../contracts/letter-type.js';
import type { OutboxListInput, OutboxStatus } from '../contracts/letter.schema.js';
import type { LetterTypeRegistry } from './letter-types.registry.js';
import { OUTBOX_WORKER } from './letter-composer.js';

/** The outbox as staff read it: pages newest first, one letter, a letter sent again. */
export interface OutboxQueries {
  list(institutionId: string, input: OutboxListInput): Promise<OutboxPageDto>;
  entry(institutionId: string, id: string): Promise<OutboxEntryDto>;
  letter(institutionId: string, id: string): Promise<OutboxLetterDto>;
  /** Queues a failed or held letter again, now. */
  retry(institutionId: string, id: string): Promise<OutboxEntryDto>;
}

const entrySelect = {
  id: true,
  letterTypeId: true,
  userId: true,
  toAddress: true,
  fromAddress: true,
  subject: true,
  language: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  createdBy: true,
  sentAt: true,
  nextAttemptAt: true,
} as const;
type EntryRow = Prisma.LetterOutboxGetPayload<{ select: typeof entrySelect }>;

const encodeCursor = (row: { createdAt: Date; id: string }) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
const decodeCursor = (cursor: string) => {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()))
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave' }]);
  return { createdAt, id };
};

export function createOutboxQueries(deps: {
  prisma: PrismaClient;
  registry: LetterTypeRegistry;
  wake: (worker: string) => void;
}): OutboxQueries {
  const { prisma } = deps;
  const namesOf = async (institutionId: string) =>
    new Map((await deps.registry.list(institutionId)).map((t) => [t.id, t.name]));
  const dto = (row: EntryRow, names: ReadonlyMap<string, string>): OutboxEntryDto => ({
    ...row,
    status: row.status as OutboxStatus,
    letterTypeName: names.get(row.letterTypeId) ?? row.letterTypeId,
    nextAttemptAt: row.status === 'QUEUED' ? row.nextAttemptAt : null,
  });

  const queries: OutboxQueries = {
    async list(institutionId, input) {
      const after = input.cursor ? decodeCursor(input.cursor) : null;
      const rows = await prisma.letterOutbox.findMany({
        where: {
          institutionId,
          status: input.status,
          letterTypeId: input.letterTypeId,
          userId: input.userId,
          ...(after
            ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
            : {}),
        },
        select: entrySelect,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: input.limit + 1,
      });
      const names = await namesOf(institutionId);
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        entries: page.map((r) => dto(r, names)),
        nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
      };
    },
    async entry(institutionId, id) {
      const row = await prisma.letterOutbox.findFirst({ where: { id, institutionId }, select: entrySelect });
      if (!row) throw new NotFoundError('letter');
      return dto(row, await namesOf(institutionId));
    },
    async letter(institutionId, id) {
      const row = await prisma.letterOutbox.findFirst({
        where: { id, institutionId },
        select: { ...entrySelect, html: true, text: true, attachments: true },
      });
      if (!row) throw new NotFoundError('letter');
      const attachments = (row.attachments ?? []) as unknown as LetterAttachment[];
      return {
        ...dto(row, await namesOf(institutionId)),
        html: row.html,
        text: row.text,
        attachments: attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          size: Buffer.byteLength(a.contentBase64, 'base64'),
        })),
      };
    },
    async retry(institutionId, id) {
      const { count } = await prisma.letterOutbox.updateMany({
        where: { id, institutionId, status: { in: ['FAILED', 'HELD'] } },
        data: { status: 'QUEUED', nextAttemptAt: new Date(), attempts: 0, lastError: null },
      });
      if (count === 0) {
        const entry = await queries.entry(institutionId, id);
        throw new ValidationError([
          {
            field: 'id',
            message: `the letter is ${entry.status.toLowerCase()}: only a failed or held letter is sent again`,
          },
        ]);
      }
      deps.wake(OUTBOX_WORKER);
      return queries.entry(institutionId, id);
    },
  };
  return queries;
}
