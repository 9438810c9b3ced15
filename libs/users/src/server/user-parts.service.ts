import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import {
  type InstitutionRef,
  type InstitutionService,
  type ModuleService,
  NotFoundError,
  ownerLibraryFilter,
  PayloadTooLargeError,
  visibleOwnerLibraries,
  type Database,
  parseInput,
  type Principal,
  type Transactions,
  ValidationError,
} from '@ulms/platform';
import type { z } from 'zod';
import { type OwnedList, readOwnedRows } from './user-record.reader.js';
import { noteSelect, onlyNotes, onlyStatistics, statisticSelect, withOwnerCodes } from './owned-lists.js';
import { historyFields } from '../contracts/user-codes.js';
import {
  addAttachmentInput,
  attachmentUploadInput,
  addNoteInput,
  addStatisticInput,
  updateNoteInput,
  type AttachmentDto,
  type HistoryEntryDto,
  type NoteDto,
  type StatisticDto,
} from '../contracts/user-parts.schema.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import type { AttachmentStorage } from '../contracts/users-extension-points.js';
import type { CodeTableService } from './code-table.service.js';
import { createContentSniffer, sniffContentType } from './sniff-content-type.js';
import { USERS_MODULE } from './users-module.js';
import type { UserChangeActor } from './change-actor.js';

/** Who is looking: library-owned notes and statistics follow the caller's library scope. */
export interface PartsViewer {
  readonly institution: InstitutionRef;
  readonly principal: Pick<Principal, 'libraryScope'>;
}

/** The tabs of a user beside the record: notes, statistics, attachments and history. */
export interface UserPartsService {
  listNotes(viewer: PartsViewer, userId: string): Promise<NoteDto[]>;
  addNote(by: UserChangeActor, input: z.input<typeof addNoteInput>): Promise<NoteDto>;
  updateNote(by: UserChangeActor, input: z.input<typeof updateNoteInput>): Promise<NoteDto>;
  removeNote(by: UserChangeActor, userId: string, id: string): Promise<void>;
  listStatistics(viewer: PartsViewer, userId: string): Promise<StatisticDto[]>;
  addStatistic(by: UserChangeActor, input: z.input<typeof addStatisticInput>): Promise<StatisticDto>;
  removeStatistic(by: UserChangeActor, userId: string, id: string): Promise<void>;
  listAttachments(institutionId: string, userId: string): Promise<AttachmentDto[]>;
  addAttachment(by: UserChangeActor, input: z.input<typeof addAttachmentInput>): Promise<AttachmentDto>;
  /**
   * Stores a file as it arrives: held to the institution's maximum size and allowed types (sniffed from the
   * bytes) while streaming; when it fails (an AttachmentTooLargeError, a ValidationError, the client gone)
   * nothing stays stored, neither the row nor the file.
   */
  addAttachmentStream(
    by: UserChangeActor,
    input: z.input<typeof attachmentUploadInput>,
    content: AsyncIterable<Uint8Array>,
  ): Promise<AttachmentDto>;
  downloadAttachment(
    institutionId: string,
    userId: string,
    id: string,
  ): Promise<AttachmentDto & { contentBase64: string }>;
  /** One attachment with its stored bytes as a stream (opened before this resolves). */
  openAttachment(
    institutionId: string,
    userId: string,
    id: string,
  ): Promise<AttachmentDto & { content: AsyncIterable<Uint8Array> }>;
  removeAttachment(by: UserChangeActor, userId: string, id: string): Promise<void>;
  /** The user's history; entries about notes of libraries outside the viewer's scope are left out. */
  history(
    viewer: PartsViewer,
    userId: string,
    options: { field?: string; page: number; pageSize: number },
  ): Promise<{ total: number; entries: HistoryEntryDto[] }>;
}

/** A streamed file over the institution's maximum: refused with 413 (Payload Too Large). */
export class AttachmentTooLargeError extends PayloadTooLargeError {
  constructor(readonly maxSizeBytes: number) {
    super(`the file is larger than the ${maxSizeBytes} bytes allowed`);
    this.name = 'AttachmentTooLargeError';
  }
}

