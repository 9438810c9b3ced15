import type { FieldError } from '@ulms/platform/contracts';
import type { SisProfileSettings } from './sis-profile.schema.js';
import type { SisRunOutcome } from './sis-run.schema.js';

export interface SisProfileDto {
  readonly id: string;
  readonly code: string;
  readonly version: number;
  readonly settings: SisProfileSettings;
  readonly updatedAt: string;
}

export type SisRunStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

export interface SisRunCounts {
  readonly processed: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly deactivated: number;
}

export interface SisRunDto {
  readonly id: string;
  readonly profileId: string;
  readonly profileCode: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly dryRun: boolean;
  /** A full load: the profile's users missing from the file get its missing-users policy. */
  readonly fullLoad: boolean;
  readonly status: SisRunStatus;
  readonly counts: SisRunCounts;
  /** Records in the file, once known (after the first pass of a run). */
  readonly total: number | null;
  readonly jobId: string | null;
  readonly startedBy: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
  /** For a dry run: the applied run started from it, if any. */
  readonly appliedRunId: string | null;
}

/** A field a run changed or would change, as the History tab words it. */
export interface SisFieldChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** One record's outcome (unchanged records are counted, not listed). */
export interface SisRunEntryDto {
  /** The record's position in the file (0-based), or, for a missing user, after the last record. */
  readonly seq: number;
  readonly outcome: SisRunOutcome;
  readonly primaryId: string | null;
  readonly userId: string | null;
  readonly changes: readonly SisFieldChange[];
  readonly errors: readonly FieldError[];
}

export interface SisRunEntriesPage {
  readonly entries: readonly SisRunEntryDto[];
  /** Pass as `after` for the next page; null at the end. */
  readonly next: number | null;
}

/** A format the institution's enabled plugins offer. */
export interface SisFormatDto {
  readonly id: string;
  readonly name: string;
  /** The profile's CSV column mapping applies to it. */
  readonly usesColumnMapping: boolean;
  readonly fileExtensions: readonly string[];
}
