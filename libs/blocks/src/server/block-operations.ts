import {
  ConflictError,
  createServiceRef,
  NotFoundError,
  parseInput,
  ValidationError,
  visibleOwnerLibraries,
} from '@ulms/platform';
import { type UserDto, usersEvents } from '@ulms/users/contracts';
import {
  addBlockInput,
  type BlockDto,
  removeBlockInput,
  updateBlockInput,
  type UserBlocks,
  userBlocksInput,
} from '../contracts/block.schema.js';
import type { BlocksConfig } from '../contracts/blocks-config.schema.js';
import type { BlockCaller } from './block-caller.js';
import type { BlockChecks } from './block-checks.js';
import type { BlockOperationsDeps } from './block-operations.deps.js';
import { type BlockRow, toBlockDto } from './block.mapper.js';
import { utcToday } from './utc-today.js';

const dateOf = (value: string | null | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/** Manual blocks: list (with the rules' automatic ones), add, edit, remove; each change touches the user. */
export function createBlockOperations(deps: BlockOperationsDeps & { checks: BlockChecks }) {
  /** Blocks of another library than the caller's are as unknown as missing ones (library independence). */
  const visibleTo = (by: BlockCaller) => {
    const libraryIds = visibleOwnerLibraries(by.institution, by.principal);
    return libraryIds === null ? {} : { OR: [{ ownerLibraryId: null }, { ownerLibraryId: { in: libraryIds } }] };
  };

  const blockable = async (by: BlockCaller, userId: string): Promise<UserDto> => {
    const user = await deps.users.get(by.institution.id, userId);
    if (user.recordType === 'CONTACT') throw ValidationError.of('userId', 'a Contact user cannot be blocked');
    return user;
  };

  /** The checked fields of an addition or edit: a type of the list, a library of the institution, a date. */
  const fieldsOf = async (
    by: BlockCaller,
    user: UserDto,
    config: BlocksConfig,
    input: {
      type: string;
      description?: string;
      note?: string;
      expiryDate?: string | null;
      ownerLibrary?: string;
      external?: boolean;
    },
  ) => {
    if (!config.blockTypes.some((t) => t.code === input.type))
      throw ValidationError.of('type', `"${input.type}" is not a block type of this institution`);
    const wanted = input.ownerLibrary?.trim();
    const library = wanted ? (await deps.libraries(by.institution.id)).find((l) => l.code === wanted) : undefined;
    if (wanted && !library)
      throw ValidationError.of('ownerLibrary', `"${wanted}" is not a library of this institution`);
    if (input.external && user.accountType !== 'EXTERNAL')
      throw ValidationError.of('external', 'only an external user (owned by the SIS) has external blocks');
    return {
      typeCode: input.type,
      description: input.description?.trim() || null,
      note: input.note?.trim() || null,
      expiryDate: dateOf(input.expiryDate),
      ownerLibraryId: library?.id ?? null,
      external: input.external ?? false,
    };
  };

  const dtos = async (by: BlockCaller, rows: readonly BlockRow[]) => {
    const [config, libraries] = await Promise.all([
      deps.config.for(by.institution.id),
      deps.libraries(by.institution.id),
    ]);
    const today = utcToday();
    return rows.map((row) => toBlockDto(row, config, libraries, today));
  };

  const touched = (by: BlockCaller, userId: string, oldValue: string | null, newValue: string | null) => ({
    institutionId: by.institution.id,
    userId,
    actor: by.principal.displayName,
    reason: 'blocks',
    history: { field: 'blocks' as const, oldValue, newValue },
  });

  const find = async (by: BlockCaller, id: string) => {
    const row = await deps.prisma.userBlock.findFirst({
      where: { id, institutionId: by.institution.id, ...visibleTo(by) },
    });
    if (!row) throw new NotFoundError('block');
    return row;
  };

  return {
    /** The user's manual blocks the caller may see, active and expired, and the automatic ones now. */
    async list(by: BlockCaller, raw: unknown): Promise<UserBlocks> {
      const input = parseInput(userBlocksInput, raw);
      await deps.users.requireExisting(by.institution.id, input.userId);
      const [rows, automatic] = await Promise.all([
        deps.prisma.userBlock.findMany({
          where: { institutionId: by.institution.id, userId: input.userId, ...visibleTo(by) },
          orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
          take: 500,
        }),
        deps.checks.automaticFor(by.institution.id, input.userId),
      ]);
      return { manual: await dtos(by, rows), automatic };
    },

    async add(by: BlockCaller, raw: unknown): Promise<BlockDto> {
      const input = parseInput(addBlockInput, raw);
      const user = await blockable(by, input.userId);
      const fields = await fieldsOf(by, user, await deps.config.for(by.institution.id), input);
      const row = await deps.transactions.run(async ({ tx, raise }) => {
        const created = await tx.userBlock.create({
          data: { ...fields, institutionId: by.institution.id, userId: user.id, createdBy: by.principal.displayName },
        });
        raise(usersEvents.userTouched, touched(by, user.id, null, fields.typeCode));
        return created;
      });
      return (await dtos(by, [row]))[0] as BlockDto;
    },

    /** Edits a block at the version the caller read: a change made meanwhile is refused, never overwritten. */
    async update(by: BlockCaller, raw: unknown): Promise<BlockDto> {
      const input = parseInput(updateBlockInput, raw);
      const before = await find(by, input.id);
      const user = await blockable(by, before.userId);
      const fields = await fieldsOf(by, user, await deps.config.for(by.institution.id), input);
      const row = await deps.transactions.run(async ({ tx, raise }) => {
        const { count } = await tx.userBlock.updateMany({
          where: { id: before.id, version: input.version },
          data: { ...fields, version: { increment: 1 } },
        });
        if (count === 0) throw new ConflictError('the block was changed meanwhile: read it again');
        raise(usersEvents.userTouched, touched(by, user.id, before.typeCode, fields.typeCode));
        return tx.userBlock.findUniqueOrThrow({ where: { id: before.id } });
      });
      return (await dtos(by, [row]))[0] as BlockDto;
    },

    async remove(by: BlockCaller, raw: unknown): Promise<void> {
      const input = parseInput(removeBlockInput, raw);
      const before = await find(by, input.id);
      await deps.transactions.run(async ({ tx, raise }) => {
        const { count } = await tx.userBlock.deleteMany({ where: { id: before.id } });
        if (count === 0) throw new NotFoundError('block');
        raise(usersEvents.userTouched, touched(by, before.userId, before.typeCode, null));
      });
    },
  };
}
export type BlockOperations = ReturnType<typeof createBlockOperations>;

/** The module's own service behind its procedures; other modules use `blocksServices` from the contracts. */
export const blockOperationsRef = createServiceRef<BlockOperations>({ id: 'blocks.operations' });
