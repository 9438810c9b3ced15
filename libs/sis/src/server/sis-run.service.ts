import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { PrismaClient } from '@prisma/client';
import {
  ConflictError,
  csvCell,
  type JobService,
  NotFoundError,
  storeUploadedFile,
  temporaryFileOf,
  ValidationError,
} from '@ulms/platform';
import type { SisRunDto, SisRunEntriesPage } from '../contracts/sis-run.dto.js';
import type { SisRunOutcome } from '../contracts/sis-run.schema.js';
import type { SisProfileStore } from './sis-profile.store.js';
import { runSelect, toEntryDto, toRunDto } from './sis-run.mapper.js';
import { SIS_RUN_JOB } from './sis-run.job-id.js';

/** Starting runs and reading what they did. */
export interface SisRunService {
  /** Stores the file and starts a run of `profileId` on it. */
  start(
    institutionId: string,
    input: {
      profileId: string;
      fileName: string;
      content: AsyncIterable<Uint8Array> | Readable;
      dryRun: boolean;
      fullLoad: boolean;
      startedBy: string;
      startedById?: string;
    },
  ): Promise<SisRunDto>;
  /** Applies a dry run: a new run on the same file. */
  apply(institutionId: string, dryRunId: string, startedBy: string, startedById?: string): Promise<SisRunDto>;
  list(institutionId: string, options: { profileId?: string; limit: number; before?: string }): Promise<SisRunDto[]>;
  get(institutionId: string, id: string): Promise<SisRunDto>;
  entries(
    institutionId: string,
    input: { runId: string; outcome?: SisRunOutcome; after: number; limit: number },
  ): Promise<SisRunEntriesPage>;
  /** The rejected records as CSV lines (record, primary_id, field, reason), read page by page. */
  rejects(institutionId: string, runId: string): AsyncIterable<string>;
  /** The rejects as a file written to disk first (its size is the download's length), removed once read. */
  rejectsFile(institutionId: string, runId: string): Promise<{ size: number; content: AsyncIterable<Uint8Array> }>;
}

