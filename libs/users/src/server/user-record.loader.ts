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
  /** Within a transaction through it; otherwise in one plain statement, the fast read (the credential's status included). */
  loadRow(institutionId: string, id: string, tx?: Prisma.TransactionClient): Promise<UserRecordRow>;
  dtoOf(row: UserRecordRow, config: UsersConfig): UserDto;
}

export function createUserRecordLoader(
  deps: Pick<UserServiceDeps, 'database' | 'modules' | 'credentials'>,
): UserRecordLoader {
  const configOf = (institutionId: string) => deps.modules.config<UsersConfig>(institutionId, USERS_MODULE);

  const loadRow = async (institutionId: string, id: string, tx?: Prisma.TransactionClient): Promise<UserRecordRow> => {
    if (!tx) {
      const row = await readUserRecord(deps.database.sql, institutionId, id);
      if (!row) throw new NotFoundError('user');
      return row;
    }
    const row = await tx.user.findFirst({ where: { id, institutionId }, select: userRecordSelect });
    if (!row) throw new NotFoundError('user');
    return { ...row, credential: await deps.credentials.statusOf(id, tx) };
  };

  const dtoOf = (row: UserRecordRow, config: UsersConfig) => toUserDto(row, pictureUrlOf(row, config));

  return { configOf, loadRow, dtoOf };
}
