import type { CourseImport, CourseImportEntry } from '@prisma/client';
import type { FieldError } from '@ulms/platform/contracts';
import type { CourseImportDto, CourseImportEntryDto, CourseImportStatus } from '../contracts/course-import.dto.js';
import type { CourseImportOutcome } from '../contracts/course-import.schema.js';

export const toImportDto = (row: CourseImport): CourseImportDto => ({
  id: row.id,
  fileName: row.fileName,
  fileSize: Number(row.fileSize),
  format: row.format as CourseImportDto['format'],
  dryRun: row.dryRun,
  fullLoad: row.fullLoad,
  status: row.status as CourseImportStatus,
  counts: {
    processed: row.processed,
    added: row.added,
    kept: row.kept,
    rejected: row.rejected,
    removed: row.removed,
    coursesCreated: row.coursesCreated,
    ruleFailures: row.ruleFailures,
  },
  total: row.total,
  jobId: row.jobId,
  startedBy: row.startedBy,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
  error: row.error,
  ruleError: row.ruleError,
  appliedImportId: row.appliedImportId,
});

export const toEntryDto = (row: CourseImportEntry): CourseImportEntryDto => ({
  seq: row.seq,
  outcome: row.outcome as CourseImportOutcome,
  userPrimaryId: row.userPrimaryId,
  courseCode: row.courseCode,
  section: row.section,
  errors: row.errors as unknown as FieldError[],
});
