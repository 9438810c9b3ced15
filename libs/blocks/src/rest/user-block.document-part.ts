import type { Prisma, PrismaClient } from '@prisma/client';
import { type PluginConfig, ValidationError } from '@ulms/platform';
import type { UserDocumentPart } from '@ulms/users/contracts';
import { z } from 'zod';
import type { BlocksConfig } from '../contracts/blocks-config.schema.js';
import { type BlockRow, toBlockDto } from '../server/block.mapper.js';
import { utcToday } from '../server/utc-today.js';

const codeValue = z.object({ value: z.string().trim().min(1).max(255), desc: z.string().max(255).optional() }).strict();

/**
 * One `user_block` as PUT and POST take it. `block_status`, `created_by` and `created_date` are what GET shows;
 * sent back they must agree with the block (the status follows the expiry date), and are not stored.
 */
const almaBlock = z
  .object({
    block_type: codeValue,
    block_description: codeValue.optional(),
    block_note: z.string().max(2000).optional(),
    expiry_date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}Z?$/, 'must be a date such as 2027-01-31Z')
      .optional(),
    block_owner: codeValue.optional(),
    segment_type: z.enum(['Internal', 'External']).default('Internal'),
    block_status: z.enum(['ACTIVE', 'INACTIVE']).optional(),
    created_by: z.string().max(255).optional(),
    created_date: z.string().max(40).optional(),
  })
  .strict();

const pathOf = (path: readonly PropertyKey[]) =>
  ['user_block', ...path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))].join('');

type Deps = {
  prisma: PrismaClient;
  config: PluginConfig<BlocksConfig>;
  libraries: (institutionId: string) => Promise<readonly { id: string; code: string; name: string }[]>;
};

/** A block of a PUT or POST, checked and resolved (its owner library's id), as it would be stored. */
interface WantedBlock {
  readonly typeCode: string;
  readonly description: string | null;
  readonly note: string | null;
  readonly expiryDate: string | null;
  readonly ownerLibraryId: string | null;
  readonly external: boolean;
}

/** A block as the reference's user document shows it. */
function almaOf(row: BlockRow, config: BlocksConfig, libraries: readonly { id: string; code: string; name: string }[]) {
  const dto = toBlockDto(row, config, libraries, utcToday());
  const type = config.blockTypes.find((t) => t.code === dto.type);
  const owner = libraries.find((l) => l.code === dto.ownerLibrary);
  return {
    block_type: { value: dto.type, desc: type?.description ?? dto.type },
    block_description: { value: dto.description ?? dto.type, desc: dto.description ?? type?.description ?? dto.type },
    block_status: dto.active ? 'ACTIVE' : 'INACTIVE',
    block_note: dto.note ?? undefined,
    expiry_date: dto.expiryDate ? `${dto.expiryDate}Z` : undefined,
    block_owner: owner ? { value: owner.code, desc: owner.name } : undefined,
    segment_type: dto.external ? 'External' : 'Internal',
    created_by: dto.createdBy,
    created_date: `${dto.createdAt.toISOString().slice(0, 10)}Z`,
  };
}

/** `user_block[]` of the Alma user document: the user's manual blocks, read, and replaced by POST and PUT. */
export function userBlockDocumentPart(deps: Deps): UserDocumentPart {
  return {
    id: 'blocks.user-block',
    field: 'user_block',
    async read({ institutionId, userId }) {
      const [rows, config, libraries] = await Promise.all([
        deps.prisma.userBlock.findMany({
          where: { institutionId, userId },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        }),
        deps.config.for(institutionId),
        deps.libraries(institutionId),
      ]);
      return rows.map((row) => almaOf(row, config, libraries));
    },

    /** Checks the blocks sent against the institution's types and libraries, before the save's transaction. */
    async prepare({ institutionId }, value): Promise<WantedBlock[]> {
      const parsed = z.array(almaBlock).max(200).safeParse(value);
      if (!parsed.success)
        throw new ValidationError(parsed.error.issues.map((i) => ({ field: pathOf(i.path), message: i.message })));
      const [config, libraries] = await Promise.all([deps.config.for(institutionId), deps.libraries(institutionId)]);
      const today = utcToday();
      return parsed.data.map((block, index) => {
        const at = (field: string) => `user_block[${index}].${field}`;
        if (!config.blockTypes.some((t) => t.code === block.block_type.value))
          throw ValidationError.of(
            at('block_type'),
            `"${block.block_type.value}" is not a block type of this institution`,
          );
        const library = block.block_owner ? libraries.find((l) => l.code === block.block_owner?.value) : undefined;
        if (block.block_owner && !library)
          throw ValidationError.of(
            at('block_owner'),
            `"${block.block_owner.value}" is not a library of this institution`,
          );
        const expiry = block.expiry_date?.slice(0, 10) ?? null;
        const status = expiry === null || expiry >= today ? 'ACTIVE' : 'INACTIVE';
        if (block.block_status && block.block_status !== status)
          throw ValidationError.of(at('block_status'), `follows expiry_date: this block is ${status}`);
        return {
          typeCode: block.block_type.value,
          // GET shows a block without its own description with the type's code there: sent back, it means none.
          description:
            block.block_description && block.block_description.value !== block.block_type.value
              ? block.block_description.value
              : null,
          note: block.block_note?.trim() || null,
          expiryDate: expiry,
          ownerLibraryId: library?.id ?? null,
          external: block.segment_type === 'External',
        };
      });
    },

    /** Keeps the blocks sent that the user already has (and who made them), adds the others, removes the rest. */
    async write({ tx, institutionId, userId, actor, recordType }, value) {
      const wanted = value as readonly WantedBlock[];
      if (wanted.length > 0 && recordType === 'CONTACT')
        throw ValidationError.of('user_block', 'a Contact user cannot be blocked');
      const client = tx as Prisma.TransactionClient;
      const existing = await client.userBlock.findMany({ where: { institutionId, userId } });
      const same = (row: BlockRow, block: WantedBlock) =>
        row.typeCode === block.typeCode &&
        row.description === block.description &&
        row.note === block.note &&
        (row.expiryDate?.toISOString().slice(0, 10) ?? null) === block.expiryDate &&
        row.ownerLibraryId === block.ownerLibraryId &&
        row.external === block.external;
      const kept = new Set<string>();
      const added = wanted.filter((block) => {
        const match = existing.find((row) => !kept.has(row.id) && same(row, block));
        if (match) kept.add(match.id);
        return !match;
      });
      const removed = existing.filter((row) => !kept.has(row.id));
      await client.userBlock.deleteMany({ where: { institutionId, userId, id: { notIn: [...kept] } } });
      if (added.length > 0)
        await client.userBlock.createMany({
          data: added.map((block) => ({
            ...block,
            expiryDate: block.expiryDate ? new Date(`${block.expiryDate}T00:00:00Z`) : null,
            institutionId,
            userId,
            createdBy: actor,
          })),
        });
      return {
        history: [
          ...removed.map((row) => ({ field: 'blocks' as const, oldValue: row.typeCode, newValue: null })),
          ...added.map((block) => ({ field: 'blocks' as const, oldValue: null, newValue: block.typeCode })),
        ],
      };
    },
  };
}