const attachmentSelect = {
  id: true,
  fileName: true,
  mimeType: true,
  size: true,
  note: true,
  createdBy: true,
  createdAt: true,
} as const;

export function createUserPartsService(deps: {
  prisma: PrismaClient;
  database: Database;
  transactions: Transactions;
  modules: ModuleService;
  codeTables: CodeTableService;
  institutions: InstitutionService;
  storage: (institutionId: string) => Promise<AttachmentStorage>;
}): UserPartsService {
  const { prisma, transactions, institutions } = deps;

  const userOf = async (institutionId: string, userId: string) => {
    const user = await prisma.user.findFirst({
      where: { id: userId, institutionId },
      select: { id: true, accountType: true },
    });
    if (!user) throw new NotFoundError('user');
    return user;
  };

  const ownerLibraryId = async (institutionId: string, code: string | null | undefined) => {
    if (!code) return null;
    const library = (await institutions.listLibraries(institutionId)).find((l) => l.code === code);
    if (!library) throw ValidationError.of('ownerLibrary', `"${code}" is not a library of this institution`);
    return library.id;
  };

  /** Library independence on writes: rows owned outside the caller's scope are neither made nor touched. */
  const inCallerScope = (by: UserChangeActor) => {
    const visible = by.caller?.visibleLibraryIds;
    return visible
      ? {
          OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: [...visible] } }],
        }
      : {};
  };
  const checkOwnerInScope = (by: UserChangeActor, ownerId: string | null) => {
    const visible = by.caller?.visibleLibraryIds;
    if (visible && ownerId && !visible.includes(ownerId))
      throw ValidationError.of('ownerLibrary', 'is a library outside your role scope');
  };

  /** The row of a file just stored under `storageKey`; the file is deleted again when the row cannot be written. */
  const attachmentRow = async (
    by: UserChangeActor,
    storage: AttachmentStorage,
    storageKey: string,
    file: {
      userId: string;
      fileName: string;
      note: string | null;
      mimeType: string;
      size: number;
    },
  ): Promise<AttachmentDto> => {
    try {
      return await transactions.run(async ({ tx }) => {
        const created = await tx.userAttachment.create({
          data: {
            institutionId: by.institutionId,
            ...file,
            storageKey,
            createdBy: by.actor,
          },
          select: attachmentSelect,
        });
        await recordChange(tx, by, file.userId, null);
        return created;
      });
    } catch (error) {
      await storage.delete(storageKey);
      throw error;
    }
  };

  const checkSegment = (accountType: string, segmentType: string) => {
    if (segmentType === 'EXTERNAL' && accountType !== 'EXTERNAL') {
      throw ValidationError.of('segmentType', 'only an external user can have external data');
    }
  };

  /** In the same transaction as the change: its History entry and the user's last-updated date. */
  const recordChange = async (
    tx: Prisma.TransactionClient,
    by: UserChangeActor,
    userId: string,
    entry: {
      field: string;
      oldValue: string | null;
      newValue: string | null;
      ownerLibraryId?: string | null;
    } | null,
  ) => {
    const now = new Date();
    await tx.user.update({
      where: { id: userId },
      data: {
        updatedAt: now,
        updatedBy: by.actor,
        lastUpdatedByJob: by.job ?? null,
      },
    });
    if (entry) {
      await tx.userHistoryEntry.create({
        data: {
          ...entry,
          institutionId: by.institutionId,
          userId,
          actor: by.actor,
          actorKind: by.actorKind ?? 'staff',
          at: now,
        },
      });
    }
  };

  /** A user's library-owned rows the viewer's scope covers, with owner library codes; the user checked in the same statement. */
  const listOwned = async <L extends Record<string, OwnedList>>(viewer: PartsViewer, userId: string, lists: L) => {
    const institutionId = viewer.institution.id;
    const [found, libraries] = await Promise.all([
      readOwnedRows(
        deps.database.sql,
        lists,
        institutionId,
        userId,
        visibleOwnerLibraries(viewer.institution, viewer.principal),
      ),
      institutions.listLibraries(institutionId),
    ]);
    if (!found) throw new NotFoundError('user');
    const owned = (rows: Record<string, unknown>[]) =>
      withOwnerCodes(rows as { ownerLibraryId: string | null }[], libraries);
    return Object.fromEntries(Object.entries(found).map(([name, rows]) => [name, owned(rows)])) as {
      [K in keyof L]: ReturnType<typeof owned>;
    };
  };

  return {
    listNotes: async (viewer, userId) => (await listOwned(viewer, userId, onlyNotes)).notes as NoteDto[],
    async addNote(by, input) {
      const note = parseInput(addNoteInput, input);
      const user = await userOf(by.institutionId, note.userId);
      checkSegment(user.accountType, note.segmentType);
      const ownerId = await ownerLibraryId(by.institutionId, note.ownerLibrary);
      checkOwnerInScope(by, ownerId);
      const row = await transactions.run(async ({ tx }) => {
        const created = await tx.userNote.create({
          data: {
            institutionId: by.institutionId,
            userId: user.id,
            noteType: note.noteType,
            text: note.text,
            ownerLibraryId: ownerId,
            popUp: note.popUp,
            userViewable: note.userViewable,
            segmentType: note.segmentType,
            createdBy: by.actor,
          },
          select: noteSelect,
        });
        await recordChange(tx, by, user.id, {
          field: 'notes',
          oldValue: null,
          newValue: note.text,
          ownerLibraryId: ownerId,
        });
        return created;
      });
      const [owned] = withOwnerCodes([row], await institutions.listLibraries(by.institutionId));
      return owned as NoteDto;
    },
    async updateNote(by, input) {
      const change = parseInput(updateNoteInput, input);
      await userOf(by.institutionId, change.userId);
      const ownerId = await ownerLibraryId(by.institutionId, change.ownerLibrary);
      checkOwnerInScope(by, ownerId);
      const row = await transactions.run(async ({ tx }) => {
        // A note of a library outside the caller's scope is as unknown as one of another institution.
        const note = await tx.userNote.findFirst({
          where: {
            id: change.id,
            userId: change.userId,
            institutionId: by.institutionId,
            ...inCallerScope(by),
          },
          select: { text: true },
        });
        if (!note) throw new NotFoundError('note');
        const updated = await tx.userNote.update({
          where: { id: change.id },
          data: {
            noteType: change.noteType,
            text: change.text,
            ownerLibraryId: ownerId,
            popUp: change.popUp,
            userViewable: change.userViewable,
          },
          select: noteSelect,
        });
        await recordChange(tx, by, change.userId, {
          field: 'notes',
          oldValue: note.text,
          newValue: change.text,
          ownerLibraryId: ownerId,
        });
        return updated;
      });
      const [owned] = withOwnerCodes([row], await institutions.listLibraries(by.institutionId));
      return owned as NoteDto;
    },
    async removeNote(by, userId, id) {
      await userOf(by.institutionId, userId);
      await transactions.run(async ({ tx }) => {
        const note = await tx.userNote.findFirst({
          where: {
            id,
            userId,
            institutionId: by.institutionId,
            ...inCallerScope(by),
          },
          select: { text: true, ownerLibraryId: true },
        });
        if (!note) throw new NotFoundError('note');
        await tx.userNote.delete({ where: { id } });
        await recordChange(tx, by, userId, {
          field: 'notes',
          oldValue: note.text,
          newValue: null,
          ownerLibraryId: note.ownerLibraryId,
        });
      });
    },

    listStatistics: async (viewer, userId) =>
      (await listOwned(viewer, userId, onlyStatistics)).statistics as StatisticDto[],
    async addStatistic(by, input) {
      const statistic = parseInput(addStatisticInput, input);
      const user = await userOf(by.institutionId, statistic.userId);
      checkSegment(user.accountType, statistic.segmentType);
      const lookups = await deps.codeTables.lookups(by.institutionId);
      const errors = [
        ...(lookups.codeAllows('STATISTIC_CATEGORY_TYPE', statistic.categoryType)
          ? []
          : [
              {
                field: 'categoryType',
                message: `"${statistic.categoryType}" is not a statistical category type of this institution`,
              },
            ]),
        ...(lookups.codeAllows('STATISTIC_CATEGORY', statistic.category)
          ? []
          : [
              {
                field: 'category',
                message: `"${statistic.category}" is not a statistical category of this institution`,
              },
            ]),
      ];
      if (errors.length) throw new ValidationError(errors);
      const ownerId = await ownerLibraryId(by.institutionId, statistic.ownerLibrary);
      checkOwnerInScope(by, ownerId);
      const row = await transactions.run(async ({ tx }) => {
        const created = await tx.userStatistic.create({
          data: {
            institutionId: by.institutionId,
            userId: user.id,
            categoryType: statistic.categoryType,
            category: statistic.category,
            note: statistic.note ?? null,
            ownerLibraryId: ownerId,
            segmentType: statistic.segmentType,
            createdBy: by.actor,
          },
          select: statisticSelect,
        });
        await recordChange(tx, by, user.id, null);
        return created;
      });
      const [owned] = withOwnerCodes([row], await institutions.listLibraries(by.institutionId));
      return owned as StatisticDto;
    },
    async removeStatistic(by, userId, id) {
      await userOf(by.institutionId, userId);
      const { count } = await prisma.userStatistic.deleteMany({
        where: {
          id,
          userId,
          institutionId: by.institutionId,
          ...inCallerScope(by),
        },
      });
      if (count === 0) throw new NotFoundError('statistic');
    },

    async listAttachments(institutionId, userId) {
      await userOf(institutionId, userId);
      return prisma.userAttachment.findMany({
        where: { userId, institutionId },
        select: attachmentSelect,
        orderBy: { createdAt: 'desc' },
      });
    },
    async addAttachment(by, input) {
      const attachment = parseInput(addAttachmentInput, input);
      const user = await userOf(by.institutionId, attachment.userId);
      const config = await deps.modules.config<UsersConfig>(by.institutionId, USERS_MODULE);
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(attachment.contentBase64))
        throw ValidationError.of('contentBase64', 'is not base64');
      const content = new Uint8Array(Buffer.from(attachment.contentBase64, 'base64'));
      if (content.byteLength > config.attachments.maxSizeBytes) {
        throw ValidationError.of(
          'contentBase64',
          `the file is larger than the ${config.attachments.maxSizeBytes} bytes allowed`,
        );
      }
      const mimeType = sniffContentType(content);
      if (!config.attachments.allowedTypes.includes(mimeType)) {
        throw ValidationError.of(
          'contentBase64',
          `files of type ${mimeType} are not allowed (allowed: ${config.attachments.allowedTypes.join(', ')})`,
        );
      }
      const storage = await deps.storage(by.institutionId);
      const storageKey = `${by.institutionId}/${user.id}/${randomUUID()}`;
      await storage.put(storageKey, content);
      return attachmentRow(by, storage, storageKey, {
        userId: user.id,
        fileName: attachment.fileName,
        note: attachment.note ?? null,
        mimeType,
        size: content.byteLength,
      });
    },
    async addAttachmentStream(by, input, content) {
      const attachment = parseInput(attachmentUploadInput, input);
      const user = await userOf(by.institutionId, attachment.userId);
      const { maxSizeBytes, allowedTypes } = (await deps.modules.config<UsersConfig>(by.institutionId, USERS_MODULE))
        .attachments;
      const notAllowed = (mimeType: string) =>
        ValidationError.of('file', `files of type ${mimeType} are not allowed (allowed: ${allowedTypes.join(', ')})`);
      const sniffer = createContentSniffer();
      let size = 0;
      let mimeType = '';
      // The checks run as the bytes pass: a file is refused at its first byte over the maximum, or as soon as
      // its first bytes show a type not allowed, and the storage drops what it had written.
      async function* checked(): AsyncIterable<Uint8Array> {
        for await (const chunk of content) {
          size += chunk.byteLength;
          if (size > maxSizeBytes) throw new AttachmentTooLargeError(maxSizeBytes);
          sniffer.push(chunk);
          const early = sniffer.early();
          if (early && !allowedTypes.includes(early)) throw notAllowed(early);
          yield chunk;
        }
        mimeType = sniffer.result();
        if (!allowedTypes.includes(mimeType)) throw notAllowed(mimeType);
      }
      const storage = await deps.storage(by.institutionId);
      const storageKey = `${by.institutionId}/${user.id}/${randomUUID()}`;
      try {
        if (storage.putStream) {
          await storage.putStream(storageKey, checked());
        } else {
          const chunks: Uint8Array[] = [];
          for await (const chunk of checked()) chunks.push(chunk);
          await storage.put(storageKey, new Uint8Array(Buffer.concat(chunks)));
        }
      } catch (error) {
        await storage.delete(storageKey).catch(() => undefined);
        throw error;
      }
      return attachmentRow(by, storage, storageKey, {
        userId: user.id,
        fileName: attachment.fileName,
        note: attachment.note ?? null,
        mimeType,
        size,
      });
    },
    async downloadAttachment(institutionId, userId, id) {
      const row = await prisma.userAttachment.findFirst({
        where: { id, userId, institutionId },
        select: { ...attachmentSelect, storageKey: true },
      });
      if (!row) throw new NotFoundError('attachment');
      const { storageKey, ...info } = row;
      const content = await (await deps.storage(institutionId)).get(storageKey);
      return {
        ...info,
        contentBase64: Buffer.from(content).toString('base64'),
      };
    },
    async openAttachment(institutionId, userId, id) {
      const row = await prisma.userAttachment.findFirst({
        where: { id, userId, institutionId },
        select: { ...attachmentSelect, storageKey: true },
      });
      if (!row) throw new NotFoundError('attachment');
      const { storageKey, ...info } = row;
      const storage = await deps.storage(institutionId);
      if (storage.getStream) return { ...info, content: await storage.getStream(storageKey) };
      const bytes = await storage.get(storageKey);
      return {
        ...info,
        content: (async function* () {
          yield bytes;
        })(),
      };
    },
    async removeAttachment(by, userId, id) {
      const row = await prisma.userAttachment.findFirst({
        where: { id, userId, institutionId: by.institutionId },
        select: { storageKey: true },
      });
      if (!row) throw new NotFoundError('attachment');
      await prisma.userAttachment.delete({ where: { id } });
      await (await deps.storage(by.institutionId)).delete(row.storageKey);
    },

    async history(viewer, userId, options) {
      const institutionId = viewer.institution.id;
      await userOf(institutionId, userId);
      const where = {
        userId,
        institutionId,
        ...(options.field ? { field: options.field } : {}),
        ...ownerLibraryFilter(viewer.institution, viewer.principal),
      };
      const [total, rows] = await Promise.all([
        prisma.userHistoryEntry.count({ where }),
        prisma.userHistoryEntry.findMany({
          where,
          select: {
            id: true,
            field: true,
            oldValue: true,
            newValue: true,
            actorKind: true,
            actor: true,
            at: true,
          },
          orderBy: [{ at: 'desc' }, { id: 'asc' }],
          skip: options.page * options.pageSize,
          take: options.pageSize,
        }),
      ]);
      return {
        total,
        entries: rows.map((r) => ({
          ...r,
          fieldLabel: historyFields[r.field as keyof typeof historyFields] ?? r.field,
        })),
      };
    },
  };
}