export function createSisRunService(deps: {
  prisma: PrismaClient;
  profiles: SisProfileStore;
  jobs: () => JobService;
  dataDir: string;
}): SisRunService {
  const { prisma, profiles } = deps;

  const codeOf = async (institutionId: string, profileId: string) => {
    try {
      return (await profiles.get(institutionId, profileId)).code;
    } catch {
      return '(removed)';
    }
  };

  const get = async (institutionId: string, id: string) => {
    const row = await prisma.sisRun.findFirst({ where: { id, institutionId }, select: runSelect });
    if (!row) throw new NotFoundError('SIS run');
    return toRunDto(row, await codeOf(institutionId, row.profileId));
  };

  /** A run whose job ended (failed by an operator, or lost) no longer holds the institution's loads. */
  const stillRunning = async (institutionId: string, jobId: string | null) => {
    if (!jobId) return true;
    try {
      const job = await deps.jobs().get(institutionId, jobId);
      return job.status === 'QUEUED' || job.status === 'RUNNING';
    } catch {
      return false;
    }
  };

  /** Creates the run and its job; a run already in progress in the institution refuses a second. */
  const launch = async (
    institutionId: string,
    run: {
      profileId: string;
      fileName: string;
      filePath: string;
      fileSize: number;
      dryRun: boolean;
      fullLoad: boolean;
      startedBy: string;
    },
    startedById: string | undefined,
  ) => {
    const busy = await prisma.sisRun.findFirst({
      where: { institutionId, status: { in: ['QUEUED', 'RUNNING'] } },
      select: { id: true, jobId: true },
    });
    if (busy && (await stillRunning(institutionId, busy.jobId)))
      throw new ConflictError('a SIS run is in progress in this institution; wait for it to finish');
    if (busy) {
      await prisma.sisRun.update({
        where: { id: busy.id },
        data: { status: 'FAILED', error: 'its job ended without finishing the run', finishedAt: new Date() },
      });
    }
    const created = await prisma.sisRun.create({
      data: { institutionId, ...run, fileSize: BigInt(run.fileSize) },
      select: { id: true },
    });
    try {
      const job = await deps
        .jobs()
        .start(institutionId, SIS_RUN_JOB, { runId: created.id }, run.startedBy, startedById);
      await prisma.sisRun.update({ where: { id: created.id }, data: { jobId: job.id } });
    } catch (error) {
      await prisma.sisRun.update({
        where: { id: created.id },
        data: { status: 'FAILED', error: (error as Error).message, finishedAt: new Date() },
      });
      throw error;
    }
    return get(institutionId, created.id);
  };

  /** The rejected records as CSV lines, page by page. */
  async function* rejects(institutionId: string, runId: string): AsyncIterable<string> {
    await get(institutionId, runId);
    yield 'record,primary_id,field,reason\n';
    let after = -1;
    for (;;) {
      const rows = await prisma.sisRunEntry.findMany({
        where: { runId, institutionId, outcome: 'REJECTED', seq: { gt: after } },
        orderBy: { seq: 'asc' },
        take: 1000,
        select: { seq: true, primaryId: true, errors: true },
      });
      for (const row of rows) {
        for (const error of row.errors as { field: string; message: string }[]) {
          yield `${[row.seq + 1, row.primaryId, error.field, error.message].map(csvCell).join(',')}\n`;
        }
      }
      if (rows.length < 1000) return;
      after = rows.at(-1)?.seq ?? after;
    }
  }

  return {
    async start(institutionId, input) {
      const profile = await profiles.get(institutionId, input.profileId);
      return storeUploadedFile(join(deps.dataDir, 'sis', institutionId), input.fileName, input.content, (file) =>
        launch(
          institutionId,
          {
            profileId: profile.id,
            fileName: basename(input.fileName),
            filePath: file.path,
            fileSize: file.size,
            dryRun: input.dryRun,
            fullLoad: input.fullLoad,
            startedBy: input.startedBy,
          },
          input.startedById,
        ),
      );
    },

    async apply(institutionId, dryRunId, startedBy, startedById) {
      const dry = await prisma.sisRun.findFirst({ where: { id: dryRunId, institutionId } });
      if (!dry) throw new NotFoundError('SIS run');
      if (!dry.dryRun) throw ValidationError.of('id', 'is not a dry run');
      if (dry.status !== 'SUCCEEDED') throw ValidationError.of('id', 'the dry run has not finished');
      if (dry.appliedRunId) throw new ConflictError('this dry run has been applied already');
      const run = await launch(
        institutionId,
        {
          profileId: dry.profileId,
          fileName: dry.fileName,
          filePath: dry.filePath,
          fileSize: Number(dry.fileSize),
          dryRun: false,
          fullLoad: dry.fullLoad,
          startedBy,
        },
        startedById,
      );
      await prisma.sisRun.update({ where: { id: dry.id }, data: { appliedRunId: run.id } });
      return run;
    },

    async list(institutionId, options) {
      if (options.profileId) await profiles.get(institutionId, options.profileId);
      const rows = await prisma.sisRun.findMany({
        where: {
          institutionId,
          ...(options.profileId ? { profileId: options.profileId } : {}),
          ...(options.before ? { createdAt: { lt: new Date(options.before) } } : {}),
        },
        select: runSelect,
        orderBy: { createdAt: 'desc' },
        take: options.limit,
      });
      const codes = new Map((await profiles.list(institutionId)).map((p) => [p.id, p.code]));
      return rows.map((row) => toRunDto(row, codes.get(row.profileId) ?? '(removed)'));
    },

    get,

    async entries(institutionId, input) {
      await get(institutionId, input.runId);
      const rows = await prisma.sisRunEntry.findMany({
        where: {
          runId: input.runId,
          institutionId,
          seq: { gt: input.after },
          ...(input.outcome ? { outcome: input.outcome } : {}),
        },
        orderBy: { seq: 'asc' },
        take: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      return { entries: page.map(toEntryDto), next: rows.length > input.limit ? (page.at(-1)?.seq ?? null) : null };
    },

    async rejectsFile(institutionId, runId) {
      return temporaryFileOf(rejects(institutionId, runId));
    },

    rejects,
  };
}
