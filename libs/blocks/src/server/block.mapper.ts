import type { Prisma } from '@prisma/client';
import type { BlockDto } from '../contracts/block.schema.js';
import type { BlocksConfig } from '../contracts/blocks-config.schema.js';

export type BlockRow = Prisma.UserBlockGetPayload<object>;

const NO_EFFECTS = { borrowing: false, renewals: false, requests: false };

/** A block as shown: active until its expiry date has passed (UTC), with what its type stops. */
export function toBlockDto(
  row: BlockRow,
  config: BlocksConfig,
  libraries: readonly { id: string; code: string }[],
  today: string,
): BlockDto {
  const expiryDate = row.expiryDate ? row.expiryDate.toISOString().slice(0, 10) : null;
  return {
    id: row.id,
    userId: row.userId,
    type: row.typeCode,
    description: row.description,
    note: row.note,
    expiryDate,
    ownerLibrary: libraries.find((l) => l.id === row.ownerLibraryId)?.code ?? null,
    external: row.external,
    active: expiryDate === null || expiryDate >= today,
    effects: config.blockTypes.find((t) => t.code === row.typeCode)?.effects ?? NO_EFFECTS,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    version: row.version,
  };
}
