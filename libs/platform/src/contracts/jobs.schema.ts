import { z } from 'zod';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED';

/** A job as the jobs page shows it. */
export interface JobInfo {
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly status: JobStatus;
  readonly params: unknown;
  readonly processed: number;
  readonly total: number | null;
  /** What the job did and what it skipped, with reasons. */
  readonly report: unknown;
  readonly error: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export const listJobsInput = z
  .object({ type: z.string().optional(), limit: z.number().int().min(1).max(200).default(50) })
  .default({ limit: 50 });
export const jobIdInput = z.object({ id: z.uuid() });
