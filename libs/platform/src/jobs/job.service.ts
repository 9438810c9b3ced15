import type { PrismaClient } from '@prisma/client';
import type { Logger } from 'pino';
import type { JobInfo, JobStatus } from '../contracts/jobs.schema.js';
import { isUniqueViolation } from '../database/database-errors.js';
import { ConflictError, NotFoundError } from '../errors/domain-errors.js';
import { parseInput } from '../errors/parse-input.js';
import type { ServiceContainer } from '../plugin/service-ref.js';
import type { JobDefinition } from './job-definition.js';

/** Starts background jobs, one running per type and institution, and keeps their progress and report. */
export interface JobService {
  start(institutionId: string, type: string, params: unknown, createdBy: string): Promise<JobInfo>;
  get(institutionId: string, id: string): Promise<JobInfo>;
  list(institutionId: string, options?: { type?: string; limit?: number }): Promise<JobInfo[]>;
  /** Resolves when the job has finished (for tests and the CLI). */
  waitFor(id: string): Promise<void>;
  /** Marks jobs left RUNNING by a stopped process as failed; run at start-up. */
  failInterrupted(): Promise<number>;
}

const jobSelect = {
  id: true,
  type: true,
  status: true,
  params: true,
  processed: true,
  total: true,
  report: true,
  error: true,
  createdBy: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export function createJobService(deps: {
  prisma: PrismaClient;
  definitions: readonly JobDefinition[];
  logger: Logger;
  services: () => ServiceContainer;
}): JobService {
  const { prisma, logger } = deps;
  const byType = new Map(deps.definitions.map((d) => [d.id, d]));
  const running = new Map<string, Promise<void>>();

  const info = (row: { type: string; status: string } & Omit<JobInfo, 'title' | 'status' | 'type'>): JobInfo => ({
    ...row,
    status: row.status as JobStatus,
    title: byType.get(row.type)?.title ?? row.type,
  });

  const execute = async (definition: JobDefinition, id: string, institutionId: string, params: unknown) => {
    try {
      const report = await definition.run({
        jobId: id,
        institutionId,
        params,
        services: deps.services(),
        actor: `job:${definition.id}`,
        progress: async (processed, total) => {
          await prisma.job.update({ where: { id }, data: { processed, ...(total !== undefined ? { total } : {}) } });
        },
      });
      await prisma.job.update({
        where: { id },
        data: { status: 'SUCCEEDED', report: (report ?? null) as never, finishedAt: new Date() },
      });
    } catch (error) {
      logger.error({ err: error, job: id, type: definition.id }, 'job failed');
      await prisma.job.update({
        where: { id },
        data: { status: 'FAILED', error: error instanceof Error ? error.message : String(error), finishedAt: new Date() },
      });
    }
  };

  return {
    async start(institutionId, type, params, createdBy) {
      const definition = byType.get(type);
      if (!definition) throw new NotFoundError(`job type "${type}"`);
      const parsed = parseInput(definition.paramsSchema, params);
      let row;
      try {
        row = await prisma.job.create({
          data: { institutionId, type, params: parsed as never, status: 'RUNNING', createdBy, startedAt: new Date() },
          select: jobSelect,
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`a "${definition.title}" job is already running`);
        throw error;
      }
      const done = execute(definition, row.id, institutionId, parsed).finally(() => running.delete(row.id));
      running.set(row.id, done);
      return info(row);
    },
    async get(institutionId, id) {
      const row = await prisma.job.findFirst({ where: { id, institutionId }, select: jobSelect });
      if (!row) throw new NotFoundError('job');
      return info(row);
    },
    async list(institutionId, options = {}) {
      const rows = await prisma.job.findMany({
        where: { institutionId, type: options.type },
        select: jobSelect,
        orderBy: { createdAt: 'desc' },
        take: options.limit ?? 50,
      });
      return rows.map(info);
    },
    async waitFor(id) {
      await running.get(id);
    },
    async failInterrupted() {
      const { count } = await prisma.job.updateMany({
        where: { status: 'RUNNING', id: { notIn: [...running.keys()] } },
        data: { status: 'FAILED', error: 'interrupted: the server stopped while the job ran', finishedAt: new Date() },
      });
      return count;
    },
  };
}
