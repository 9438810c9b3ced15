import { ConflictError, NotFoundError, ValidationError } from '@ulms/platform';
import type { SaveUserResult, UserDto } from '../contracts/user.dto.js';
import { protectedExternalFields } from '../contracts/user-codes.js';
import { userDtoToFields } from '../contracts/user-fields.js';
import type { UserService } from '../contracts/user-service.js';
import type { UserRecordLoader } from './user-record.loader.js';
import { toUserDto } from './user-record.mapper.js';
import type { UserRecordWriter } from './user-record.writer.js';
import type { UserSave } from './user-save.js';

const saved = (result: SaveUserResult): UserDto => {
  if (result.status !== 'saved') throw new ConflictError('the change was not saved');
  return result.user;
};

/** External users and their SIS: the SIS's record applied over staff overrides, and an override reverted. */
export function createSisRecordOperations(deps: {
  records: UserRecordLoader;
  save: UserSave;
  persist: UserRecordWriter;
  get: UserService['get'];
}): Pick<UserService, 'applySisRecord' | 'revertOverride'> {
  const { configOf, loadRow } = deps.records;
  return {
    async revertOverride(by, userId, field) {
      const row = await loadRow(by.institutionId, userId);
      const override = row.overrides.find((o) => o.field === field);
      if (!override) throw new NotFoundError(`override of "${field}"`);
      if (!(protectedExternalFields as readonly string[]).includes(field))
        throw ValidationError.of('field', `"${field}" cannot be overridden`);
      const fields = userDtoToFields(toUserDto(row));
      if (field !== 'pinNumber') (fields as Record<string, unknown>)[field] = override.sisValue;
      const config = await configOf(by.institutionId);
      await deps.persist(by, fields, row, config, {
        secrets: field === 'pinNumber' ? { pinNumberHash: override.sisValue as string | null } : {},
        overrideChanges: { set: new Map(), drop: new Set([field]) },
      });
      return deps.get(by.institutionId, userId);
    },
    async applySisRecord(by, userId, incoming) {
      return saved(await deps.save(by, { ...incoming, confirmDuplicate: true }, { existingId: userId, fromSis: true }));
    },
  };
}
