import type { Prisma } from '@prisma/client';
import { NotFoundError } from '@ulms/platform';
import type { UserDto } from '../contracts/user.dto.js';
import type { UsersConfig } from '../contracts/users-config.schema.js';
import { pictureUrlOf } from './picture-url.js';
import { toUserDto, userRecordSelect, type UserRecordRow } from './user-record.mapper.js';
import { readUserRecord } from './user-record.reader.js';
import type { UserServiceDeps } from './user-service.deps.js';
import { USERS_MODULE } from './users-module.js';

/** One user's record and the institution's configuration, as every operation of the user service reads them. */
export interface UserRecordLoader {
  configOf(institutionId: string): Promise<UsersConfig>;
  /** Within a transaction through it; otherwise in one plain statement, the fast read. */
  loadRow(institutionId: string, id: string, tx?: Prisma.TransactionClient): Promise<UserRecordRow>;
  /** The row with what the kernel says of its password and second factor, for a DTO someone will see. */
  withCredential(row: UserRecordRow, tx?: Prisma.TransactionClient): Promise<UserRecordRow>;
  dtoOf(row: UserRecordRow, config: UsersConfig): UserDto;
}

export function createUserRecordLoader(
  deps: Pick<UserServiceDeps, 'database' | 'modules' | 'credentials'>,
): UserRecordLoader {
  const configOf = (institutionId: string) => deps.modules.config<UsersConfig>(institutionId, USERS_MODULE);

  const withCredential = async (row: UserRecordRow, tx?: Prisma.TransactionClient) => {
    row.credential = await deps.credentials.statusOf(row.id, tx);
    return row;
  };

  const loadRow = async (institutionId: string, id: string, tx?: Prisma.TransactionClient): Promise<UserRecordRow> => {
    const row = tx
      ? await tx.user.findFirst({
          where: { id, institutionId },
          select: userRecordSelect,
        })
      : await readUserRecord(deps.database.sql, institutionId, id);
    if (!row) throw new NotFoundError('user');
    return withCredential(row, tx);
  };

  const dtoOf = (row: UserRecordRow, config: UsersConfig) => toUserDto(row, pictureUrlOf(row, config));

  return { configOf, loadRow, withCredential, dtoOf };
}
