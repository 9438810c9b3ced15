import type { FieldError } from '@ulms/platform/contracts';
import type { CourseImportOutcome } from './course-import.schema.js';
import type { EnrolmentField } from './enrolment-fields.js';

export interface ImportMappingDto {
  readonly delimiter: string;
  readonly columns: readonly { readonly column: string; readonly field: EnrolmentField }[];
  readonly version: number;
}

export type CourseImportStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface CourseImportCounts {
  /** Rows read and settled. */
  readonly processed: number;
  /** Enrolments added (a dry run: would be added). */
  readonly added: number;
  /** Rows whose enrolment already existed. */
  readonly kept: number;
  readonly rejected: number;
  /** Enrolments a full load removed (a dry run: would remove). */
  readonly removed: number;
  readonly coursesCreated: number;
  /** Enrolment rules that failed after their batch was saved (the enrolments stay). */
  readonly ruleFailures: number;
}

export interface CourseImportDto {
  readonly id: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly format: 'csv' | 'json';
  readonly dryRun: boolean;
  /** A full load: the institution's enrolments missing from the file are removed. */
  readonly fullLoad: boolean;
  readonly status: CourseImportStatus;
  readonly counts: CourseImportCounts;
  /** Rows in the file, once read to the end. */
  readonly total: number | null;
  readonly jobId: string | null;
  readonly startedBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
  /** The last enrolment rule failure's message. */
  readonly ruleError: string | null;
  /** For a dry run: the import that applied it. */
  readonly appliedImportId: string | null;
}

export interface CourseImportEntryDto {
  /** The row's position in the file (0-based); removals come after the last row. */
  readonly seq: number;
  readonly outcome: CourseImportOutcome;
  readonly userPrimaryId: string | null;
  readonly courseCode: string | null;
  readonly section: string | null;
  readonly errors: readonly FieldError[];
}

export interface CourseImportEntriesPage {
  readonly entries: readonly CourseImportEntryDto[];
  readonly next: number | null;
}
