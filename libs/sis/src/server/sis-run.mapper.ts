import type { Prisma } from '@prisma/client';
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

type RunRow = Prisma.SisRunGetPayload<{ select: typeof runSelect }>;

export function toRunDto(row: RunRow, profileCode: string): SisRunDto {
  return {
    id: row.id,
    profileId: row.profileId,
    profileCode,
    fileName: row.fileName,
    fileSize: Number(row.fileSize),
    dryRun: row.dryRun,
    fullLoad: row.fullLoad,
    status: row.status as SisRunStatus,
    counts: {
      processed: row.processed,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      rejected: row.rejected,
      deactivated: row.deactivated,
    },
    total: row.total,
    jobId: row.jobId,
    startedBy: row.startedBy,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
    appliedRunId: row.appliedRunId,
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
