import type { PrismaClient } from '@prisma/client';
import {
  ConflictError,
  createExpiringCache,
  type InstitutionService,
  NotFoundError,
  parseInput,
  ValidationError,
} from '@ulms/platform';
import { codeTableEntryInput } from '../contracts/code-table.schema.js';
import type { CodeTableService } from '../contracts/code-table-service.js';
import type { CodeTable, RecordType } from '../contracts/user-codes.js';
import type { CodeTableEntryDto } from '../contracts/user.dto.js';

// The schema and the interface moved to the contracts; kept here for those who import them from here.
export { codeTableEntryInput, type CodeTableEntryInput } from '../contracts/code-table.schema.js';
export type { CodeTableService } from '../contracts/code-table-service.js';

/** Which user column each code table fills, to refuse removing a value still in use. */
const usedBy: Partial<Record<CodeTable, 'userGroup' | 'jobCategory' | 'userTitle' | 'campusCode'>> = {
  USER_GROUP: 'userGroup',
  JOB_CATEGORY: 'jobCategory',
  USER_TITLE: 'userTitle',
  CAMPUS: 'campusCode',
};

const entrySelect = {
  table: true,
  code: true,
  description: true,
  recordTypes: true,
  active: true,
} as const;

const CACHE_TTL_MS = 5_000;

/** Entries one code table may hold: the admin app reads every table at once, so the whole stays bounded. */
export const MAX_CODE_TABLE_ENTRIES = 1_000;

export function createCodeTableService(deps: {
  prisma: PrismaClient;
  institutions: InstitutionService;
}): CodeTableService {
  const { prisma, institutions } = deps;
  const toDto = (row: {
    table: string;
    code: string;
    description: string;
    recordTypes: string[];
    active: boolean;
  }) => ({
    ...row,
    recordTypes: row.recordTypes as RecordType[],
  });
  // Every read of a user labels its codes; the tables change rarely.
  const entriesOf = createExpiringCache<string, CodeTableEntryDto[]>(CACHE_TTL_MS);
  const allEntries = (institutionId: string) =>
    entriesOf.get(institutionId, async () => {
      const rows = await prisma.userCodeTableEntry.findMany({
        where: { institutionId },
        select: entrySelect,
        orderBy: [{ table: 'asc' }, { position: 'asc' }, { code: 'asc' }],
      });
      return rows.map(toDto);
    });
  return {
    async list(institutionId, table) {
      const entries = await allEntries(institutionId);
      return table ? entries.filter((e) => e.table === table) : entries;
    },

    async save(institutionId, input) {
      const entry = parseInput(codeTableEntryInput, input);
      const key = { institutionId, table: entry.table, code: entry.code };
      const isNew = !(await prisma.userCodeTableEntry.findUnique({
        where: { institutionId_table_code: key },
        select: { code: true },
      }));
      if (
        isNew &&
        (await prisma.userCodeTableEntry.count({
          where: { institutionId, table: entry.table },
        })) >= MAX_CODE_TABLE_ENTRIES
      )
        throw ValidationError.of(
          'code',
          `a code table holds at most ${MAX_CODE_TABLE_ENTRIES} entries; deactivate or remove one first`,
        );
      const row = await prisma.userCodeTableEntry.upsert({
        where: { institutionId_table_code: key },
        create: {
          ...key,
          description: entry.description,
          recordTypes: entry.recordTypes,
          active: entry.active,
        },
        update: {
          description: entry.description,
          recordTypes: entry.recordTypes,
          active: entry.active,
        },
        select: entrySelect,
      });
      entriesOf.delete(institutionId);
      return toDto(row);
    },

    async remove(institutionId, table, code) {
      const column = usedBy[table];
      if (column) {
        const count = await prisma.user.count({
          where: { institutionId, [column]: code },
        });
        if (count > 0)
          throw new ConflictError(`"${code}" is used by ${count} user${count === 1 ? '' : 's'}; deactivate it instead`);
      } else if (table === 'IDENTIFIER_TYPE') {
        const count = await prisma.userIdentifier.count({
          where: { institutionId, idType: code },
        });
        if (count > 0)
          throw new ConflictError(
            `"${code}" is used by ${count} identifier${count === 1 ? '' : 's'}; deactivate it instead`,
          );
      }
      const { count } = await prisma.userCodeTableEntry.deleteMany({
        where: { institutionId, table, code },
      });
      entriesOf.delete(institutionId);
      if (count === 0) throw new NotFoundError(`code "${code}" in ${table}`);
    },

    async lookups(institutionId) {
      const [entries, libraries] = await Promise.all([
        allEntries(institutionId),
        institutions.listLibraries(institutionId),
      ]);
      const allowed = new Map(entries.filter((e) => e.active).map((e) => [`${e.table}\u0000${e.code}`, e.recordTypes]));
      const tablesInUse = new Set(entries.filter((e) => e.active).map((e) => e.table));
      return {
        codeAllows: (table, code) => allowed.get(`${table}\u0000${code}`),
        hasEntries: (table) => tablesInUse.has(table),
        libraryCodes: new Set(libraries.map((l) => l.code)),
      };
    },
  };
}
