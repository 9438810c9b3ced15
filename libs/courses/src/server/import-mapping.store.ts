import type { PrismaClient } from '@prisma/client';
import { ConflictError, parseInput } from '@ulms/platform';
import type { ImportMappingDto } from '../contracts/course-import.dto.js';
import { type SaveImportMappingInput, saveImportMappingInput } from '../contracts/course-import.schema.js';
import type { EnrolmentField } from '../contracts/enrolment-fields.js';

/** The CSV column mapping of an institution's enrolment files. */
export interface ImportMappingStore {
  /** The saved mapping, or the default one (columns named as the fields) before any save. */
  get(institutionId: string): Promise<ImportMappingDto>;
  save(institutionId: string, input: SaveImportMappingInput): Promise<ImportMappingDto>;
}

/** Columns named as the fields they fill: what a file written for the module holds. */
const defaultColumns: ImportMappingDto['columns'] = (
  [
    'course_code',
    'section',
    'course_name',
    'academic_department',
    'term',
    'start_date',
    'end_date',
    'status',
    'instructors',
    'user_primary_id',
    'enrolled_since',
  ] as const satisfies readonly EnrolmentField[]
).map((field) => ({ column: field, field }));

export function createImportMappingStore(deps: { prisma: PrismaClient }): ImportMappingStore {
  const { prisma } = deps;
  const dtoOf = (row: { delimiter: string; columns: unknown; version: number }): ImportMappingDto => ({
    delimiter: row.delimiter,
    columns: row.columns as ImportMappingDto['columns'],
    version: row.version,
  });
  return {
    async get(institutionId) {
      const row = await prisma.courseImportMapping.findUnique({ where: { institutionId } });
      return row ? dtoOf(row) : { delimiter: ',', columns: defaultColumns, version: 0 };
    },
    async save(institutionId, input) {
      const { version, ...mapping } = parseInput(saveImportMappingInput, input);
      const read = version ?? 0;
      // Saved only over the version read: the first save creates the row (version 0 read), later ones bump it.
      const saved =
        read === 0
          ? await prisma.courseImportMapping
              .create({ data: { institutionId, ...mapping, version: 1 } })
              .catch(() => null)
          : await prisma.courseImportMapping
              .updateManyAndReturn({
                where: { institutionId, version: read },
                data: { ...mapping, version: { increment: 1 }, updatedAt: new Date() },
              })
              .then((rows) => rows[0] ?? null);
      if (!saved) throw new ConflictError('the mapping was changed meanwhile: reload it and save again');
      return dtoOf(saved);
    },
  };
}
