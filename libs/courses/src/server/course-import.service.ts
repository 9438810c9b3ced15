import { basename, extname, join } from 'node:path';
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
import type { CourseImportDto, CourseImportEntriesPage } from '../contracts/course-import.dto.js';
import type { CourseImportOutcome } from '../contracts/course-import.schema.js';
import { COURSE_IMPORT_JOB } from './course-import.job-id.js';
import { toEntryDto, toImportDto } from './course-import.mapper.js';

/** Starting enrolment imports and reading what they did. */
export interface CourseImportService {
  /** Stores the file (CSV by the institution's mapping, or JSON) and starts an import of it. */
  start(
    institutionId: string,
    input: {
      fileName: string;
      content: AsyncIterable<Uint8Array> | Readable;
      dryRun: boolean;
      fullLoad: boolean;
      startedBy: string;
      startedById?: string;
    },
  ): Promise<CourseImportDto>;
  /** Applies a finished dry run: a new import of the same file. */
  apply(institutionId: string, dryRunId: string, startedBy: string, startedById?: string): Promise<CourseImportDto>;
  list(institutionId: string, options: { limit: number; before?: string }): Promise<CourseImportDto[]>;
  get(institutionId: string, id: string): Promise<CourseImportDto>;
  entries(
    institutionId: string,
    input: { importId: string; outcome?: CourseImportOutcome; after: number; limit: number },
  ): Promise<CourseImportEntriesPage>;
  /** The rejected rows as a CSV file (row, user_primary_id, course_code, section, field, reason), removed once read. */
  rejectsFile(institutionId: string, importId: string): Promise<{ size: number; content: AsyncIterable<Uint8Array> }>;
}

const formats: Record<string, 'csv' | 'json'> = {
  '.csv': 'csv',
  '.txt': 'csv',
  '.tsv': 'csv',
  '.json': 'json',
  '.jsonl': 'json',
  '.ndjson': 'json',
};

/** The file's format by its name; refused by name when it is neither. */
export function formatOf(fileName: string): 'csv' | 'json' {
  const format = formats[extname(fileName).toLowerCase()];
  if (!format) throw ValidationError.of('file', `is not a CSV (.csv, .txt, .tsv) or JSON (.json, .jsonl) file`);
  return format;
}

export function createCourseImportService(deps: {
  prisma: PrismaClient;
  jobs: () => JobService;
  dataDir: string;
}): CourseImportService {
  const { prisma } = deps;

  const get = async (institutionId: string, id: string) => {
    const row = await prisma.courseImport.findFirst({ where: { id, institutionId } });
    if (!row) throw new NotFoundError('enrolment import');
    return toImportDto(row);
  };

  /** An import whose job ended (failed by an operator, or lost) no longer holds the institution's imports. */
  const stillRunning = async (institutionId: string, jobId: string | null) => {
    if (!jobId) return true;
    const job = await deps
      .jobs()
      .get(institutionId, jobId)
      .catch(() => null);
    return job?.status === 'QUEUED' || job?.status === 'RUNNING';
  };

  /** Creates the import and its job; an import already in progress in the institution refuses a second. */
  const launch = async (
    institutionId: string,
    data: {
      fileName: string;
      filePath: string;
      fileSize: number;
      format: 'csv' | 'json';
      dryRun: boolean;
      fullLoad: boolean;
      startedBy: string;
    },
    startedById: string | undefined,
  ) => {
    const busy = await prisma.courseImport.findFirst({
      where: { institutionId, status: { in: ['QUEUED', 'RUNNING'] } },
      select: { id: true, jobId: true },
    });
    if (busy && (await stillRunning(institutionId, busy.jobId)))
      throw new ConflictError('an enrolment import is in progress in this institution; wait for it to finish');
    if (busy) {
      await prisma.$transaction([
        prisma.courseImport.update({
          where: { id: busy.id },
          data: { status: 'FAILED', error: 'its job ended without finishing the import', finishedAt: new Date() },
        }),
        prisma.courseImportMark.deleteMany({ where: { importId: busy.id } }),
      ]);
    }
    const created = await prisma.courseImport.create({
      data: { institutionId, ...data, fileSize: BigInt(data.fileSize) },
      select: { id: true },
    });
    try {
      const job = await deps
        .jobs()
        .start(institutionId, COURSE_IMPORT_JOB, { importId: created.id }, data.startedBy, startedById);
      await prisma.courseImport.update({ where: { id: created.id }, data: { jobId: job.id } });
    } catch (error) {
      await prisma.courseImport.update({
        where: { id: created.id },
        data: { status: 'FAILED', error: (error as Error).message, finishedAt: new Date() },
      });
      throw error;
    }
    return get(institutionId, created.id);
  };

  async function* rejects(institutionId: string, importId: string): AsyncIterable<string> {
    yield 'row,user_primary_id,course_code,section,field,reason\n';
    let after = -1;
    for (;;) {
      const rows = await prisma.courseImportEntry.findMany({
        where: { importId, institutionId, outcome: 'REJECTED', seq: { gt: after } },
        orderBy: { seq: 'asc' },
        take: 1000,
      });
      for (const row of rows) {
        for (const error of row.errors as { field: string; message: string }[]) {
          const cells = [row.seq + 1, row.userPrimaryId, row.courseCode, row.section, error.field, error.message];
          yield `${cells.map(csvCell).join(',')}\n`;
        }
      }
      if (rows.length < 1000) return;
      after = rows.at(-1)?.seq ?? after;
    }
  }

  return {
    async start(institutionId, input) {
      const format = formatOf(input.fileName);
      return storeUploadedFile(join(deps.dataDir, 'courses', institutionId), input.fileName, input.content, (file) =>
        launch(
          institutionId,
          {
            fileName: basename(input.fileName),
            filePath: file.path,
            fileSize: file.size,
            format,
            dryRun: input.dryRun,
            fullLoad: input.fullLoad,
            startedBy: input.startedBy,
          },
          input.startedById,
        ),
      );
    },

    async apply(institutionId, dryRunId, startedBy, startedById) {
      const dry = await prisma.courseImport.findFirst({ where: { id: dryRunId, institutionId } });
      if (!dry) throw new NotFoundError('enrolment import');
      if (!dry.dryRun) throw ValidationError.of('id', 'is not a dry run');
      if (dry.status !== 'SUCCEEDED') throw ValidationError.of('id', 'the dry run has not finished');
      if (dry.appliedImportId) throw new ConflictError('this dry run has been applied already');
      const applied = await launch(
        institutionId,
        {
          fileName: dry.fileName,
          filePath: dry.filePath,
          fileSize: Number(dry.fileSize),
          format: dry.format as 'csv' | 'json',
          dryRun: false,
          fullLoad: dry.fullLoad,
          startedBy,
        },
        startedById,
      );
      await prisma.courseImport.update({ where: { id: dry.id }, data: { appliedImportId: applied.id } });
      return applied;
    },

    async list(institutionId, options) {
      const rows = await prisma.courseImport.findMany({
        where: { institutionId, ...(options.before ? { createdAt: { lt: new Date(options.before) } } : {}) },
        orderBy: { createdAt: 'desc' },
        take: options.limit,
      });
      return rows.map(toImportDto);
    },

    get,

    async entries(institutionId, input) {
      await get(institutionId, input.importId);
      const rows = await prisma.courseImportEntry.findMany({
        where: {
          importId: input.importId,
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

    async rejectsFile(institutionId, importId) {
      await get(institutionId, importId);
      return temporaryFileOf(rejects(institutionId, importId));
    },
  };
}
