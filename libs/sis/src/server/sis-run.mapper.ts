import type { FieldError } from '@ulms/platform/contracts';
import type { SisFieldChange, SisRunDto, SisRunEntryDto, SisRunStatus } from '../contracts/sis-run.dto.js';
import type { SisRunOutcome } from '../contracts/sis-run.schema.js';

export const runSelect = {
  id: true,
  profileId: true,
  jobId: true,
  fileName: true,
  fileSize: true,
  dryRun: true,
  fullLoad: true,
  status: true,
  total: true,
  processed: true,
  created: true,
  updated: true,
  unchanged: true,
  rejected: true,
  deactivated: true,
  startedBy: true,
  createdAt: true,
  finishedAt: true,
  error: true,
  appliedRunId: true,
} as const;

type RunRow = {
  [K in keyof typeof runSelect]: K extends 'fileSize'
    ? bigint
    : K extends 'createdAt'
      ? Date
      : K extends 'finishedAt'
        ? Date | null
        : K extends 'dryRun' | 'fullLoad'
          ? boolean
          : K extends 'total' | 'jobId' | 'error' | 'appliedRunId'
            ? string | number | null
            : string | number;
};

export function toRunDto(row: RunRow, profileCode: string): SisRunDto {
  return {
    id: row.id as string,
    profileId: row.profileId as string,
    profileCode,
    fileName: row.fileName as string,
    fileSize: Number(row.fileSize),
    dryRun: row.dryRun,
    fullLoad: row.fullLoad,
    status: row.status as SisRunStatus,
    counts: {
      processed: row.processed as number,
      created: row.created as number,
      updated: row.updated as number,
      unchanged: row.unchanged as number,
      rejected: row.rejected as number,
      deactivated: row.deactivated as number,
    },
    total: row.total as number | null,
    jobId: row.jobId as string | null,
    startedBy: row.startedBy as string,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error as string | null,
    appliedRunId: row.appliedRunId as string | null,
  };
}

export function toEntryDto(row: {
  seq: number;
  outcome: string;
  primaryId: string | null;
  userId: string | null;
  changes: unknown;
  errors: unknown;
}): SisRunEntryDto {
  return {
    seq: row.seq,
    outcome: row.outcome as SisRunOutcome,
    primaryId: row.primaryId,
    userId: row.userId,
    changes: row.changes as SisFieldChange[],
    errors: row.errors as FieldError[],
  };
}
