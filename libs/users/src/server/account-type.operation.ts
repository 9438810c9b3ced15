import { userDtoToFields } from '../contracts/user-fields.js';
import type { UserService } from '../contracts/user-service.js';
import { SIS_TEMP_OWNER } from './account-type.rules.js';
import type { UserRecordLoader } from './user-record.loader.js';
import { toUserDto } from './user-record.mapper.js';
import type { UserRecordWriter } from './user-record.writer.js';

/** Toggle Account Type: internal to external (owner SIS_temp) or external to internal (its data kept). */
export function createAccountTypeOperation(deps: {
  records: UserRecordLoader;
  persist: UserRecordWriter;
  get: UserService['get'];
}): Pick<UserService, 'toggleAccountType'> {
  const { configOf, loadRow } = deps.records;
  return {
    async toggleAccountType(by, userId) {
      const row = await loadRow(by.institutionId, userId);
      const fields = userDtoToFields(toUserDto(row));
      const toExternal = row.accountType !== 'EXTERNAL';
      const segmentType = toExternal ? 'EXTERNAL' : 'INTERNAL';
      const config = await configOf(by.institutionId);
      await deps.persist(
        by,
        {
          ...fields,
          accountType: toExternal ? 'EXTERNAL' : 'INTERNAL',
          externalId: toExternal ? SIS_TEMP_OWNER : null,
          identifiers: fields.identifiers.map((i) => ({
            ...i,
            segmentType: toExternal ? 'EXTERNAL' : 'INTERNAL',
          })),
          ...(toExternal
            ? {}
            : {
                emails: fields.emails.map((e) => ({ ...e, segmentType })),
                addresses: fields.addresses.map((a) => ({ ...a, segmentType })),
                phones: fields.phones.map((p) => ({ ...p, segmentType })),
              }),
        },
        row,
        config,
        {
          secrets: {},
          overrideChanges: {
            set: new Map(),
            drop: new Set(toExternal ? [] : row.overrides.map((o) => o.field)),
          },
        },
      );
      return deps.get(by.institutionId, userId);
    },
  };
}
