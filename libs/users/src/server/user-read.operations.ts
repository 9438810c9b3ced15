import { NotFoundError, ValidationError, visibleOwnerLibraries } from '@ulms/platform';
import type { NoteDto, StatisticDto } from '../contracts/user-parts.schema.js';
import type { UserService } from '../contracts/user-service.js';
import { notesAndStatistics, withOwnerCodes } from './owned-lists.js';
import type { UserRecordLoader } from './user-record.loader.js';
import { readUserRecordByIdentifier, readUserRecords, userExists } from './user-record.reader.js';

const MAX_USERS_AT_ONCE = 1000;
import type { UserServiceDeps } from './user-service.deps.js';

/** Reading users: by id, by identifier, and by identifier with the notes and statistics the viewer may see. */
export function createUserReadOperations(
  deps: Pick<UserServiceDeps, 'database' | 'institutions'> & { records: UserRecordLoader },
): Pick<UserService, 'get' | 'getMany' | 'requireExisting' | 'findByIdentifier' | 'findDocumentByIdentifier'> {
  const { configOf, loadRow, dtoOf } = deps.records;
  return {
    async get(institutionId, id) {
      return dtoOf(await loadRow(institutionId, id), await configOf(institutionId));
    },
    async getMany(institutionId, ids) {
      if (ids.length > MAX_USERS_AT_ONCE) throw ValidationError.of('ids', `at most ${MAX_USERS_AT_ONCE} at once`);
      const [rows, config] = await Promise.all([
        readUserRecords(deps.database.sql, institutionId, ids),
        configOf(institutionId),
      ]);
      const byId = new Map(rows.map((row) => [row.id, dtoOf(row, config)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
    async requireExisting(institutionId, id) {
      if (!(await userExists(deps.database.sql, institutionId, id))) throw new NotFoundError('user');
    },
    async findByIdentifier(institutionId, identifier) {
      const [found, config] = await Promise.all([
        readUserRecordByIdentifier(deps.database.sql, institutionId, identifier),
        configOf(institutionId),
      ]);
      return found && { heldAs: found.heldAs, user: dtoOf(found.row, config) };
    },
    async findDocumentByIdentifier(viewer, identifier) {
      const institutionId = viewer.institution.id;
      const libraryIds = visibleOwnerLibraries(viewer.institution, viewer.principal);
      const [found, config, libraries] = await Promise.all([
        readUserRecordByIdentifier(deps.database.sql, institutionId, identifier, {
          lists: notesAndStatistics,
          libraryIds,
        }),
        configOf(institutionId),
        deps.institutions.listLibraries(institutionId),
      ]);
      if (!found) return null;
      const owned = (rows: Record<string, unknown>[]) =>
        withOwnerCodes(rows as { ownerLibraryId: string | null }[], libraries);
      return {
        heldAs: found.heldAs,
        user: dtoOf(found.row, config),
        notes: owned(found.owned.notes) as NoteDto[],
        statistics: owned(found.owned.statistics) as StatisticDto[],
      };
    },
  };
}
